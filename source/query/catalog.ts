/**
 * The SQL console's completion reads: the case file's tables and columns, and a sample of raw records for JSON paths.
 */
import {EVENTS_TABLE, type SqlQuery} from './sql.js';

/** Every table of the case file and its columns, as rows `{table_name, column_name}` in table and column order. */
export function columnsCatalogQuery(): SqlQuery {
	return {
		sql: `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
		params: [],
	};
}

/** At most `limit` raw records as text, as rows `{raw}`. */
export function rawSampleQuery(limit: number): SqlQuery {
	return {sql: `SELECT CAST(raw AS VARCHAR) AS raw FROM ${EVENTS_TABLE} LIMIT ?`, params: [limit]};
}
