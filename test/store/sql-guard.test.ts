/**
 * The console's guard on a real case file: every statement that is not a read is refused before it runs, and the
 * file is unchanged afterwards.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {runReadOnlySql} from '../../source/store/read-only-sql.js';
import {SqlRefused} from '../../source/store/sql-guard.js';
import {tempDir} from '../helpers/temp.js';

let db: CaseFile;
let dir: string;

beforeAll(async () => {
	dir = await tempDir();
	db = await CaseFile.open(path.join(dir, 'case.duckdb'));
	await db.run(
		`INSERT INTO events (eventID, eventTime, principal, raw) VALUES ('e1', TIMESTAMPTZ '2024-12-03 10:00:00+00', 'alice', '{"userIdentity":{"arn":"a"}}')`,
	);
});

afterAll(() => db?.close());

const count = async () => Number((await db.all('SELECT count(*) AS n FROM events'))[0]?.['n']);

describe('runReadOnlySql', () => {
	it.each([
		['SELECT', 'SELECT eventID FROM events'],
		['WITH ... SELECT', 'WITH x AS (SELECT 1 AS a) SELECT a FROM x'],
		['EXPLAIN', 'EXPLAIN SELECT * FROM events'],
		['DESCRIBE', 'DESCRIBE events'],
		['SHOW', 'SHOW TABLES'],
		['SUMMARIZE', 'SUMMARIZE events'],
		['PRAGMA table_info', "PRAGMA table_info('events')"],
		['FROM-first', 'FROM events'],
		[
			'PIVOT with its values listed',
			"PIVOT events ON awsRegion IN ('us-east-1', 'us-west-2') USING count(*) GROUP BY eventName",
		],
		['UNPIVOT', 'UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v'],
	])('runs %s', async (_name, sql) => {
		const result = await runReadOnlySql(db, sql);
		expect(result.columns.length).toBeGreaterThan(0);
	});

	it.each([
		['COPY', `COPY events TO '${'OUT'}'`, /COPY/],
		['ATTACH', `ATTACH ':memory:' AS other`, /ATTACH/],
		['INSERT', `INSERT INTO events (eventID, eventTime, principal) VALUES ('x', now(), 'p')`, /INSERT/],
		['UPDATE', `UPDATE events SET principal = 'mallory'`, /UPDATE/],
		['DELETE', 'DELETE FROM events', /DELETE/],
		['DROP', 'DROP TABLE events', /DROP/],
		['CREATE', 'CREATE TABLE t AS SELECT * FROM events', /CREATE/],
		['multi-statement', 'SELECT 1; DELETE FROM events', /2 statements \(SELECT, DELETE\)/],
		['EXPLAIN ANALYZE DELETE', 'EXPLAIN ANALYZE DELETE FROM events', /DELETE/],
		['SET', 'SET threads = 1', /SET/],
		['PRAGMA (not a read)', 'PRAGMA enable_profiling', /PRAGMA/],
		['CALL', "CALL pragma_table_info('events')", /CALL/],
		['transaction', 'BEGIN TRANSACTION', /BEGIN/],
		['EXPORT DATABASE', `EXPORT DATABASE 'OUT'`, /EXPORT/],
		[
			'PIVOT without its values (DuckDB runs it as two statements)',
			'PIVOT events ON awsRegion USING count(*)',
			/PIVOT without an IN list .* ON awsRegion IN \('a', 'b'\)/,
		],
		[
			'PIVOT of a file reader',
			"PIVOT (SELECT * FROM read_text('OUT')) ON content IN ('x') USING count(*)",
			/read_text\(\)/,
		],
	])('refuses %s and changes nothing', async (_name, template, reason) => {
		const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
		const sql = template.replaceAll('OUT', out);
		const before = await count();
		const error = await runReadOnlySql(db, sql).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SqlRefused);
		expect((error as Error).message).toMatch(/^refused: /);
		expect((error as Error).message).toMatch(reason);
		expect(await count()).toBe(before);
		expect(existsSync(out)).toBe(false);
		expect((await db.all(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't'`))[0]?.['n']).toBe(
			0,
		);
	});

	it("gives DuckDB's error with its position for invalid SQL", async () => {
		const error = (await runReadOnlySql(db, 'SELECT nope FROM events').catch((e: unknown) => e)) as Error;
		expect(error).not.toBeInstanceOf(SqlRefused);
		expect(error.message).toMatch(/Binder Error/);
		expect(error.message).toMatch(/LINE 1: SELECT nope FROM events\n\s+\^/);
	});

	it('caps the rows and says more exist', async () => {
		const result = await runReadOnlySql(db, 'SELECT * FROM range(5000)', {cap: 1000});
		expect(result.rows).toHaveLength(1000);
		expect(result.more).toBe(true);
		const exact = await runReadOnlySql(db, 'SELECT * FROM range(1000)', {cap: 1000});
		expect(exact.more).toBe(false);
		expect(exact.elapsedMs).toBeGreaterThanOrEqual(0);
	});

	it('is interrupted by the connection interrupt', async () => {
		const running = runReadOnlySql(db, 'SELECT count(*) FROM range(100000) a, range(100000) b');
		await new Promise(r => setTimeout(r, 200));
		db.interrupt();
		await expect(running).rejects.toThrow(/interrupt/i);
		expect((await runReadOnlySql(db, 'SELECT 42 AS n')).rows).toEqual([[42]]);
	});
});
