/**
 * Issue 19 items 1, 2, 5 at the store: the guard allows functions by list (a case file's own views and macros are
 * checked too), the sandboxed instance cannot touch files, attach, load extensions or change settings even when a
 * statement bypasses the guard, exports never clobber, and a killed writer's spill files go at the next write open.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseFile, CaseFileError} from '../../source/store/database.js';
import {ExportError, ExportExists, exportQuery} from '../../source/store/export.js';
import {runReadOnlySql} from '../../source/store/read-only-sql.js';
import {SqlRefused} from '../../source/store/sql-guard.js';
import {tempDir} from '../helpers/temp.js';

let dir: string;
let casePath: string;
let db: CaseFile;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
	dir = await tempDir();
	casePath = path.join(dir, 'case.duckdb');
	const writer = await CaseFile.open(casePath);
	await writer.run(
		`INSERT INTO events (eventID, eventTime, eventName, principal, raw, sourceFile)
		 SELECT 'e' || i, TIMESTAMPTZ '2024-12-03 10:00:00+00' + INTERVAL (i) SECOND, 'Op' || (i % 7), 'p' || (i % 13),
		        json_object('userIdentity', json_object('type', 'IAMUser')), ?
		 FROM range(1000) t(i)`,
		[path.join(dir, 'input.json')],
	);
	for (const input of [
		path.join(dir, 'input.json'),
		path.join(dir, 'linked', 'x_1.json.gz'),
		's3://trail/AWSLogs/111122223333/y%1.json.gz',
	]) {
		await writer.run(
			`INSERT INTO files (path, size, checksum, format, records, events, status, loadedAt) VALUES (?, 10, 'x', 'cloudtrail', 1000, 1000, 'loaded', now())`,
			[input],
		);
	}
	// An input loaded through a linked folder (the ledger keeps the path as given), and a cached copy of an S3 object.
	mkdirSync(path.join(dir, 'real'));
	writeFileSync(path.join(dir, 'real', 'x_1.json.gz'), 'evidence');
	symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
	mkdirSync(path.join(dir, 'cache', 'trail', 'AWSLogs', '111122223333'), {recursive: true});
	writeFileSync(path.join(dir, 'cache', 'trail', 'AWSLogs', '111122223333', 'y%1.json.gz'), 'evidence');
	// A hostile case file: a view and a macro that would write files when read.
	await writer.run(
		`CREATE VIEW hostile AS SELECT * FROM enable_logging(storage = 'file', storage_path = '${path.join(dir, 'logs')}')`,
	);
	await writer.run(`CREATE VIEW nested AS SELECT * FROM hostile`);
	// A column name that reads like the end of the view's header ("... AS SELECT 1; --") hid the body from a search
	// for the first AS.
	await writer.run(
		`CREATE VIEW cloaked ("x AS SELECT 1; --") AS SELECT * FROM enable_logging(storage = 'file', storage_path = '${path.join(dir, 'logs')}')`,
	);
	await writer.run(
		`CREATE VIEW "we""ird AS v" AS SELECT * FROM enable_logging(storage = 'file', storage_path = '${path.join(dir, 'logs')}')`,
	);
	await writer.run(
		`CREATE MACRO sneaky() AS TABLE SELECT * FROM enable_profiling(save_location = '${path.join(dir, 'p.txt')}')`,
	);
	await writer.run(`CREATE MACRO shout(x) AS upper(x)`);
	writer.close();
	writeFileSync(path.join(dir, 'input.json'), '{"Records":[]}');
	db = await CaseFile.open(casePath, {readOnly: true, sandbox: true});
});

afterAll(() => db?.close());

describe('the guard allows functions by list', () => {
	it.each([
		['a window function', 'SELECT eventName, row_number() OVER (ORDER BY eventTime) AS r FROM events LIMIT 3'],
		['JSON paths', `SELECT raw->>'$.userIdentity.type' AS t, count(*) FROM events GROUP BY 1`],
		['range and unnest', 'SELECT unnest([1, 2]) AS u, (SELECT count(*) FROM range(10)) AS n'],
		[
			'string and time functions',
			`SELECT upper(eventName), strftime(eventTime, '%Y'), regexp_matches(principal, '^p') FROM events LIMIT 1`,
		],
		['the catalog', `SELECT * FROM duckdb_tables() WHERE table_name = 'events'`],
		['EXPLAIN', 'EXPLAIN SELECT count(*) FROM events'],
		['SUMMARIZE', 'SUMMARIZE SELECT eventName FROM events'],
		['PRAGMA table_info', `PRAGMA table_info('events')`],
		['pragma_table_info', `SELECT name FROM pragma_table_info('events')`],
		['random values', 'SELECT random() < 2 AS r, uuid() IS NOT NULL AS u'],
		[
			'lists, structs and operators',
			`SELECT [1, 2][1], {'a': 1}.a, row(1, 2), 'a' LIKE 'b', [x * 2 FOR x IN [1, 2]], extract(year FROM now())`,
		],
		[
			'aggregates',
			`SELECT count(DISTINCT eventID), approx_count_distinct(eventID), string_agg(eventName, ','), arg_max(eventName, eventTime) FROM events`,
		],
	])('runs %s', async (_name, sql) => {
		const result = await runReadOnlySql(db, sql);
		expect(result.columns.length).toBeGreaterThan(0);
	});

	it.each([
		[
			'enable_profiling',
			`SELECT * FROM enable_profiling(save_location = '${'DIR'}/p.txt')`,
			/the table function enable_profiling\(\)/,
		],
		[
			'enable_logging to a file',
			`SELECT * FROM enable_logging(storage = 'file', storage_path = '${'DIR'}/logs')`,
			/the table function enable_logging\(\)/,
		],
		[
			'enable_logging in a subquery',
			`SELECT (SELECT count(*) FROM enable_logging(storage = 'file', storage_path = '${'DIR'}/logs')) AS n`,
			/enable_logging\(\)/,
		],
		[
			'EXPLAIN ANALYZE of enable_profiling',
			`EXPLAIN ANALYZE SELECT * FROM enable_profiling(save_location = '${'DIR'}/p.txt')`,
			/enable_profiling\(\)/,
		],
		['a file reader', `SELECT * FROM read_text('/etc/hostname')`, /the table function read_text\(\)/],
		['glob', `SELECT * FROM glob('/etc/*')`, /the table function glob\(\)/],
		['SQL given as text', `SELECT * FROM query('SELECT 1')`, /the table function query\(\)/],
		['checkpoint', 'SELECT * FROM checkpoint()', /the table function checkpoint\(\)/],
		['a side-effect scalar', 'SELECT setseed(0.5)', /the function setseed\(\)/],
		['write_log', `SELECT write_log('x')`, /the function write_log\(\)/],
		['a view of the case file that writes', 'SELECT * FROM hostile', /enable_logging\(\)/],
		['a view of such a view', 'SELECT count(*) FROM nested', /enable_logging\(\)/],
		['a view whose column name hides its body', 'SELECT * FROM cloaked', /enable_logging\(\)/],
		['a view with a quoted name holding AS', 'SELECT * FROM "we""ird AS v"', /enable_logging\(\)/],
		['table_info of a hostile view', `PRAGMA table_info('cloaked')`, /enable_logging\(\)/],
		['pragma_table_info of a hostile view', `SELECT * FROM pragma_table_info('hostile')`, /enable_logging\(\)/],
		['DESCRIBE of a hostile view', 'DESCRIBE cloaked', /enable_logging\(\)/],
		['a table macro of the case file', 'SELECT * FROM sneaky()', /the function sneaky\(\) \(defined in the case file/],
		['a scalar macro of the case file', `SELECT shout('x')`, /the function shout\(\)/],
		['a qualified macro', `SELECT main.shout('x')`, /shout\(\)/],
		['PRAGMA other than table_info', 'PRAGMA enable_profiling', /PRAGMA/],
		['PRAGMA profiling output', `PRAGMA profiling_output = '${'DIR'}/p.txt'`, /PRAGMA/],
	])('refuses %s, and nothing is written', async (_name, template, reason) => {
		const sql = template.replaceAll('DIR', dir);
		const error = await runReadOnlySql(db, sql).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SqlRefused);
		expect((error as Error).message).toMatch(/^refused: /);
		expect((error as Error).message).toMatch(reason);
		expect(existsSync(path.join(dir, 'logs'))).toBe(false);
		expect(existsSync(path.join(dir, 'p.txt'))).toBe(false);
		// The connection still works (enable_logging with file access off would have broken it).
		expect((await runReadOnlySql(db, 'SELECT 42 AS n')).rows).toEqual([[42]]);
	});
});

describe('a case file that redefines what clicktrail relies on', () => {
	it.each([
		[
			'a macro named like a built-in (DuckDB resolves it first)',
			`CREATE MACRO count(x) AS 42`,
			"defines macros that replace DuckDB's built-in functions (count)",
		],
		[
			'a view in place of the events table',
			`DROP TABLE events; CREATE VIEW events AS SELECT 1 AS eventID`,
			"has views in place of clicktrail's tables (events)",
		],
	])('is not opened: %s', async (_name, sql, message) => {
		const hostile = path.join(dir, `hostile-${Math.random().toString(36).slice(2)}.duckdb`);
		const writer = await CaseFile.open(hostile);
		await writer.run(sql);
		writer.close();
		for (const options of [{readOnly: true, sandbox: true}, {sandbox: true}, {}]) {
			const error = await CaseFile.open(hostile, options).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(CaseFileError);
			expect((error as Error).message).toContain(`${hostile}: the case file ${message}`);
		}
	});
});

describe('the sandbox holds when a statement bypasses the guard', () => {
	it.each([
		['COPY over the case file', `COPY (SELECT 'x' AS a) TO 'CASE' (FORMAT csv)`, /Permission Error/],
		['COPY elsewhere', `COPY (SELECT 'x' AS a) TO 'DIR/out.csv' (FORMAT csv)`, /Permission Error/],
		['ATTACH another case file', `ATTACH 'DIR/other.duckdb' AS o (READ_WRITE)`, /Permission Error/],
		['EXPORT DATABASE', `EXPORT DATABASE 'DIR/exported'`, /Permission Error/],
		['reading a file', `SELECT * FROM read_text('/etc/hostname')`, /Permission Error/],
		['INSTALL', 'INSTALL httpfs', /Permission Error/],
		['LOAD', 'LOAD httpfs', /Permission Error|disabled/],
		['re-enabling file access', 'SET enable_external_access = true', /locked|Cannot/],
		['widening the folders', `SET allowed_directories = ['/']`, /locked|Cannot/],
		['changing a setting', `SET memory_limit = '8GB'`, /locked/],
		['a profiling output file', `SET profiling_output = 'DIR/p.txt'`, /locked/],
	])('%s fails', async (_name, template, reason) => {
		const before = sha(casePath);
		const sql = template.replaceAll('CASE', casePath).replaceAll('DIR', dir);
		await expect(db.run(sql)).rejects.toThrow(reason);
		expect(sha(casePath)).toBe(before);
		for (const name of ['out.csv', 'other.duckdb', 'exported', 'p.txt'])
			expect(existsSync(path.join(dir, name))).toBe(false);
	});

	it('a writable sandboxed instance still saves to the case file and spills within its own folder', async () => {
		const other = path.join(dir, 'writable.duckdb');
		const writable = await CaseFile.open(other, {sandbox: true});
		try {
			await writable.run(`INSERT INTO views (name, sql, created, updated) VALUES ('v', 'SELECT 1', now(), now())`);
			expect(writable.sandboxFolder && existsSync(writable.sandboxFolder)).toBe(true);
			expect(path.dirname(writable.sandboxFolder!)).toBe(os.tmpdir());
		} finally {
			writable.close();
		}
		expect(existsSync(writable.sandboxFolder!)).toBe(false);
	});
});

describe('exports never clobber', () => {
	const query = {sql: 'SELECT eventID, eventName FROM events ORDER BY eventID', params: []};

	it('writes through the sandbox folder and leaves no temporary file', async () => {
		const out = path.join(dir, 'first.csv');
		const result = await exportQuery(db, query, {path: out, format: 'csv', userSql: true});
		expect(result.rows).toBe(1000);
		expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('eventID,eventName');
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
		expect(readdirSync(db.sandboxFolder!)).toEqual([]);
	});

	it('refuses an existing file unless told to overwrite it', async () => {
		const out = path.join(dir, 'existing.csv');
		writeFileSync(out, 'keep me');
		const error = await exportQuery(db, query, {path: out, format: 'csv'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ExportExists);
		expect((error as Error).message).toBe(`${out} already exists (--overwrite replaces it)`);
		expect(readFileSync(out, 'utf8')).toBe('keep me');
		await exportQuery(db, query, {path: out, format: 'csv', overwrite: true});
		expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(1002);
	});

	it.each([
		['the case file', () => casePath, () => `refused to write over the open case file: ${casePath}`],
		[
			'its WAL',
			() => `${casePath}.wal`,
			() => `refused to write over the open case file's write-ahead log: ${casePath}.wal`,
		],
		[
			'an input file in the ledger',
			() => path.join(dir, 'input.json'),
			() => `refused to write over an input file of this case (listed in its ledger): ${path.join(dir, 'input.json')}`,
		],
		[
			'the case file through a symbolic link',
			() => linkTo(casePath),
			() => `refused to write over the open case file: ${casePath}`,
		],
		[
			'an input loaded through a linked folder, by its real path',
			() => path.join(dir, 'real', 'x_1.json.gz'),
			() =>
				`refused to write over an input file of this case (listed in its ledger): ${path.join(dir, 'real', 'x_1.json.gz')}`,
		],
		[
			'the cached copy of an S3 input',
			() => path.join(dir, 'cache', 'trail', 'AWSLogs', '111122223333', 'y%1.json.gz'),
			() =>
				`refused to write over an input file of this case (listed in its ledger): ${path.join(dir, 'cache', 'trail', 'AWSLogs', '111122223333', 'y%1.json.gz')}`,
		],
	])('refuses %s, even with overwrite', async (_name, target, expected) => {
		const out = target();
		const message = expected();
		const before = existsSync(out) ? sha(out) : undefined;
		const error = await exportQuery(db, query, {path: out, format: 'csv', overwrite: true}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ExportError);
		expect((error as Error).message).toBe(message);
		if (before) expect(sha(out)).toBe(before);
	});
});

function linkTo(target: string): string {
	const link = path.join(dir, `link-${Math.random().toString(36).slice(2)}.duckdb`);
	symlinkSync(target, link);
	return link;
}

describe('spill files of a killed writer', () => {
	it('are removed when the case file is next opened for writing', async () => {
		const other = path.join(dir, 'spilled.duckdb');
		(await CaseFile.open(other)).close();
		// The names DuckDB 1.5.5 left in <case file>.tmp when a process was killed while sorting past its memory limit.
		const spill = `${other}.tmp`;
		mkdirSync(spill);
		for (const name of ['duckdb_temp_storage_DEFAULT-0.tmp', 'duckdb_temp_storage_S96K-0.tmp'])
			writeFileSync(path.join(spill, name), Buffer.alloc(1 << 20));
		const reader = await CaseFile.open(other, {readOnly: true});
		reader.close();
		expect(readdirSync(spill)).toHaveLength(2); // a reader leaves them (it cannot tell whether a writer uses them)
		const writer = await CaseFile.open(other);
		writer.close();
		expect(existsSync(spill)).toBe(false);
	});
});
