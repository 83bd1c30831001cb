/**
 * Keyset paging over the events pane: no OFFSET, so a page deep in a large case file costs the same as the first.
 * Rows are ordered by (eventTime, eventID), eventID breaking ties, and a page continues after the last row shown.
 */
import {TABLE_COLUMNS, type TableColumn} from '../events/columns.js';
import {PANE_COLUMNS} from './columns.js';
import {checkLimit} from './facets.js';
import type {FilterState} from './filters.js';
import {EVENTS_TABLE, type SqlParam, type SqlQuery} from './sql.js';
import {filterConditions, whereClause} from './where.js';

/**
 * Where a page continues: the (eventTime, eventID) of the last row of the previous page, and its sort column's value
 * when the page is sorted by a column (a missing value sorts as the empty text).
 */
export type Cursor = {eventTime: Date; eventID: string; sortValue?: string};

/** A column the events table can be sorted by, besides the time: one of the registry's table columns. */
export type SortColumn = TableColumn;

/** The SQL sort key of a column (whitelisted: a registry table column), a missing value as ''. */
function sortKey(column: SortColumn): string {
	if (!TABLE_COLUMNS.some(c => c.name === column)) throw new Error(`Unknown sort column: ${JSON.stringify(column)}`);
	return `coalesce(${column}, '')`;
}

/** Options for {@link pageQuery}. */
export type PageOptions = {
	/** 'desc' for newest first (the default view), 'asc' for oldest first. */
	order: 'desc' | 'asc';
	/** Continue after this row (exclusive); omitted for the first page. */
	after?: Cursor;
	/** Start at `after` itself (a found row shown at the top of its page). */
	inclusive?: boolean;
	/** Rows to show; the query fetches one more to know whether more follow. */
	limit: number;
	/** Sort by this column first (then time and eventID); omitted: by time. */
	sort?: SortColumn;
};

/**
 * The keyset condition "after `cursor` in `order`" (at or after it with `inclusive`): `eventTime <= ? AND
 * (eventTime, eventID) < (?, ?)` for desc, `>=` and `>` for asc; sorted by a column, `(key, eventTime, eventID) < (?, ?, ?)`.
 */
export function keysetCondition(
	cursor: Cursor,
	order: 'desc' | 'asc',
	sort: SortColumn | undefined,
	inclusive = false,
): {conditions: string[]; params: SqlParam[]} {
	if (Number.isNaN(cursor.eventTime.getTime())) throw new RangeError('The page cursor holds an invalid date');
	const less = `${order === 'asc' ? '>' : '<'}${inclusive ? '=' : ''}`;
	if (sort) {
		return {
			conditions: [`(${sortKey(sort)}, eventTime, eventID) ${less} (?, ?, ?)`],
			params: [cursor.sortValue ?? '', cursor.eventTime, cursor.eventID],
		};
	}
	// The plain eventTime bound says the same as the row comparison's first part, in a form DuckDB pushes into
	// the scan: row groups wholly past the cursor (by their min/max eventTime) are skipped, not read.
	return {
		conditions: [`eventTime ${order === 'asc' ? '>=' : '<='} ?`, `(eventTime, eventID) ${less} (?, ?)`],
		params: [cursor.eventTime, cursor.eventTime, cursor.eventID],
	};
}

/** `ORDER BY` the table's order: the sort column's key first when sorted by one, then time, then eventID. */
export function orderBy(order: 'desc' | 'asc', sort?: SortColumn): string {
	const direction = order === 'asc' ? 'ASC' : 'DESC';
	const by = sort ? `${sortKey(sort)} ${direction}, ` : '';
	return `ORDER BY ${by}eventTime ${direction}, eventID ${direction}`;
}

/**
 * A page of the events pane's columns under the filter, ordered by (eventTime, eventID) in `order`, after the
 * cursor ({@link keysetCondition}), fetching `limit + 1` rows.
 */
export function pageQuery(state: FilterState, options: PageOptions): SqlQuery {
	checkLimit(options.limit);
	const {conditions, params} = filterConditions(state);
	if (options.after) {
		const keyset = keysetCondition(options.after, options.order, options.sort, options.inclusive);
		conditions.push(...keyset.conditions);
		params.push(...keyset.params);
	}

	const where = whereClause(conditions);
	const sql = [
		`SELECT ${PANE_COLUMNS.join(', ')}`,
		`FROM ${EVENTS_TABLE}`,
		...(where ? [where] : []),
		orderBy(options.order, options.sort),
		'LIMIT ?',
	].join(' ');
	return {sql, params: [...params, options.limit + 1]};
}

/** A page as the pane holds it. */
export type Page<T> = {
	/** At most `limit` rows. */
	rows: T[];
	/** Whether more rows follow these. */
	more: boolean;
	/** The cursor for the next page, when more follow. */
	next?: Cursor;
};

/** Splits the `limit + 1` rows a {@link pageQuery} returned into the page, whether more follow, and the next cursor. */
export function takePage<T extends Cursor>(rows: readonly T[], limit: number): Page<T> {
	const page = rows.slice(0, limit);
	const more = rows.length > limit;
	const last = page.at(-1);
	return more && last
		? {rows: page, more, next: {eventTime: last.eventTime, eventID: last.eventID}}
		: {rows: page, more};
}

/** How many events match the filter, as one row `{count}`. */
export function countQuery(state: FilterState): SqlQuery {
	const {conditions, params} = filterConditions(state);
	const where = whereClause(conditions);
	return {sql: ['SELECT count(*) AS count', `FROM ${EVENTS_TABLE}`, ...(where ? [where] : [])].join(' '), params};
}
