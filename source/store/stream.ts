/**
 * Run ad hoc SQL and hand back its rows chunk by chunk, so a large result is never held whole in memory.
 */
import type {DuckDBResult, DuckDBValue} from '@duckdb/node-api';
import type {SqlQuery} from '../query/sql.js';
import type {CaseFile} from './database.js';
import {convertRows} from './output-values.js';
import {bindings} from './read.js';
import {prepareReadOnly} from './sql-guard.js';
import {connectionOf} from './internal/connections.js';

/** Rows of a result: column names (made unique), DuckDB type names (VARCHAR, JSON, TIMESTAMP WITH TIME ZONE, ...), values as output-values.ts converts them. */
export type RowChunk = {columns: string[]; types: string[]; rows: unknown[][]};

/** Stream a query's rows; the first chunk arrives even when the result is empty (with no rows). */
export async function* streamRows(db: CaseFile, sql: string, params: DuckDBValue[] = []): AsyncGenerator<RowChunk> {
	yield* chunks(await connectionOf(db).stream(sql, params));
}

/** Stream a query built by source/query/ (its parameters bound with their types). */
export async function* streamQuery(db: CaseFile, query: SqlQuery): AsyncGenerator<RowChunk> {
	const {values, types} = bindings(query.params);
	yield* chunks(await connectionOf(db).stream(query.sql, values, types));
}

/** Stream user SQL after the console's check that it is one read-only statement (SqlRefused otherwise). */
export async function* streamReadOnly(db: CaseFile, sql: string): AsyncGenerator<RowChunk> {
	const statement = await prepareReadOnly(connectionOf(db), sql);
	try {
		yield* chunks(await statement.stream());
	} finally {
		statement.destroySync();
	}
}

async function* chunks(result: DuckDBResult): AsyncGenerator<RowChunk> {
	const columns = result.deduplicatedColumnNames();
	const columnTypes = result.columnTypes();
	const types = columnTypes.map(type => type.alias ?? type.toString());
	let sent = false;
	for await (const rows of result.yieldRows()) {
		if (rows.length === 0) continue;
		sent = true;
		yield {columns, types, rows: convertRows(rows, columnTypes)};
	}
	if (!sent) yield {columns, types, rows: []};
}
