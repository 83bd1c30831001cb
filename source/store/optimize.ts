/**
 * Store-side upkeep for reading speed: rewrite the events table in time order.
 *
 * DuckDB keeps a min/max per column for each row group (122,880 rows) and skips row groups a filter cannot match.
 * The loader appends batches of files in path order (account, region, then date), so each row group spans most of
 * the case's time range and a time filter, a zoom, or the top of the newest-first table skips nothing. Rewritten in
 * (eventTime, eventID) order, a time window reads only the row groups of that window.
 */
import type {CaseFile} from './database.js';
import {STORED_COLUMNS} from '../events/columns.js';

/** What {@link orderEventsByTime} did. */
export type OrderResult = {
	/** Whether the table was rewritten (false: it was already in order, or empty). */
	reordered: boolean;
	events: number;
	elapsedMs: number;
};

/**
 * Rewrites `events` in (eventTime, eventID) order, in one transaction (a failure leaves the table as it was), then
 * checkpoints. Skipped when the rows are already in that order. Call it after a load that added events; it needs
 * the write lock, like the loader, and time and temporary space in proportion to the table (DuckDB sorts out of
 * core, in its temp_directory).
 */
export async function orderEventsByTime(db: CaseFile): Promise<OrderResult> {
	const started = performance.now();
	const [stats] = await db.all(
		`SELECT count(*) AS events, count(*) FILTER (WHERE out_of_order) AS out_of_order FROM (
			SELECT (eventTime, eventID) < lag((eventTime, eventID)) OVER (ORDER BY rowid) AS out_of_order FROM events)`,
	);
	const events = Number(stats?.['events'] ?? 0);
	if (events === 0 || Number(stats?.['out_of_order'] ?? 0) === 0)
		return {reordered: false, events, elapsedMs: performance.now() - started};
	const [table] = await db.all(`SELECT sql FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'events'`);
	const ddl = String(table?.['sql'] ?? '');
	const create = ddl.replace(/^CREATE TABLE (main\.)?"?events"?\s*\(/i, 'CREATE TABLE events_in_time_order(');
	if (create === ddl) throw new Error(`cannot read the events table's definition: ${ddl.slice(0, 80)}`);
	const stored = STORED_COLUMNS.join(', ');
	await db.transaction(async () => {
		await db.run(create);
		await db.run(
			`INSERT INTO events_in_time_order (${stored}) SELECT ${stored} FROM events ORDER BY eventTime, eventID`,
		);
		await db.run('DROP TABLE events');
		await db.run('ALTER TABLE events_in_time_order RENAME TO events');
	});
	await db.run('CHECKPOINT');
	return {reordered: true, events, elapsedMs: performance.now() - started};
}
