/**
 * Issue 11 items 2, 3 and 4 through the built CLI: `query --save` returns, expected errors are one message with
 * status 1 and no stack (DuckDB's caret line kept), every command answers --help and -h, a closed pipe ends quietly.
 */
import {spawn} from 'node:child_process';
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {expected} from '../../source/commands/query.js';
import {UserError} from '../../source/exit-codes.js';
import {generateSample} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {SqlRefused} from '../../source/store/sql-guard.js';
import {CLI, runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

let dir: string;
let db: string;

beforeAll(async () => {
	dir = await tempDir();
	const archive = path.join(dir, 'archive');
	db = path.join(dir, 'case.duckdb');
	await generateSample({outDir: archive, events: 1000, seed: 4, digests: false});
	const load = await runCli(['load', archive, '--db', db, '--quiet']);
	expect(load.code).toBe(0);
}, 120_000);

describe('query --save', {timeout: 60_000}, () => {
	it('saves, prints the rows and returns', async () => {
		const started = Date.now();
		const result = await runCli([
			'query',
			'--db',
			db,
			'--format',
			'csv',
			'--save',
			'top',
			'SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, eventName LIMIT 3',
		]);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('saved view top\n');
		expect(result.stdout.split('\n')[0]).toBe('eventName,n');
		expect(result.stdout.trim().split('\n')).toHaveLength(4);
		expect(Date.now() - started).toBeLessThan(30_000);
		const list = await runCli(['views', 'list', '--db', db, '--format', 'csv']);
		expect(list.stdout).toContain('top,sql,');
	});

	it('a statement that fails when it runs is not saved', async () => {
		const result = await runCli([
			'query',
			'--db',
			db,
			'--save',
			'broken',
			'SELECT CAST(eventName AS INTEGER) AS n FROM events',
		]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^clicktrail: Conversion Error: /);
		expect(result.stderr).not.toContain('saved view');
		const list = await runCli(['views', 'list', '--db', db, '--format', 'csv']);
		expect(list.stdout).not.toContain('broken');
	});

	it('a name already taken fails before the statement runs', async () => {
		const result = await runCli(['query', '--db', db, '--format', 'csv', '--save', 'top', 'SELECT 1 AS one']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			'clicktrail: a view named "top" already exists (delete it first, or choose another name)\n',
		);
	});
});

describe('expected errors: one message, status 1, no stack', {timeout: 60_000}, () => {
	it('the case file in use by another process', async () => {
		const holder = await CaseFile.open(db);
		try {
			for (const args of [
				['query', 'SELECT 1'],
				['views', 'list'],
			]) {
				const result = await runCli([...args, '--db', db]);
				expect(result.stderr).toBe(
					`clicktrail: ${db}: the case file is in use by another process (DuckDB allows one writer at a time); close the other clicktrail and try again\n`,
				);
				expect(result.code).toBe(1);
			}
		} finally {
			holder.close();
		}
	});

	it('not a DuckDB file', async () => {
		const junk = path.join(dir, 'junk.duckdb');
		writeFileSync(junk, 'hello, not a database\n');
		const result = await runCli(['query', '--db', junk, 'SELECT 1']);
		expect(result.stderr).toBe(
			`clicktrail: ${junk}: not a case file (not a DuckDB database); a case file is made by clicktrail load SOURCE... --db PATH\n`,
		);
		expect(result.code).toBe(1);
	});

	it('--db is a folder', async () => {
		const folder = path.join(dir, 'folder');
		mkdirSync(folder);
		const result = await runCli(['views', 'list', '--db', folder]);
		expect(result.stderr).toBe(
			`clicktrail: ${folder} is a folder; --db takes the case file's path, e.g. ${folder}/clicktrail.duckdb\n`,
		);
		expect(result.code).toBe(1);
	});

	it("invalid SQL: DuckDB's message on its own lines, with the caret under the position", async () => {
		const parse = await runCli(['query', '--db', db, 'SELEC 1']);
		expect(parse.stderr).toBe(
			'clicktrail: Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^\n',
		);
		expect(parse.code).toBe(1);
		const bind = await runCli(['query', '--db', db, 'SELECT nope FROM events']);
		expect(bind.stderr).toMatch(/^clicktrail: Binder Error: Referenced column "nope" not found in FROM clause!\n/);
		expect(bind.stderr).toMatch(/\nLINE 1: SELECT nope FROM events\n {15}\^\n$/);
		expect(bind.code).toBe(1);
	});

	it('several statements are refused, naming their types', async () => {
		const result = await runCli(['query', '--db', db, 'SELECT 1; DELETE FROM events']);
		expect(result.stderr).toBe(
			'clicktrail: refused: 2 statements (SELECT, DELETE); one statement that reads runs at a time (SELECT, WITH ... SELECT, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info)\n',
		);
		expect(result.code).toBe(1);
	});

	it('an unexpected error is not turned into a user message (it keeps its stack)', () => {
		const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
		expect(expected(bug)).toBe(bug);
		const refused = expected(new SqlRefused('refused: DELETE statement'));
		expect(refused).toBeInstanceOf(UserError);
		expect((refused as UserError).exitCode).toBe(1);
	});
});

describe('help', {timeout: 120_000}, () => {
	it.each(['load', 'query', 'views', 'sample', 'verify', 'demo', 'inventory', 'device'])(
		'%s --help and -h print its help and exit 0',
		async command => {
			for (const flag of ['--help', '-h']) {
				const result = await runCli([command, flag]);
				expect(result.stderr).toBe('');
				expect(result.code).toBe(0);
				expect(result.stdout).toMatch(new RegExp(`^Usage\\n  \\$ clicktrail ${command}\\b`));
				for (const other of ['load', 'query', 'views', 'sample', 'verify', 'demo'].filter(name => name !== command)) {
					expect(result.stdout).not.toMatch(new RegExp(`^  \\$ clicktrail ${other}\\b`, 'm'));
				}
			}
		},
	);

	it('--help alone prints every command', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		for (const command of ['load', 'query', 'views', 'sample', 'verify', 'demo'])
			expect(result.stdout).toContain(`$ clicktrail ${command}`);
	});
});

describe('a closed pipe', {timeout: 60_000}, () => {
	it('| head: exits 0 quietly and leaves no temporary folder', async () => {
		const tmp = await tempDir('clicktrail-tmp-');
		const child = spawn(
			process.execPath,
			[CLI, 'query', '--db', db, '--format', 'csv', 'SELECT range AS n FROM range(3000000)'],
			{
				env: {...process.env, TMPDIR: tmp},
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += chunk));
		const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
		// Like head -1: read the first chunk, then close the pipe.
		await new Promise<void>(resolve => child.stdout.once('data', () => resolve()));
		child.stdout.destroy();
		expect(await exited).toBe(0);
		expect(stderr).toBe('');
		expect(readdirSync(tmp)).toEqual([]);
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});
});
