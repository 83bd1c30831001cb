/**
 * Marks: events an analyst marked, each with an optional note, kept in the case file's `marks` table so that they
 * travel with the evidence. A mark points at an eventID of `events`; marking an event again replaces its note.
 */
import type {CaseFile, Row} from './database.js';

/** A mark as the store returns it, with the marked event's time and name. */
export type Mark = {
	eventID: string;
	note: string | null;
	created: Date;
	updated: Date;
	eventTime: Date | null;
	eventName: string | null;
	principal: string | null;
};

/** A mark operation that cannot be done (no such event, no such mark). */
export class MarkError extends Error {
	override name = 'MarkError';
}

function markOf(row: Row): Mark {
	return {
		eventID: String(row['eventID']),
		note: row['note'] === null ? null : String(row['note']),
		created: row['created'] as Date,
		updated: row['updated'] as Date,
		eventTime: (row['eventTime'] as Date | null) ?? null,
		eventName: row['eventName'] === null ? null : String(row['eventName']),
		principal: row['principal'] === null ? null : String(row['principal']),
	};
}

const SELECT = `SELECT m.eventID, m.note, m.created, m.updated, e.eventTime, e.eventName, e.principal
FROM marks m LEFT JOIN events e ON e.eventID = m.eventID`;

/** Every mark, by the marked event's time (marks whose event is gone last). */
export async function listMarks(db: CaseFile): Promise<Mark[]> {
	return (await db.all(`${SELECT} ORDER BY e.eventTime NULLS LAST, m.eventID`)).map(markOf);
}

/** The marked eventIDs among `eventIDs` (for the screen's events table). */
export async function markedAmong(db: CaseFile, eventIDs: readonly string[]): Promise<Set<string>> {
	if (eventIDs.length === 0) return new Set();
	const rows = await db.all(
		`SELECT eventID FROM marks WHERE list_contains(json_extract_string(CAST(? AS JSON), '$[*]'), eventID)`,
		[JSON.stringify(eventIDs)],
	);
	return new Set(rows.map(row => String(row['eventID'])));
}

/** Marks the event (an eventID of `events`) with `note`; marking it again replaces the note. */
export async function addMark(db: CaseFile, eventID: string, note: string | null, now = new Date()): Promise<Mark> {
	const clean = note?.trim() ? note.trim() : null;
	return db.transaction(async () => {
		const event = await db.all(`SELECT 1 FROM events WHERE eventID = ?`, [eventID]);
		if (event.length === 0) throw new MarkError(`no event "${eventID}" in the case file`);
		const existing = await db.all(`SELECT created FROM marks WHERE eventID = ?`, [eventID]);
		const created = (existing[0]?.['created'] as Date | undefined) ?? now;
		await db.run(`DELETE FROM marks WHERE eventID = ?`, [eventID]);
		await db.run(
			`INSERT INTO marks (eventID, note, created, updated) VALUES (?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))`,
			[eventID, clean, created.toISOString(), now.toISOString()],
		);
		return markOf((await db.all(`${SELECT} WHERE m.eventID = ?`, [eventID]))[0]!);
	});
}

/** Removes the mark of an event; throws {@link MarkError} if it has none. */
export async function deleteMark(db: CaseFile, eventID: string): Promise<void> {
	await db.transaction(async () => {
		const existing = await db.all(`SELECT 1 FROM marks WHERE eventID = ?`, [eventID]);
		if (existing.length === 0) throw new MarkError(`event "${eventID}" is not marked`);
		await db.run(`DELETE FROM marks WHERE eventID = ?`, [eventID]);
	});
}
