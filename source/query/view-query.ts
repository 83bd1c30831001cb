/**
 * What a saved filter view runs: the same statement {@link filterAsSql} shows, with its values bound as parameters.
 */
import type {FilterState} from './filters.js';
import {EVENTS_TABLE, type SqlQuery} from './sql.js';
import {buildWhere} from './where.js';

/** `SELECT * FROM events WHERE ... ORDER BY eventTime DESC, eventID DESC`, values bound. */
export function filterViewQuery(state: FilterState): SqlQuery {
	const where = buildWhere(state);
	const sql = [
		'SELECT *',
		`FROM ${EVENTS_TABLE}`,
		...(where.sql ? [where.sql] : []),
		'ORDER BY eventTime DESC, eventID DESC',
	].join('\n');
	return {sql, params: where.params};
}
