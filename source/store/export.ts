/**
 * Export a query's rows to a file through DuckDB's COPY. The file appears whole or not at all: it is written under
 * a temporary name beside the target, renamed over it once complete; on any failure the temporary file is removed.
 * It never replaces the evidence (the case file, its WAL, an input file) nor, unless asked, an existing file.
 */
import {randomBytes} from 'node:crypto';
import {copyFile, realpath, rm, rename, stat} from 'node:fs/promises';
import path from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {copyStatement, exportSelect, type ExportColumn, type ExportFormat} from '../query/export-sql.js';
import type {SqlQuery} from '../query/sql.js';
import {CaseFile} from './database.js';
import {bindings} from './read.js';
import {prepareReadOnly} from './sql-guard.js';
import {connectionOf} from './internal/connections.js';

/** An export that could not be written; the message names the file and the reason. */
export class ExportError extends Error {
	override name = 'ExportError';
}

/** The target exists and the export was not told to replace it; the screen asks, the CLI needs --overwrite. */
export class ExportExists extends ExportError {
	override name = 'ExportExists';
	constructor(readonly path: string) {
		super(`${path} already exists (--overwrite replaces it)`);
	}
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
	/** Replace the target if it exists (never the case file, its WAL, or a file the ledger lists as an input). */
	overwrite?: boolean;
};

/** Where the export runs: the case file's path (never a target) and, when sandboxed, the folder COPY may write to. */
export type ExportPlace = {caseFile: string; staging?: string};

/**
 * Writes the rows of `query` to `options.path`, as the CLI writes them (exportSelect: times in ISO 8601 UTC, JSON
 * columns as JSON, invisible characters escaped; CSV text cells that a spreadsheet would read as a formula get a
 * leading single quote), in the SELECT wrapped around the query.
 *
 * The target is refused if it is the case file or its WAL, or a file the ledger (`files`) lists as loaded, and if
 * it exists without `overwrite`. On a sandboxed case file, COPY writes into the sandbox's folder (the only one it
 * may write to) and the file is then moved beside the target under a temporary name and renamed over it; an
 * interrupted or failed export removes its temporary files.
 */
export async function exportQuery(
	db: CaseFile | DuckDBConnection,
	query: SqlQuery,
	options: ExportOptions,
	place?: ExportPlace,
): Promise<ExportResult> {
	const connection = db instanceof CaseFile ? connectionOf(db) : db;
	const where = place ?? (db instanceof CaseFile ? {caseFile: db.path, staging: db.sandboxFolder} : undefined);
	if (options.path.includes('\0')) throw new ExportError('the output path holds a NUL character');
	if (options.path.trim() === '') throw new ExportError('no output path given');
	const target = await realTarget(path.resolve(options.path));
	const existing = await stat(target).catch(() => undefined);
	if (existing?.isDirectory()) throw new ExportError(`${target} is a folder: give a file name`);
	const folder = await stat(path.dirname(target)).catch(() => undefined);
	if (!folder?.isDirectory())
		throw new ExportError(`cannot write ${target}: the folder ${path.dirname(target)} does not exist`);
	if (where) await refuseEvidence(connection, target, where.caseFile);
	if (existing && !options.overwrite) throw new ExportExists(target);

	const statement = options.userSql
		? await prepareReadOnly(connection, query.sql)
		: await connection.prepare(query.sql);
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
	const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
	const beside = path.join(path.dirname(target), `.${path.basename(target)}.${tag}.tmp`);
	const staged = where?.staging ? path.join(where.staging, `export-${tag}.tmp`) : beside;
	const {values, types} = bindings(query.params);
	try {
		const result = await connection.run(copyStatement(body, staged, options.format), values, types);
		if (staged !== beside) await moveBeside(staged, beside);
		if (!options.overwrite && (await stat(target).catch(() => undefined))) throw new ExportExists(target);
		await rename(beside, target);
		return {path: target, format: options.format, rows: Number(result.rowsChanged)};
	} catch (error) {
		await rm(staged, {force: true}).catch(() => undefined);
		await rm(beside, {force: true}).catch(() => undefined);
		if (error instanceof ExportError) throw error;
		const message = error instanceof Error ? error.message : String(error);
		if (/Could not|Permission denied|cannot open|No such file|EACCES|EROFS|ENOENT|ENOSPC|EXDEV/i.test(message)) {
			throw new ExportError(`cannot write ${target}: ${message.replaceAll(staged, target).replaceAll(beside, target)}`);
		}
		throw error;
	}
}

/** The target with symbolic links resolved (of the file if it exists, else of its folder). */
async function realTarget(target: string): Promise<string> {
	const file = await realpath(target).catch(() => undefined);
	if (file) return file;
	const folder = await realpath(path.dirname(target)).catch(() => undefined);
	return folder ? path.join(folder, path.basename(target)) : target;
}

/** Refuses to write over the evidence: the case file, its WAL, or an input the ledger lists. */
async function refuseEvidence(connection: DuckDBConnection, target: string, caseFile: string): Promise<void> {
	const database = await realTarget(path.resolve(caseFile));
	for (const evidence of [database, `${database}.wal`]) {
		if (target === evidence)
			throw new ExportError(
				`refused to write over the open case file${evidence === database ? '' : "'s write-ahead log"}: ${target}`,
			);
	}
	if (await isLedgerInput(connection, target)) {
		throw new ExportError(`refused to write over an input file of this case (listed in its ledger): ${target}`);
	}
}

/**
 * Whether `target` (a real path) is a file the ledger lists: by the path as recorded, by that path with its links
 * resolved (the loader records paths as given, e.g. through a symbolic link), or as the cached copy of an `s3://`
 * object (`.../BUCKET/KEY`). Only ledger rows with the target's file name are compared, so this stays cheap.
 */
async function isLedgerInput(connection: DuckDBConnection, target: string): Promise<boolean> {
	const name = path.basename(target);
	const reader = await connection.runAndReadAll(`SELECT path FROM files WHERE path = ? OR path LIKE ? ESCAPE '\\'`, [
		target,
		`%/${name.replace(/[\\%_]/g, char => `\\${char}`)}`,
	]);
	for (const [recorded] of reader.getRowsJS()) {
		const listed = String(recorded);
		if (listed.startsWith('s3://')) {
			if (target.endsWith(`/${listed.slice('s3://'.length)}`)) return true;
			continue;
		}
		if (path.resolve(listed) === target || (await realTarget(path.resolve(listed))) === target) return true;
	}
	return false;
}

/** Moves a staged file beside its target: a rename on the same file system, else a copy. */
async function moveBeside(staged: string, beside: string): Promise<void> {
	try {
		await rename(staged, beside);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		await copyFile(staged, beside);
		await rm(staged, {force: true});
	}
}
