/**
 * The third pass of `clicktrail verify`'s checks: log files no digest lists. Those inside a break of a chain, outside
 * the missing digest named there, reveal more missing digests (CloudTrail writes one an hour): one finding per hour.
 */
import {digestPlace, logPlace, type ChainId} from './keys.js';
import type {ChainBreak} from './check-chains.js';
import {HOUR, iso, type Ledger, type Read} from './check-shared.js';
import type {LogInput} from './types.js';

/** Reports every log file not in `listed`, and the digests inferred missing from them. */
export function checkUnlisted(
	reads: readonly Read[],
	logs: readonly LogInput[],
	listed: ReadonlySet<string>,
	breaks: readonly ChainBreak[],
	ledger: Ledger,
): void {
	const inferred = new Map<string, {chain: ChainId; hourMs: number; logs: string[]}>();
	const newestByPlace = new Map<string, number>();
	for (const read of reads) {
		const place = digestPlace(read.input.key);
		if (place !== undefined && !Number.isNaN(read.endMs))
			newestByPlace.set(place, Math.max(newestByPlace.get(place) ?? 0, read.endMs));
	}
	for (const log of logs) {
		if (listed.has(log.key)) continue;
		const where = logPlace(log.key);
		const at = where?.deliveredAt;
		let text = 'no digest in the copy lists it';
		const newest = where ? newestByPlace.get(where.place) : undefined;
		if (at !== undefined && newest !== undefined && at >= newest) {
			text += ` (delivered after the newest digest of its chain, ${iso(newest)}: its digest may not have been written yet when the copy was made, or it was deleted)`;
		}
		const inBreak =
			at === undefined || !where
				? undefined
				: breaks.find(
						gap =>
							digestPlace(gap.before.input.key) === where.place &&
							at >= (gap.after?.endMs ?? Number.NEGATIVE_INFINITY) &&
							at < gap.missingEnd - HOUR,
					);
		if (inBreak && at !== undefined) {
			const hourMs = Math.floor(at / HOUR) * HOUR;
			const id = `${inBreak.chain.id}|${hourMs}`;
			const entry = inferred.get(id) ?? {chain: inBreak.chain, hourMs, logs: []};
			inferred.set(id, entry);
			entry.logs.push(log.key);
			text += `; delivered inside the break before ${inBreak.missingKey}`;
		}
		ledger.add(log.key, 'log', 'unlisted', text);
	}
	for (const {chain, hourMs, logs: hourLogs} of inferred.values()) {
		const end = new Date(hourMs + HOUR).toISOString();
		const stamp = `${end.slice(0, 4)}${end.slice(5, 7)}${end.slice(8, 10)}T${end.slice(11, 13)}`;
		const file = `${chain.folder}/${end.slice(0, 4)}/${end.slice(5, 7)}/${end.slice(8, 10)}/${chain.account}_CloudTrail-Digest_${chain.region}_${chain.trail}_${chain.homeRegion}_${stamp}*.json.gz`;
		ledger.add(
			file,
			'digest',
			'missing',
			`not in the copy (name inferred): ${hourLogs.length} log file(s) delivered ${iso(hourMs)} to ${iso(hourMs + HOUR)} are in no digest, inside a break in the chain, e.g. ${hourLogs[0]}`,
		);
	}
}
