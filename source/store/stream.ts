/**
 * Run ad hoc SQL and hand back its rows chunk by chunk, so a large result is never held whole in memory.
 */
import type {DuckDBValue} from '@duckdb/node-api';
import type {CaseFile} from './database.js';

export type RowChunk = {columns: string[]; rows: unknown[][]};

/** Stream a query's rows; the first chunk arrives even when the result is empty (with no rows). */
export async function* streamRows(db: CaseFile, sql: string, params: DuckDBValue[] = []): AsyncGenerator<RowChunk> {
	const result = await db.connection.stream(sql, params);
	const columns = result.deduplicatedColumnNames();
	let sent = false;
	for await (const rows of result.yieldRowsJs()) {
		if (rows.length === 0) continue;
		sent = true;
		yield {columns, rows};
	}
	if (!sent) yield {columns, rows: []};
}
