/**
 * Run the query layer's {sql, params} on the case file: the seam the screen's hooks call.
 * Dates bind as TIMESTAMPTZ, whole numbers as BIGINT, so no value is ever spliced into SQL text.
 */
import {
	BIGINT,
	BOOLEAN,
	DOUBLE,
	TIMESTAMPTZ,
	VARCHAR,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue,
} from '@duckdb/node-api';
import type {SqlParam, SqlQuery} from '../query/sql.js';
import {instant} from './time-value.js';
import {CaseFile, plainRow, type Row} from './database.js';
import {connectionOf} from './internal/connections.js';

/** Run a read query built by source/query/ and return plain rows. */
export async function read(db: CaseFile | DuckDBConnection, query: SqlQuery): Promise<Row[]> {
	const connection = db instanceof CaseFile ? connectionOf(db) : db;
	const {values, types} = bindings(query.params);
	const reader = await connection.runAndReadAll(query.sql, values, types);
	return reader.getRowObjectsJS().map(plainRow);
}

/** The query layer's parameters as DuckDB values with their types. */
export function bindings(params: readonly SqlParam[]): {values: DuckDBValue[]; types: DuckDBType[]} {
	const values: DuckDBValue[] = [];
	const types: DuckDBType[] = [];
	for (const param of params) {
		if (param instanceof Date) {
			values.push(instant(param));
			types.push(TIMESTAMPTZ);
		} else if (typeof param === 'number') {
			values.push(Number.isInteger(param) ? BigInt(param) : param);
			types.push(Number.isInteger(param) ? BIGINT : DOUBLE);
		} else if (typeof param === 'boolean') {
			values.push(param);
			types.push(BOOLEAN);
		} else {
			values.push(param);
			types.push(VARCHAR);
		}
	}
	return {values, types};
}
