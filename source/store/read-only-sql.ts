/**
 * Run SQL the user typed (the console, `clicktrail query`): refused unless it only reads (see sql-guard.ts), and
 * capped: at most `cap` rows come into JavaScript, plus one to know that more exist ("1,000 of more than 1,000").
 */
import {performance} from 'node:perf_hooks';
import type {DuckDBConnection} from '@duckdb/node-api';
import {CaseFile} from './database.js';
import {convertRows} from './output-values.js';
import {prepareReadOnly} from './sql-guard.js';
import {connectionOf} from './internal/connections.js';

/** Rows a console result holds at most, unless the caller asks otherwise. */
export const DEFAULT_ROW_CAP = 1000;

/** A capped result of user SQL. */
export type SqlResult = {
	/** Column names, made unique (a, a_1, ...). */
	columns: string[];
	/** Column types as DuckDB names them: VARCHAR, BIGINT, JSON, TIMESTAMP WITH TIME ZONE, ... */
	types: string[];
	/** At most `cap` rows, as output-values.ts converts them (times as ISO 8601 text, JSON as JsonText, integers as bigints). */
	rows: unknown[][];
	/** True when the statement had more rows than `cap`. */
	more: boolean;
	/** Wall-clock milliseconds from prepare to the last row read. */
	elapsedMs: number;
};

/** Options of {@link runReadOnlySql}. */
export type SqlOptions = {
	/** Rows to return at most (default {@link DEFAULT_ROW_CAP}). */
	cap?: number;
};

/**
 * Runs one read-only statement and returns up to `cap` rows. Throws SqlRefused for anything that is not a read,
 * DuckDB's error (with its LINE/caret position) for invalid SQL, and DuckDB's "Interrupted" error when the
 * connection is interrupted meanwhile. The statement runs inside a transaction that is always rolled back, a second
 * guard against changing the file.
 */
export async function runReadOnlySql(
	db: CaseFile | DuckDBConnection,
	sql: string,
	options: SqlOptions = {},
): Promise<SqlResult> {
	const connection = db instanceof CaseFile ? connectionOf(db) : db;
	const cap = Math.max(0, Math.trunc(options.cap ?? DEFAULT_ROW_CAP));
	const started = performance.now();
	const statement = await prepareReadOnly(connection, sql);
	await connection.run('BEGIN TRANSACTION');
	try {
		const reader = await statement.streamAndReadUntil(cap + 1);
		const columnTypes = reader.columnTypes();
		const rows = convertRows(reader.getRows(), columnTypes);
		return {
			columns: reader.deduplicatedColumnNames(),
			types: columnTypes.map(type => type.alias ?? type.toString()),
			rows: rows.slice(0, cap),
			more: rows.length > cap,
			elapsedMs: performance.now() - started,
		};
	} finally {
		await connection.run('ROLLBACK').catch(() => undefined);
		statement.destroySync();
	}
}
