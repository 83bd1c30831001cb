/**
 * The filter as SQL a person reads: for showing the user the statement their chips amount to, copying it, or
 * opening it in the SQL console to edit. This is the ONLY place in source/query/ that inlines values into SQL text,
 * as properly quoted literals; the app never executes what it returns directly (everything it runs goes through the
 * parameterised builders).
 */
import type {FilterState} from './filters.js';
import {EVENTS_TABLE, type SqlParam, type SqlQuery} from './sql.js';
import {filterConditions, whereClause} from './where.js';

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/**
 * A value as a DuckDB literal: strings single-quoted with quotes doubled (a NUL character, which a string literal
 * cannot hold, as `chr(0)`), dates as `TIMESTAMPTZ '2024-12-03 23:38:05+00'`, numbers and booleans as they are.
 */
export function sqlLiteral(value: SqlParam): string {
	if (typeof value === 'string') {
		const parts = value.split('\0').map(part => `'${part.replaceAll("'", "''")}'`);
		return parts.length === 1 ? parts[0]! : `(${parts.join(' || chr(0) || ')})`;
	}

	if (value instanceof Date) {
		const t = value.getTime();
		if (Number.isNaN(t)) throw new RangeError('Cannot write an invalid date as SQL');
		const ms = value.getUTCMilliseconds();
		return `TIMESTAMPTZ '${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(
			value.getUTCHours(),
		)}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}+00'`;
	}

	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} as SQL`);
		return String(value);
	}

	return value ? 'TRUE' : 'FALSE';
}

/**
 * Replaces each `?` of a builder's SQL with its parameter as a literal, for display. Relies on the builders' own
 * text holding no `?` but placeholders (true of everything in source/query/).
 */
export function inlineParams(query: SqlQuery): string {
	const pieces = query.sql.split('?');
	if (pieces.length - 1 !== query.params.length) {
		throw new Error(`The statement has ${pieces.length - 1} placeholders but ${query.params.length} parameters`);
	}

	return pieces.reduce((out, piece, i) => out + sqlLiteral(query.params[i - 1]!) + piece);
}

/**
 * The statement the filter amounts to, for display and editing:
 * ```sql
 * SELECT *
 * FROM events
 * WHERE eventName IN ('CreateProject', 'DeleteProject')
 *   AND eventTime >= TIMESTAMPTZ '2024-12-03 23:28:00+00'
 * ORDER BY eventTime DESC, eventID DESC;
 * ```
 */
export function filterAsSql(state: FilterState): string {
	const {conditions, params} = filterConditions(state);
	const where = whereClause(conditions, '\n  AND ');
	const sql = [
		'SELECT *',
		`FROM ${EVENTS_TABLE}`,
		...(where ? [where] : []),
		'ORDER BY eventTime DESC, eventID DESC;',
	].join('\n');
	return inlineParams({sql, params});
}
