/**
 * The record view's read: one whole event, parsed once as it arrives into its JSON lines and the summary the
 * pivots use.
 */
import {PIVOTS, type PivotColumn} from '../../events/columns.js';
import {eventFindingsQuery} from '../../query/findings.js';
import {identityRecordQuery, integrityQuery, recordQuery} from '../../query/record.js';
import type {Query} from '../../store/reader.js';
import {jsonLines} from '../json-lines.js';
import {parseFirstWins} from '../json/parse.js';
import type {EventFinding, EventRecord, RecordData, RecordSummary} from '../model/data.js';

/** The event with `eventID` (at `eventTime`, when known: a faster lookup), or null if the case file has none. */
export async function loadEvent(query: Query, eventID: string, eventTime?: Date): Promise<EventRecord | null> {
	// Not in events: a lineage hop's issuing event, kept in identity_events.
	const row = (await query(recordQuery(eventID, eventTime)))[0] ?? (await query(identityRecordQuery(eventID)))[0];
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
		const file = (await query(integrityQuery(row['sourceFile'])))[0];
		if (file)
			record.integrity = {
				status: String(file['integrity']),
				...(file['integrityCheckedAt'] instanceof Date ? {checkedAt: file['integrityCheckedAt']} : {}),
			};
	}
	const findings = await eventFindings(query, String(row['eventID']));
	if (findings.length > 0) record.findings = findings;
	return record;
}

/** The findings that hold the event (none when the case file was never hunted). */
async function eventFindings(query: Query, eventID: string): Promise<EventFinding[]> {
	return (await query(eventFindingsQuery(eventID))).map(row => ({
		findingId: Number(row['findingId']),
		severity: String(row['severity']),
		title: String(row['title']),
		ruleId: String(row['ruleId']),
		fields: Array.isArray(row['fields']) ? row['fields'].map(String) : [],
	}));
}

/** The event with its JSON lines and summary, or null. */
export async function loadRecord(query: Query, eventID: string, eventTime?: Date): Promise<RecordData | null> {
	const record = await loadEvent(query, eventID, eventTime);
	return record && recordData(record);
}

/** What the record view shows of an event: its JSON lines (computed here, once) and its summary. */
export function recordData(record: EventRecord): RecordData {
	const lines = jsonLines(record.raw, {
		...(record.duplicates ? {duplicates: record.duplicates} : {}),
		extra: {
			sourceFile: record.row['sourceFile'],
			// Which rules matched the event, and the fields that made them match.
			...(record.findings
				? {
						findings: record.findings.map(f => ({
							finding: f.findingId,
							severity: f.severity,
							title: f.title,
							rule: f.ruleId,
							matchedOn: f.fields,
						})),
					}
				: {}),
		},
	});
	return {record, lines, summary: summary(record.row)};
}

function summary(row: Record<string, unknown>): RecordSummary {
	const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
	const values = Object.fromEntries(PIVOTS.map(({name}) => [name, text(row[name])])) as Record<
		PivotColumn,
		string | null
	>;
	return {...values, eventID: String(row['eventID']), eventTime: row['eventTime'] as Date};
}
