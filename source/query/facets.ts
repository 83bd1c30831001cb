/**
 * Facet counts: the top values of one field under the current filter.
 *
 * Standard faceted-search behaviour: the field's own include chips are left out of the filter when counting its
 * values, so that after picking `eventName=A` the list still shows B, C, ... with the counts they would add, and the
 * user can pick several (they OR together). The field's exclude chips stay: an excluded value is not listed.
 * Every other chip applies as usual.
 */
import {facetColumn} from './columns.js';
import type {FacetField, FilterState} from './filters.js';
import {EVENTS_TABLE, type SqlParam, type SqlQuery} from './sql.js';
import {filterConditions, whereClause} from './where.js';

/** A row of a facet query: a value (null for events without one) and how many events have it. */
export type FacetRow = {value: string | null; count: number};

/**
 * Top values of `field` with their counts, by count descending then value (NULL last), as rows `{value, count}`.
 * Fetches `limit + 1` rows: if the store returns more than `limit`, there are more values than shown.
 */
export function facetQuery(field: FacetField, state: FilterState, limit: number): SqlQuery {
	checkLimit(limit);
	const column = facetColumn(field);
	const {conditions, params} = filterConditions(state, {omitIncludesOf: field});
	const where = whereClause(conditions);
	const sql = [
		`SELECT ${column} AS value, count(*) AS count`,
		`FROM ${EVENTS_TABLE}`,
		...(where ? [where] : []),
		`GROUP BY ${column}`,
		`ORDER BY count DESC, value ASC NULLS LAST`,
		'LIMIT ?',
	].join(' ');
	return {sql, params: [...params, limit + 1]};
}

/** Throws unless `limit` is a positive whole number. */
export function checkLimit(limit: number): void {
	if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Expected a positive whole limit, got ${limit}`);
}

/** A row of {@link facetsQuery}: which field (its index in the fields asked for), a value and its count. */
export type FacetsRow = {field: number; value: string | null; count: number};

/**
 * Top values of several fields in one statement (a UNION ALL of {@link facetQuery}'s per-field queries, each with its
 * own filter), as rows `{field, value, count}` ordered by field index, then count descending, then value (NULL
 * last); `limit + 1` rows per field at most. One statement instead of one per field: the screen waits for one round
 * trip, and DuckDB runs the branches side by side.
 */
export function facetsQuery(fields: readonly FacetField[], state: FilterState, limit: number): SqlQuery {
	checkLimit(limit);
	if (fields.length === 0) throw new RangeError('Expected at least one facet field');
	const branches: string[] = [];
	const params: SqlParam[] = [];
	for (const [index, field] of fields.entries()) {
		const one = facetQuery(field, state, limit);
		// The index is this loop's own number, never input.
		branches.push(`(SELECT ${index} AS field, value, count FROM (${one.sql}))`);
		params.push(...one.params);
	}
	return {sql: `${branches.join(' UNION ALL ')} ORDER BY field, count DESC, value ASC NULLS LAST`, params};
}
