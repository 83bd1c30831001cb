/**
 * The checks of `clicktrail verify`, with no I/O: digests (bytes and signatures) and log hashes in, findings out.
 * The same checks as aws-cli's `cloudtrail validate-logs` (signature, log hashes, links between digests), made
 * offline, plus what it does not report: every break in a chain (it reports one of two consecutive deleted digests,
 * aws-cli#7054) and log files no digest lists.
 */
import {checkChains} from './check-chains.js';
import {checkDigests} from './check-digests.js';
import {KeyIndex, Ledger} from './check-shared.js';
import {checkUnlisted} from './check-unlisted.js';
import type {PublicKeys} from './public-keys.js';
import {
	STATUS_ORDER,
	type DigestInput,
	type Finding,
	type FindingStatus,
	type LogInput,
	type VerifySummary,
} from './types.js';

/** Options of {@link checkArchive}. */
export type CheckOptions = {
	/** Public keys by fingerprint; undefined when none were given. */
	publicKeys?: PublicKeys;
	/** The bucket the copy came from (--bucket): each digest's digestS3Bucket must name it. */
	bucket?: string;
	/** Why digests have no signature, for the report (e.g. 'no --signatures file and no .meta.json sidecars'). */
	noSignaturesReason?: string;
};

/** Findings and counts (summary.source is the caller's to fill). */
export type CheckResult = {findings: Finding[]; summary: Omit<VerifySummary, 'source'>};

/** Checks a copy of a trail: every digest, every log file, every chain (three passes, one file each). */
export function checkArchive(
	digests: readonly DigestInput[],
	logs: readonly LogInput[],
	options: CheckOptions = {},
): CheckResult {
	const ledger = new Ledger();
	const {reads, listed, signaturesChecked, notChecked} = checkDigests(digests, new KeyIndex(logs), ledger, options);
	const {chains, breaks} = checkChains(reads, new KeyIndex(digests), ledger);
	checkUnlisted(reads, logs, listed, breaks, ledger);

	const findings = ledger.findings();
	const byStatus = Object.fromEntries(STATUS_ORDER.map(status => [status, 0])) as Record<FindingStatus, number>;
	for (const finding of findings) byStatus[finding.status]++;
	const problems = findings.some(f => f.status !== 'valid' && f.status !== 'not-checked');
	const reasons = [...notChecked];
	return {
		findings,
		summary: {
			digests: digests.length,
			logFiles: logs.length,
			chains,
			byStatus,
			signaturesChecked,
			...(reasons.length > 0
				? {
						signaturesNote: `${digests.length - signaturesChecked} of ${digests.length} digest signatures not checked: ${reasons.join('; ')}`,
					}
				: {}),
			ok: !problems,
		},
	};
}
