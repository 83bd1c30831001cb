/**
 * The record view's data: one whole event.
 */
import {recordQuery} from '../../query/paging.js';
import {parseFirstWins, type DuplicateKeys} from '../json/parse.js';
import type {Row} from '../../store/database.js';
import {useJob, type Loaded} from './use-job.js';

/** What `clicktrail verify --db` recorded about the event's source file, if anything. */
export type FileIntegrity = {status: string; checkedAt?: Date};

/**
 * One event: every column; raw parsed into a value (the first of duplicate keys kept, as the loader keeps it), with
 * the keys it repeats; its source file's integrity when verified.
 */
export type EventRecord = {
	row: Row;
	raw: unknown;
	duplicates?: DuplicateKeys;
	droppedKeys?: number;
	integrity?: FileIntegrity;
};

/** The event with `eventID` (at `eventTime`, when known: a faster lookup), or null if the case file has none. */
export function useRecord(eventID: string | undefined, eventTime?: Date): Loaded<EventRecord | null> {
	return useJob('record', eventID === undefined ? undefined : JSON.stringify([eventID, eventTime]), async query => {
		const row = (await query(recordQuery(eventID!, eventTime)))[0];
		if (!row) return null;
		const raw = row['raw'];
		const record: EventRecord = {row, raw};
		if (typeof raw === 'string') {
			try {
				const parsed = parseFirstWins(raw);
				Object.assign(record, {raw: parsed.value, duplicates: parsed.duplicates, droppedKeys: parsed.droppedKeys});
			} catch {
				// Not JSON: shown as the text it is.
			}
		}
		if (typeof row['sourceFile'] === 'string') {
			const file = (
				await query({
					sql: 'SELECT integrity, integrityCheckedAt FROM files WHERE path = ? AND integrity IS NOT NULL',
					params: [row['sourceFile']],
				})
			)[0];
			if (file)
				record.integrity = {
					status: String(file['integrity']),
					...(file['integrityCheckedAt'] instanceof Date ? {checkedAt: file['integrityCheckedAt']} : {}),
				};
		}
		return record;
	});
}
