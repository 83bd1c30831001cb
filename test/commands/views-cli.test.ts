/**
 * `clicktrail query --save` and `clicktrail views ...` through the built CLI, on a case made by the generator.
 * Exports are read back by DuckDB itself (read_csv, read_json, read_parquet on a connection of the test: user SQL
 * through the CLI may not read files any more).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {generateSample} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

let dir: string;
let db: string;

/** One value from a query through the CLI. */
async function scalar(sql: string): Promise<string> {
	const result = await runCli(['query', '--db', db, '--format', 'csv', sql]);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return result.stdout.trim().split('\n')[1] ?? '';
}

/** One value from a query that reads an exported file, on the test's own read-only connection. */
async function fileScalar(sql: string): Promise<string> {
	const reader = await CaseFile.open(db, {readOnly: true});
	try {
		const row = (await reader.all(sql))[0] ?? {};
		return String(Object.values(row)[0] ?? '');
	} finally {
		reader.close();
	}
}

beforeAll(async () => {
	dir = await tempDir();
	const archive = path.join(dir, 'archive');
	db = path.join(dir, 'case.duckdb');
	await generateSample({outDir: archive, events: 1500, seed: 5});
	const load = await runCli(['load', archive, '--db', db, '--quiet']);
	expect(load.code).toBe(0);
}, 120_000);

describe('query --save and views', {timeout: 120_000}, () => {
	it('saves a query as a view, printing its rows too', async () => {
		const result = await runCli([
			'query',
			'--db',
			db,
			'--save',
			'formulas',
			'--description',
			'hostile cells',
			"SELECT '=HYPERLINK(1)' AS f, '+1' AS plus, '-2' AS minus, '@SUM' AS at, 'ok' AS fine, 7 AS n, eventName FROM events ORDER BY eventID LIMIT 3",
		]);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('saved view formulas');
		expect(result.stdout).toContain('=HYPERLINK(1)');
	});

	it('refuses a duplicate name (exit 1) and keeps the first', async () => {
		const result = await runCli(['query', '--db', db, '--save', 'formulas', 'SELECT 1 AS one']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/already exists/);
		expect((await runCli(['views', 'show', 'formulas', '--db', db])).stdout).toContain('HYPERLINK');
	});

	it('refuses to save a statement that is not a read, or invalid SQL (exit 1), saving nothing', async () => {
		const refused = await runCli(['query', '--db', db, '--save', 'bad', 'DELETE FROM events']);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/refused: DELETE/);
		const invalid = await runCli(['query', '--db', db, '--save', 'bad', 'SELEC 1']);
		expect(invalid.code).toBe(1);
		expect(invalid.stderr).toMatch(/syntax error/);
		expect((await runCli(['views', 'list', '--db', db, '--format', 'csv'])).stdout).not.toContain('bad');
		expect(Number(await scalar('SELECT count(*) FROM events'))).toBeGreaterThan(0);
	});

	it('lists views', async () => {
		const result = await runCli(['views', 'list', '--db', db, '--format', 'csv']);
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[0]).toBe('name,kind,description,updated');
		expect(result.stdout).toMatch(/^formulas,sql,hostile cells,/m);
	});

	it('shows a view', async () => {
		const result = await runCli(['views', 'show', 'formulas', '--db', db]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/name: +formulas/);
		expect(result.stdout).toMatch(/kind: +sql/);
	});

	it('runs a view in each output format', async () => {
		const csv = await runCli(['views', 'run', 'formulas', '--db', db, '--format', 'csv']);
		expect(csv.code).toBe(0);
		expect(csv.stdout.trim().split('\n')).toHaveLength(4);
		const json = JSON.parse(
			(await runCli(['views', 'run', 'formulas', '--db', db, '--format', 'json'])).stdout,
		) as unknown[];
		expect(json).toHaveLength(3);
		const ndjson = (await runCli(['views', 'run', 'formulas', '--db', db, '--format', 'ndjson'])).stdout
			.trim()
			.split('\n');
		expect(JSON.parse(ndjson[0]!)).toMatchObject({f: '=HYPERLINK(1)', n: 7});
		expect((await runCli(['views', 'run', 'formulas', '--db', db])).stdout).toContain('HYPERLINK');
	});

	it('exports csv with formula cells neutralised, numbers and plain text untouched', async () => {
		const out = path.join(dir, 'formulas.csv');
		const result = await runCli(['views', 'export', 'formulas', '--db', db, '--out', out]);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('exported 3 rows');
		const lines = readFileSync(out, 'utf8').trim().split('\n');
		expect(lines[0]).toBe('f,plus,minus,at,fine,n,eventName');
		expect(lines[1]).toMatch(/^'=HYPERLINK\(1\),'\+1,'-2,'@SUM,ok,7,/);
		expect(await fileScalar(`SELECT count(*) FROM read_csv('${out}') WHERE f = '''=HYPERLINK(1)'`)).toBe('3');
	});

	it('exports json, jsonl and parquet that DuckDB reads back', async () => {
		for (const [file, reader] of [
			['v.json', 'read_json'],
			['v.jsonl', 'read_json'],
			['v.parquet', 'read_parquet'],
		] as const) {
			const out = path.join(dir, file);
			const result = await runCli(['views', 'export', 'formulas', '--db', db, '--out', out]);
			expect(result.code, result.stderr).toBe(0);
			expect(await fileScalar(`SELECT count(*) FROM ${reader}('${out}') WHERE f = '=HYPERLINK(1)' AND n = 7`)).toBe(
				'3',
			);
		}
		expect(readFileSync(path.join(dir, 'v.json'), 'utf8').trimStart().startsWith('[')).toBe(true);
	});

	it('a filter view runs its bound-parameter query and exports the hostile sample text neutralised', async () => {
		// A filter view is saved by the screen (w); here the store saves one directly, as the screen would.
		const {CaseFile} = await import('../../source/store/database.js');
		const {saveView} = await import('../../source/store/views.js');
		const file = await CaseFile.open(db);
		try {
			await saveView(file, {name: "o'hostile", filter: {chips: [{kind: 'text', text: 'evil'}]}});
		} finally {
			file.close();
		}
		const expected = await scalar(`SELECT count(*) FROM events WHERE contains(lower(CAST(raw AS VARCHAR)), 'evil')`);
		expect(Number(expected)).toBeGreaterThan(0);
		const run = await runCli(['views', 'run', "o'hostile", '--db', db, '--format', 'ndjson']);
		expect(run.code).toBe(0);
		expect(run.stdout.trim().split('\n')).toHaveLength(Number(expected));
		const out = path.join(dir, "it's here.csv");
		const exported = await runCli(['views', 'export', "o'hostile", '--db', db, '--out', out]);
		expect(exported.code, exported.stderr).toBe(0);
		expect(await fileScalar(`SELECT count(*) FROM read_csv('${out.replaceAll("'", "''")}')`)).toBe(expected);
		// No cell in the file starts a formula.
		expect(
			await fileScalar(
				`SELECT count(*) FROM read_csv('${out.replaceAll("'", "''")}', all_varchar = true) WHERE regexp_matches(userAgent, '^[=+\\-@]')`,
			),
		).toBe('0');
	});

	it('unknown view, unwritable path, bad format: a clear message, nothing written', async () => {
		const unknown = await runCli(['views', 'run', 'nope', '--db', db]);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toMatch(/no view named "nope"/);
		const unwritable = await runCli([
			'views',
			'export',
			'formulas',
			'--db',
			db,
			'--out',
			path.join(dir, 'missing', 'x.csv'),
		]);
		expect(unwritable.code).toBe(1);
		expect(unwritable.stderr).toMatch(/cannot write .*does not exist/);
		const noFormat = await runCli(['views', 'export', 'formulas', '--db', db, '--out', path.join(dir, 'x.txt')]);
		expect(noFormat.code).toBe(2);
		expect(noFormat.stderr).toMatch(/cannot tell the format/);
		const usage = await runCli(['views', 'frobnicate', '--db', db]);
		expect(usage.code).toBe(2);
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
		expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
	});

	it('deletes a view; deleting it again fails with 1', async () => {
		expect((await runCli(['views', 'delete', 'formulas', '--db', db])).code).toBe(0);
		const again = await runCli(['views', 'delete', 'formulas', '--db', db]);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/no view named "formulas"/);
	});
});
