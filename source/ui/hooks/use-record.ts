/**
 * The record view's data: one whole event.
 */
import {recordQuery} from '../../query/paging.js';
import type {Row} from '../../store/database.js';
import {useJob, type Loaded} from './use-job.js';

/** One event: every column; raw parsed into a value. */
export type EventRecord = {row: Row; raw: unknown};

/** The event with `eventID`, or null if the case file has none. */
export function useRecord(eventID: string | undefined): Loaded<EventRecord | null> {
	return useJob('record', eventID, async query => {
		const row = (await query(recordQuery(eventID!)))[0];
		if (!row) return null;
		const raw = row['raw'];
		let parsed: unknown = raw;
		if (typeof raw === 'string') {
			try {
				parsed = JSON.parse(raw);
			} catch {
				parsed = raw;
			}
		}
		return {row, raw: parsed};
	});
}
