import {existsSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {generateSample, type GroundTruth} from '../../source/sample/index.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

const ESC = '\u001b';

describe('the built CLI', () => {
	let dir: string;
	let db: string;
	let truth: GroundTruth;
	let archive: string;

	beforeAll(async () => {
		dir = await tempDir();
		archive = path.join(dir, 'archive');
		db = path.join(dir, 'case.duckdb');
		truth = await generateSample({outDir: archive, events: 3000, seed: 21, badFiles: true});
	});

	describe('load', () => {
		it('loads everything good, names each bad file with its reason, and exits 3', async () => {
			const result = await runCli(['load', archive, '--db', db]);
			expect(result.code).toBe(3);
			const failed = result.stderr.split('\n').filter(line => line.startsWith('failed: '));
			const reasons: Record<string, RegExp> = {
				'truncated-gzip': /truncated gzip/,
				'invalid-json': /invalid JSON/,
				'not-cloudtrail': /not a CloudTrail log/,
				empty: /empty file/,
			};
			for (const bad of truth.badFiles) {
				const line = failed.find(text => text.startsWith(`failed: ${path.join(archive, bad.path)}: `));
				if (bad.kind === 'digest' || bad.kind === 'bad-records') {
					expect(line, bad.path).toBeUndefined();
				} else {
					expect(line, `${bad.kind}: ${failed.join('\n')}`).toMatch(reasons[bad.kind]!);
				}
			}
			expect(failed).toHaveLength(
				truth.badFiles.filter(bad => bad.kind !== 'digest' && bad.kind !== 'bad-records').length,
			);
			expect(result.stdout).toContain(
				`events: ${(truth.iotEvents + truth.goodRecordsInBadRecordFile).toLocaleString('en-US')} added`,
			);
			expect(result.stdout).toContain(`${truth.badRecords} bad records`);
			expect(result.stdout + result.stderr).not.toContain(ESC);
		});

		it('a second run finds every good file unchanged and still reports the failures', async () => {
			const result = await runCli(['load', archive, '--db', db, '--quiet']);
			expect(result.code).toBe(3);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/failed: .*truncated gzip/);
		});

		it('exits 0 when every input loads', async () => {
			const one = path.join(archive, truth.logFiles[0]!);
			const result = await runCli(['load', one, '--db', path.join(dir, 'one.duckdb')]);
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/files: 1 loaded/);
		});

		it('names a missing source, creates no case file, and exits 1 when every input failed', async () => {
			const result = await runCli(['load', path.join(dir, 'nope'), '--db', path.join(dir, 'nope.duckdb')]);
			expect(result.code).toBe(1);
			expect(result.stderr).toContain(`failed: ${path.join(dir, 'nope')}: no such file or directory`);
			expect(existsSync(path.join(dir, 'nope.duckdb'))).toBe(false);
		});
	});

	describe('query', () => {
		it('csv: a header and rows, nothing else', async () => {
			const result = await runCli([
				'query',
				'--db',
				db,
				'--format',
				'csv',
				`SELECT eventName, count(*) AS n FROM events WHERE sourceFile NOT LIKE '%/bad/%' GROUP BY ALL ORDER BY eventName`,
			]);
			expect(result.code).toBe(0);
			const lines = result.stdout.trim().split('\n');
			expect(lines[0]).toBe('eventName,n');
			expect(lines).toHaveLength(Object.keys(truth.byEventName).length + 1);
			for (const [name, n] of Object.entries(truth.byEventName)) expect(lines).toContain(`${name},${n}`);
		});

		it('json: one array of row objects with numbers as numbers', async () => {
			const result = await runCli([
				'query',
				'--db',
				db,
				'--format',
				'json',
				`SELECT count(*) AS n, min(eventTime) AS first FROM events WHERE sourceFile NOT LIKE '%/bad/%'`,
			]);
			expect(result.code).toBe(0);
			const rows = JSON.parse(result.stdout) as {n: number; first: string}[];
			// Times in one format everywhere: ISO 8601, UTC, microseconds.
			expect(rows).toEqual([
				{n: truth.iotEvents, first: new Date(truth.oldestIotEvent!).toISOString().replace('Z', '000Z')},
			]);
		});

		it('ndjson: one object a line', async () => {
			const result = await runCli([
				'query',
				'--db',
				db,
				'--format',
				'ndjson',
				'SELECT eventID FROM events ORDER BY eventID LIMIT 3',
			]);
			const lines = result.stdout.trim().split('\n');
			expect(lines).toHaveLength(3);
			for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(['eventID']);
		});

		it('hostile text from the logs never reaches the output raw', async () => {
			const id = truth.hostile!.eventID;
			for (const format of ['table', 'csv', 'json', 'ndjson']) {
				const result = await runCli([
					'query',
					'--db',
					db,
					'--format',
					format,
					`SELECT userAgent, raw FROM events WHERE eventID = '${id}'`,
				]);
				expect(result.code, format).toBe(0);
				expect(result.stdout, format).not.toContain(ESC);
				expect(result.stdout, format).not.toContain('\u0007');
				expect(result.stdout, format).toMatch(/\\e\[2J|\\u001b\[2J/);
			}
		});

		it('the table format draws a table', async () => {
			const result = await runCli(['query', '--db', db, 'SELECT 1 AS one, 2 AS two']);
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/one.*two/);
			expect(result.stdout).toMatch(/│|\|/);
			expect(result.stderr).toContain('1 row');
		});

		it('refuses to change evidence: the guard refuses the statement (and the case file is opened read-only)', async () => {
			const result = await runCli(['query', '--db', db, `DELETE FROM events`]);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(
				/^clicktrail: refused: DELETE statement; only statements that read run here .*, so the evidence cannot change\n$/,
			);
			const after = await runCli(['query', '--db', db, '--format', 'csv', 'SELECT count(*) AS n FROM events']);
			expect(Number(after.stdout.trim().split('\n')[1])).toBeGreaterThan(0);
		});

		it('a SQL error prints DuckDB’s message and exits 1', async () => {
			const result = await runCli(['query', '--db', db, 'SELECT nope FROM events']);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/clicktrail: Binder Error: .*nope/);
		});

		it('a missing case file says how to make one', async () => {
			const result = await runCli(['query', '--db', path.join(dir, 'missing.duckdb'), 'SELECT 1']);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/no case file at .*missing\.duckdb: load some logs first/);
		});
	});

	describe('usage errors exit 2', () => {
		it.each([
			[['load'], /load needs at least one SOURCE/],
			[['query'], /query needs SQL/],
			[['query', 'SELECT 1', '--format', 'xml'], /--format must be table, csv, json or ndjson/],
			[['load', 'x', '--since', 'yesterday-ish'], /--since: /],
			[['load', 'x', '--since', '2024-12-02', '--until', '2024-12-01'], /must be before --until/],
			[['sample'], /sample needs --out DIR/],
			[['--bogus-flag'], /Unknown flag/i],
			[['demo', '--tz', 'Mars/Olympus'], /unknown time zone/],
		])('%j', async (args, message) => {
			const result = await runCli(args);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(message);
		});
	});

	it('--help describes the commands', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		for (const word of ['load SOURCE', 'query SQL', 'sample --out', 'demo', '--db PATH', 'Exit status'])
			expect(result.stdout).toContain(word);
	});
});
