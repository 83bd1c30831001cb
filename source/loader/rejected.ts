/** Why records were rejected, in words, for the summary and the ledger. */
import type {Rejected} from '../store/ingest.js';
import {MAX_DEPTH, MAX_RECORD_BYTES} from './json-scan.js';

/** "41 without eventID, 2 with an eventTime that is not a real instant (...)". */
export function describeRejected(rejected: Rejected): string {
	const parts: string[] = [];
	const add = (n: number, text: string) => {
		if (n > 0) parts.push(`${n.toLocaleString('en-US')} ${text}`);
	};
	add(rejected.noEventID, 'without eventID');
	add(rejected.noEventTime, 'without eventTime');
	add(rejected.badEventTime, 'with an eventTime that is not a real instant (RFC 3339, years 1970-2099)');
	add(rejected.notObject, 'not a JSON object');
	add(rejected.tooDeep, `nested deeper than ${MAX_DEPTH.toLocaleString('en-US')} levels`);
	add(rejected.tooLarge, `larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB`);
	return parts.join(', ');
}
