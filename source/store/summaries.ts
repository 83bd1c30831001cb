/**
 * The summaries the screen reads instead of the events table (migration 9; the queries are source/query/summary.ts):
 * per hour, the count, failed-call count and first/last eventTime of every value of every facet field
 * (`summary_hours`), and over all time the count of every pair of a facet field's value and a facets-pane field's
 * value (`summary_pairs`). `summary_state` holds how many events they were built from; a reader uses them only
 * while the events table holds exactly that many (events are only ever added: the loader inserts an eventID once,
 * nothing deletes one), so summaries left behind by a load that did not rebuild them are never read.
 *
 * Brought up to date at the end of each load that added events: the new rows' groups are appended (a full rebuild,
 * about 4 s at 1,000,000 events, when the table's first rows are not the events they were built from); one scan per
 * table, every field at once through GROUPING SETS.
 */
import {FACET_FIELDS, FACET_PANE_FIELDS} from '../events/columns.js';
import {HOUR_SQL, summaryFreshQuery} from '../query/summary.js';
import type {CaseFile} from './database.js';
import {read} from './read.js';

/** What {@link refreshSummaries} did. */
export type SummaryResult = {
	/** true: rebuilt from all events; 'added': the events added since were added to them; false: already fresh. */
	rebuilt: boolean | 'added';
	events: number;
	elapsedMs: number;
};

/** Field names are the registry's facet fields (never input), so they are written into the SQL as they are. */
function quoted(name: string): string {
	return `'${name.replaceAll("'", "''")}'`;
}

/** The statement that adds to summary_hours the (value, hour) groups of every facet field over `rows` (a FROM). */
export function summaryHoursSql(rows = 'events'): string {
	const fieldOf = FACET_FIELDS.map(f => `WHEN grouping(${f}) = 0 THEN ${quoted(f)}`).join(' ');
	const valueOf = FACET_FIELDS.map(f => `WHEN grouping(${f}) = 0 THEN ${f}`).join(' ');
	const sets = ['(hour)', ...FACET_FIELDS.map(f => `(hour, ${f})`)].join(', ');
	return [
		'INSERT INTO summary_hours',
		'SELECT field, value, hour, total, errors, first, last FROM (',
		`SELECT CASE ${fieldOf} ELSE '*' END AS field, CASE ${valueOf} END AS value, hour,`,
		'count(*) AS total, count(errorCode) AS errors, min(eventTime) AS first, max(eventTime) AS last',
		`FROM (SELECT *, ${HOUR_SQL} AS hour FROM ${rows})`,
		`GROUP BY GROUPING SETS (${sets}))`,
		// In field then hour order, so a read of one field (and a range of hours) skips the other row groups.
		'ORDER BY field, hour, value',
	].join(' ');
}

/** Each unordered pair of fields (one of them a facets-pane field) once. */
function fieldPairs(): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	for (const a of FACET_FIELDS) {
		for (const b of FACET_PANE_FIELDS) {
			if (a !== b && !pairs.some(([x, y]) => x === b && y === a)) pairs.push([a, b]);
		}
	}
	return pairs;
}

/** The statement that adds to summary_pairs both directions of every pair whose `other` is a facets-pane field. */
export function summaryPairsSql(rows = 'events'): string {
	const pairs = fieldPairs();
	const when = (pick: (a: string, b: string) => string) =>
		`CASE ${pairs.map(([a, b]) => `WHEN grouping(${a}) = 0 AND grouping(${b}) = 0 THEN ${pick(a, b)}`).join(' ')} END`;
	const sets = pairs.map(([a, b]) => `(${a}, ${b})`).join(', ');
	const pane = FACET_PANE_FIELDS.map(quoted).join(', ');
	return [
		'INSERT INTO summary_pairs',
		'WITH g AS (',
		`SELECT ${when(a => quoted(a))} AS a, ${when(a => a)} AS av, ${when((_, b) => quoted(b))} AS b, ${when((_, b) => b)} AS bv,`,
		'count(*) AS total, count(errorCode) AS errors',
		`FROM ${rows} GROUP BY GROUPING SETS (${sets}))`,
		'SELECT * FROM (',
		'SELECT a AS field, av AS value, b AS other, bv AS otherValue, total, errors FROM g',
		'UNION ALL',
		`SELECT b, bv, a, av, total, errors FROM g WHERE a IN (${pane}))`,
		'ORDER BY field, other, value',
	].join(' ');
}

/** Whether the summaries were built from the events the table holds now. */
export async function summariesFresh(db: CaseFile): Promise<boolean> {
	return (await read(db, summaryFreshQuery()))[0]?.['fresh'] === true;
}

/**
 * Brings the summaries up to date with the events table, in one transaction (a failure leaves the previous ones,
 * which the count then marks stale). When the table's first rows are still the events they were built from (rows
 * are only appended: the same count and eventID hash over the rowids below it), only the rows after them are added
 * (groups may then repeat; every read sums them); otherwise they are rebuilt from all events. Needs the write lock,
 * as the loader does.
 */
export async function refreshSummaries(db: CaseFile): Promise<SummaryResult> {
	const started = performance.now();
	const [row] = await db.all(
		'SELECT count(*) AS n, coalesce(max(rowid) + 1, 0) AS rows, (SELECT max(events) FROM summary_state) AS built FROM events',
	);
	const events = Number(row?.['n'] ?? 0);
	const built = row?.['built'] === null || row?.['built'] === undefined ? undefined : Number(row['built']);
	const done = (rebuilt: SummaryResult['rebuilt']) => ({rebuilt, events, elapsedMs: performance.now() - started});
	if (built === events) return done(false);
	let append = built !== undefined && Number.isSafeInteger(built) && built < events && Number(row?.['rows']) === events;
	if (append) {
		const [same] = await db.all(
			`SELECT (SELECT coalesce(sum(hash(eventID)), 0) FROM events WHERE rowid < ${built}) = (SELECT max(eventsHash) FROM summary_state) AS same`,
		);
		append = same?.['same'] === true;
	}
	await db.transaction(async () => {
		if (append) {
			const rows = `(SELECT * FROM events WHERE rowid >= ${built!})`;
			await db.run(summaryHoursSql(rows));
			await db.run(summaryPairsSql(rows));
			await db.run(
				`UPDATE summary_state SET events = (SELECT count(*) FROM events), builtAt = now(),
				eventsHash = eventsHash + (SELECT coalesce(sum(hash(eventID)), 0) FROM events WHERE rowid >= ${built!})`,
			);
			return;
		}
		await db.run('DELETE FROM summary_hours');
		await db.run('DELETE FROM summary_pairs');
		await db.run('DELETE FROM summary_state');
		await db.run(summaryHoursSql());
		await db.run(summaryPairsSql());
		await db.run('INSERT INTO summary_state SELECT count(*), coalesce(sum(hash(eventID)), 0), now() FROM events');
	});
	return done(append ? 'added' : true);
}
