/** Exit statuses, documented in the README. */
export const EXIT = {
	/** Everything asked was done. */
	ok: 0,
	/** An error stopped the command: a SQL error, a case file in use, an unreadable source. */
	error: 1,
	/** The command line is wrong. */
	usage: 2,
	/** The load finished, but some inputs failed (each named on stderr); everything else loaded. */
	partial: 3,
	/** verify: what was checked found problems (tampered, missing or unlisted files, bad signatures, chain gaps). */
	problems: 4,
	/** hunt: findings of high or critical severity (listed on stdout, kept in the case file). */
	findings: 5,
	/** Interrupted (Ctrl-C). */
	interrupted: 130,
} as const;

/** An error whose message is for the user as it is, with the exit status to use. */
export class UserError extends Error {
	constructor(
		message: string,
		readonly exitCode: number = EXIT.error,
	) {
		super(message);
	}
}
