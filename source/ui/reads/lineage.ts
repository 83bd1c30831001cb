/**
 * The lineage pane's read (the walk of source/lineage/ on the reader's lane) and the sessions list's.
 */
import {readLineages, readSessions} from '../../store/lineage.js';
import type {Query} from '../../store/reader.js';
import {lineageRows, type LineageView, type SessionRow} from '../model/lineage.js';

/** The lineage of the event with `eventID`, as tree rows, or null when the case file does not hold it. */
export async function loadLineage(query: Query, eventID: string): Promise<LineageView | null> {
	const {lineages} = await readLineages(query, [eventID]);
	const lineage = lineages[0];
	return lineage ? {lineage, rows: lineageRows(lineage)} : null;
}

/** The sessions list: one row per access key seen on IoT 1-Click events, most recently used first. */
export async function loadSessions(query: Query): Promise<SessionRow[]> {
	const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
	return (await readSessions(query)).map(row => ({
		accessKeyId: String(row['accessKeyId']),
		principal: String(row['principal'] ?? ''),
		issuer: text(row['issuer']),
		issuedBy: text(row['issuedBy']),
		issuedByEventID: text(row['issuedByEventID']),
		firstUse: String(row['firstUse'] ?? ''),
		lastUse: String(row['lastUse'] ?? ''),
		events: Number(row['events'] ?? 0),
		errors: Number(row['errors'] ?? 0),
		sourceIPs: String(row['sourceIPs'] ?? ''),
	}));
}
