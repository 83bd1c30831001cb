/**
 * Export a query's rows to a file through DuckDB's COPY. The file appears whole or not at all: COPY writes a
 * temporary name beside the target, renamed over it once complete; on any failure the temporary file is removed.
 */
import {randomBytes} from 'node:crypto';
import {rm, rename, stat} from 'node:fs/promises';
import path from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {copyStatement, exportSelect, type ExportColumn, type ExportFormat} from '../query/export-sql.js';
import type {SqlQuery} from '../query/sql.js';
import {CaseFile} from './database.js';
import {bindings} from './read.js';
import {prepareReadOnly} from './sql-guard.js';

/** An export that could not be written; the message names the file and the reason. */
export class ExportError extends Error {
	override name = 'ExportError';
}

/** What was written. */
export type ExportResult = {path: string; format: ExportFormat; rows: number};

/** Options of {@link exportQuery}. */
export type ExportOptions = {
	/** Where to write (a file name; its folder must exist). */
	path: string;
	format: ExportFormat;
	/**
	 * The statement is user SQL (typed in the console or saved as a SQL view): check that it only reads first. A
	 * filter view's parameterised statement, built by source/query/, needs no check.
	 */
	userSql?: boolean;
};

/**
 * Writes the rows of `query` to `options.path`, as the CLI writes them (exportSelect: times in ISO 8601 UTC, JSON
 * columns as JSON, invisible characters escaped; CSV text cells that a spreadsheet would read as a formula get a
 * leading single quote), in the SELECT wrapped around the query.
 */
export async function exportQuery(db: CaseFile | DuckDBConnection, query: SqlQuery, options: ExportOptions): Promise<ExportResult> {
	const connection = db instanceof CaseFile ? db.connection : db;
	const target = path.resolve(options.path);
	if (options.path.includes('\0')) throw new ExportError('the output path holds a NUL character');
	if (options.path.trim() === '') throw new ExportError('no output path given');
	const existing = await stat(target).catch(() => undefined);
	if (existing?.isDirectory()) throw new ExportError(`${target} is a folder: give a file name`);
	const folder = await stat(path.dirname(target)).catch(() => undefined);
	if (!folder?.isDirectory()) throw new ExportError(`cannot write ${target}: the folder ${path.dirname(target)} does not exist`);

	const statement = options.userSql ? await prepareReadOnly(connection, query.sql) : await connection.prepare(query.sql);
	let columns: ExportColumn[];
	try {
		columns = Array.from({length: statement.columnCount}, (_, i) => {
			const type = statement.columnType(i);
			return {name: statement.columnName(i), type: type.alias ?? type.toString()};
		});
	} finally {
		statement.destroySync();
	}
	const body = exportSelect(query.sql, columns, options.format);
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	const {values, types} = bindings(query.params);
	try {
		const result = await connection.run(copyStatement(body, temporary, options.format), values, types);
		await rename(temporary, target);
		return {path: target, format: options.format, rows: Number(result.rowsChanged)};
	} catch (error) {
		await rm(temporary, {force: true}).catch(() => undefined);
		const message = error instanceof Error ? error.message : String(error);
		if (/Could not|Permission denied|cannot open|No such file|EACCES|EROFS|ENOENT/i.test(message)) {
			throw new ExportError(`cannot write ${target}: ${message.replaceAll(temporary, target)}`);
		}
		throw error;
	}
}
