/**
 * The connection user SQL runs on cannot touch the file system, attach databases, load extensions or change its
 * settings, even if a statement got past the guard (sql-guard.ts). Measured on DuckDB 1.5.5 (node-api 1.5.5-r.5),
 * on a READ_ONLY instance and on a writable one:
 *
 * | statement | plain instance | sandboxed |
 * | --- | --- | --- |
 * | `COPY (SELECT 'x' AS a) TO 'case.duckdb' (FORMAT csv)` | runs (the case file becomes 4 bytes) | Permission Error |
 * | `ATTACH 'other.duckdb' AS o (READ_WRITE)` | runs | Permission Error |
 * | `EXPORT DATABASE 'dir'` | runs | Permission Error |
 * | `read_json('x')`, `read_text('/etc/hostname')`, `glob('/etc/*')` | run | Permission Error |
 * | `INSTALL httpfs` / `LOAD httpfs` | tries the network / a file | Permission Error / "Loading external extensions is disabled" |
 * | `SET memory_limit`, `SET threads`, `SET temp_directory`, `SET profiling_output`, `SET TimeZone` | run | "the configuration has been locked" |
 * | `SET enable_external_access = true`, `SET allowed_directories = ['/']` | - | refused ("Cannot enable external access while database is running", "Cannot change allowed_directories when enable_external_access is disabled") |
 * | `COPY ... TO '<allowed folder>/x.parquet'` | - | runs (the staging folder of exports) |
 * | `enable_profiling(save_location='x.txt')` | writes x.txt on every later query | writes nothing |
 * | `enable_logging(storage='file', ...)` | writes files | writes nothing, but every later statement fails ("Failed to query") |
 * | spilling (ORDER BY of 3M rows at memory_limit 100MB) | spills to temp_directory | still spills (DuckDB allows its temp_directory) |
 *
 * So the settings hold for files, attachments, extensions and configuration, but not for enable_logging breaking the
 * connection: the guard refuses those functions (sql-functions.ts). These settings are instance-wide, so an
 * instance that runs user SQL is sandboxed whole; the loader's instance (which reads files) is never.
 *
 * Each sandboxed instance gets a private folder (`clicktrail-sql-<pid>-*` in the system temp folder): its
 * temp_directory (so that two readers of one case file never spill into the same files) and the only folder COPY may
 * write to (exports are written there, then moved to their target). It is removed on close; folders left by a
 * killed process are removed by the next sandboxed open.
 */
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';

const PREFIX = 'clicktrail-sql-';

/** Folders of this process's open sandboxes, removed at exit too (a closed pipe or a signal ends it early). */
const live = new Set<string>();

/** Creates the private folder of a sandboxed instance (after removing those of dead processes). */
export function sandboxFolder(): string {
	sweepStaleFolders();
	const folder = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
	if (live.size === 0) process.once('exit', removeLiveFolders);
	live.add(folder);
	return folder;
}

/** Removes a sandbox folder and everything in it. */
export function removeSandboxFolder(folder: string): void {
	rmSync(folder, {recursive: true, force: true});
	live.delete(folder);
	if (live.size === 0) process.removeListener('exit', removeLiveFolders);
}

function removeLiveFolders(): void {
	for (const folder of live) rmSync(folder, {recursive: true, force: true});
	live.clear();
}

/**
 * Locks down the instance of `connection`: its folder is the only one it may read or write, external access off,
 * the session zone UTC for every connection, then the configuration locked (nothing can be SET any more).
 */
export async function applySandbox(connection: DuckDBConnection, folder: string): Promise<void> {
	await connection.run(`SET GLOBAL TimeZone = 'UTC'`);
	await connection.run(`SET allowed_directories = [${literal(`${folder}${path.sep}`)}]`);
	await connection.run(`SET enable_external_access = false`);
	await connection.run(`SET lock_configuration = true`);
}

/** Tables of clicktrail's schema, which the screen and the commands query without a guard. */
const SCHEMA_TABLES = ['events', 'files', 'views', 'history', 'clicktrail_meta', 'hunts', 'findings', 'finding_events'];

/**
 * Refuses a case file that redefines what clicktrail's own queries rely on: a macro that carries the name of a DuckDB
 * built-in (DuckDB resolves it first: measured, `CREATE MACRO count(x) AS 42` makes `count(1)` answer 42, so counts
 * and facets would lie) or a view in place of one of its tables. clicktrail creates neither; a case file someone
 * hands you can hold both. No function is called by name here, for the same reason.
 */
export async function checkForeignDefinitions(connection: DuckDBConnection): Promise<string | undefined> {
	const defined = (
		await connection.runAndReadAll(`SELECT DISTINCT function_name FROM duckdb_functions() WHERE NOT internal`)
	)
		.getRowsJS()
		.map(row => String(row[0]));
	if (defined.length > 0) {
		const builtins = (
			await connection.runAndReadAll(`SELECT DISTINCT function_name FROM duckdb_functions() WHERE internal`)
		)
			.getRowsJS()
			.map(row => String(row[0]).toLowerCase());
		const names = new Set(builtins);
		const shadowing = defined.filter(name => names.has(name.toLowerCase()));
		if (shadowing.length > 0) {
			return `the case file defines macros that replace DuckDB's built-in functions (${shadowing.slice(0, 5).join(', ')}), which would change what every query shows; clicktrail does not open it (drop them with the duckdb CLI if you trust this file)`;
		}
	}
	const views = (await connection.runAndReadAll(`SELECT view_name FROM duckdb_views() WHERE NOT internal`))
		.getRowsJS()
		.map(row => String(row[0]).toLowerCase());
	const replaced = SCHEMA_TABLES.filter(table => views.includes(table));
	if (replaced.length > 0)
		return `the case file has views in place of clicktrail's tables (${replaced.join(', ')}); clicktrail does not open it`;
	return undefined;
}

/** A SQL string literal (settings take no bound parameters). */
function literal(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

/** Sandbox folders of processes that are no longer running. */
function sweepStaleFolders(): void {
	let entries: string[];
	try {
		entries = readdirSync(os.tmpdir());
	} catch {
		return;
	}
	for (const entry of entries) {
		const pid = Number(/^clicktrail-sql-(\d+)-/.exec(entry)?.[1]);
		if (!pid || pid === process.pid || alive(pid)) continue;
		rmSync(path.join(os.tmpdir(), entry), {recursive: true, force: true});
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the spill files a killed writer left in DuckDB's default temp_directory (`<case file>.tmp`), and the
 * folder if that empties it. Called right after the case file is opened for writing: DuckDB allows one writer and
 * no readers beside it, so no other process can be using them; DuckDB itself neither reuses nor removes them
 * (measured: a process killed while sorting left 6 files, 149 MB, that the next open and close kept).
 */
export function removeStaleSpill(caseFile: string): void {
	const folder = `${caseFile}.tmp`;
	let entries: string[];
	try {
		entries = readdirSync(folder);
	} catch {
		return;
	}
	for (const entry of entries) {
		if (entry.startsWith('duckdb_temp_')) rmSync(path.join(folder, entry), {force: true});
	}
	try {
		if (readdirSync(folder).length === 0) rmSync(folder, {recursive: true, force: true});
	} catch {
		// Gone already, or not ours to remove.
	}
}
