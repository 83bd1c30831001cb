/**
 * Issue 19 items 1, 2 and 5 through the built CLI: the attacks of the issue, as typed, change nothing; a hostile SQL
 * view in a case file is refused by every command that runs it; exports never clobber and Ctrl-C leaves nothing.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {generateSample} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {CLI, runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

let dir: string;
let db: string;
let other: string;
let anInput: string;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function eventCount(file: string): Promise<number> {
	const reader = await CaseFile.open(file, {readOnly: true});
	try {
		return Number((await reader.all('SELECT count(*) AS n FROM events'))[0]?.['n']);
	} finally {
		reader.close();
	}
}

beforeAll(async () => {
	dir = await tempDir();
	const archive = path.join(dir, 'archive');
	db = path.join(dir, 'b.duckdb');
	other = path.join(dir, 'other.duckdb');
	await generateSample({outDir: archive, events: 1500, seed: 11, digests: false});
	const load = await runCli(['load', archive, '--db', db, '--quiet']);
	expect(load.code).toBe(0);
	copyFileSync(db, other);
	const writer = await CaseFile.open(db);
	try {
		anInput = String(
			(await writer.all(`SELECT path FROM files WHERE status = 'loaded' ORDER BY path LIMIT 1`))[0]?.['path'],
		);
		// SQL views as a hostile case file would hold them (written straight into the table, as anyone could).
		const hostile: [string, string][] = [
			['logging', `SELECT * FROM enable_logging(storage = 'file', storage_path = '${path.join(dir, 'logs')}')`],
			['profiling', `SELECT * FROM enable_profiling(save_location = '${path.join(dir, 'profile.txt')}')`],
			['copy', `COPY (SELECT 'x' AS a) TO '${db}' (FORMAT csv)`],
			[
				'big',
				'SELECT range AS n, md5(CAST(range AS VARCHAR)) AS h, md5(CAST(range + 1 AS VARCHAR)) AS g FROM range(40000000)',
			],
			['names', 'SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, eventName'],
		];
		for (const [name, sql] of hostile) {
			await writer.run(
				`INSERT INTO views (name, description, filter, sql, created, updated) VALUES (?, NULL, NULL, ?, now(), now())`,
				[name, sql],
			);
		}
	} finally {
		writer.close();
	}
}, 180_000);

describe('clicktrail query is read-only in fact', {timeout: 60_000}, () => {
	it('COPY over the case file is refused, naming COPY, and the case file is intact', async () => {
		const before = sha(db);
		const result = await runCli(['query', '--db', db, `COPY (SELECT 'x' AS a) TO '${db}' (FORMAT csv)`]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			'clicktrail: refused: COPY statement; only statements that read run here (SELECT, WITH ... SELECT, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info), so the evidence cannot change\n',
		);
		expect(sha(db)).toBe(before);
		expect(await eventCount(db)).toBeGreaterThan(0);
	});

	it('ATTACH of another case file then DELETE changes nothing', async () => {
		const before = await eventCount(other);
		const result = await runCli(['query', '--db', db, `ATTACH '${other}' AS o (READ_WRITE); DELETE FROM o.events`]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			'clicktrail: refused: 2 statements (ATTACH, DELETE); one statement that reads runs at a time (SELECT, WITH ... SELECT, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info)\n',
		);
		expect(await eventCount(other)).toBe(before);
	});

	it.each([
		['ATTACH', `ATTACH 'OTHER' AS o (READ_WRITE)`],
		['EXPORT', `EXPORT DATABASE 'DIR/exported'`],
		['SET', `SET enable_external_access = true`],
		['PRAGMA', `PRAGMA enable_profiling`],
		['CALL', `CALL enable_logging()`],
		['INSTALL', `INSTALL httpfs`],
		['LOAD', `LOAD httpfs`],
	])('%s is refused, naming it, with status 1', async (type, template) => {
		const sql = template.replaceAll('OTHER', other).replaceAll('DIR', dir);
		const result = await runCli(['query', '--db', db, sql]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			new RegExp(`^clicktrail: refused: ${type} statement; only statements that read run here`),
		);
		expect(existsSync(path.join(dir, 'exported'))).toBe(false);
	});

	it.each([
		['enable_profiling', `SELECT * FROM enable_profiling(save_location = 'DIR/profile.txt')`],
		['enable_logging', `SELECT * FROM enable_logging(storage = 'file', storage_path = 'DIR/logs')`],
	])('SELECT * FROM %s(...) is refused and writes nothing', async (name, template) => {
		const result = await runCli(['query', '--db', db, template.replaceAll('DIR', dir)]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			new RegExp(`^clicktrail: refused: the table function ${name}\\(\\) \\(a read may call only range, `),
		);
		expect(existsSync(path.join(dir, 'logs'))).toBe(false);
		expect(existsSync(path.join(dir, 'profile.txt'))).toBe(false);
	});

	it('a read still runs, and leaves no sandbox folder behind', async () => {
		const tmp = await tempDir('clicktrail-tmp-');
		const result = await runCli(['query', '--db', db, '--format', 'csv', 'SELECT count(*) AS n FROM events'], {
			TMPDIR: tmp,
		});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(Number(result.stdout.split('\n')[1])).toBeGreaterThan(0);
		expect(readdirSync(tmp)).toEqual([]);
	});
});

describe('a hostile SQL view in the case file', {timeout: 60_000}, () => {
	it.each([
		['views run', ['views', 'run', 'logging'], /^clicktrail: refused: the table function enable_logging\(\)/],
		['views run', ['views', 'run', 'profiling'], /^clicktrail: refused: the table function enable_profiling\(\)/],
		['views run', ['views', 'run', 'copy'], /^clicktrail: refused: COPY statement/],
		[
			'views export',
			['views', 'export', 'logging', '--out', 'OUT.csv'],
			/^clicktrail: refused: the table function enable_logging\(\)/,
		],
		['views export', ['views', 'export', 'copy', '--out', 'OUT.csv'], /^clicktrail: refused: COPY statement/],
	])('is refused by %s (%s)', async (_command, args, message) => {
		const before = sha(db);
		const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
		const result = await runCli([...args.map(arg => arg.replace('OUT', out)), '--db', db]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(message);
		expect(sha(db)).toBe(before);
		expect(existsSync(`${out}.csv`)).toBe(false);
		expect(existsSync(path.join(dir, 'logs'))).toBe(false);
		expect(existsSync(path.join(dir, 'profile.txt'))).toBe(false);
	});
});

describe('spill files of a killed load', {timeout: 120_000}, () => {
	it('are removed by the next load', async () => {
		// What DuckDB 1.5.5 leaves in <case file>.tmp when a load is killed while spilling (names as measured).
		const spill = `${db}.tmp`;
		mkdirSync(spill, {recursive: true});
		for (const name of ['duckdb_temp_storage_DEFAULT-0.tmp', 'duckdb_temp_storage_S224K-0.tmp'])
			writeFileSync(path.join(spill, name), Buffer.alloc(1 << 20));
		const load = await runCli(['load', path.join(dir, 'archive'), '--db', db, '--quiet']);
		expect(load.code).toBe(0);
		expect(existsSync(spill)).toBe(false);
	});
});

describe('exports never clobber', {timeout: 120_000}, () => {
	it('refuses the open case file, its WAL and an input file, even with --overwrite', async () => {
		for (const [target, reason] of [
			[db, 'the open case file'],
			[`${db}.wal`, "the open case file's write-ahead log"],
			[anInput, 'an input file of this case (listed in its ledger)'],
		] as const) {
			const before = existsSync(target) ? sha(target) : undefined;
			const result = await runCli([
				'views',
				'export',
				'names',
				'--out',
				target,
				'--format',
				'csv',
				'--overwrite',
				'--db',
				db,
			]);
			expect(result.stderr).toBe(`clicktrail: refused to write over ${reason}: ${target}\n`);
			expect(result.code).toBe(1);
			if (before) expect(sha(target)).toBe(before);
		}
	});

	it('needs --overwrite to replace an existing file', async () => {
		const out = path.join(dir, 'names.csv');
		writeFileSync(out, 'keep me');
		const refused = await runCli(['views', 'export', 'names', '--out', out, '--db', db]);
		expect(refused.stderr).toBe(`clicktrail: ${out} already exists (--overwrite replaces it)\n`);
		expect(refused.code).toBe(1);
		expect(readFileSync(out, 'utf8')).toBe('keep me');
		const replaced = await runCli(['views', 'export', 'names', '--out', out, '--overwrite', '--db', db]);
		expect(replaced.code).toBe(0);
		expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('eventName,n');
	});

	it('Ctrl-C during an export exits 130 and leaves no temporary file', async () => {
		const out = path.join(dir, 'big.parquet');
		const tmp = await tempDir('clicktrail-tmp-');
		const child = spawn(process.execPath, [CLI, 'views', 'export', 'big', '--out', out, '--db', db], {
			env: {...process.env, TMPDIR: tmp},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += chunk));
		const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
		// Wait for the state: DuckDB writing the export in the process's sandbox folder.
		const started = Date.now();
		let staged: string | undefined;
		while (!staged && Date.now() - started < 60_000) {
			staged = readdirSync(tmp)
				.flatMap(folder => readdirSync(path.join(tmp, folder)).map(name => path.join(tmp, folder, name)))
				.find(file => path.basename(file).startsWith('export-'));
			if (!staged) await new Promise(resolve => setTimeout(resolve, 20));
		}
		expect(staged).toBeDefined();
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(stderr).toBe('clicktrail: interrupted; nothing was written\n');
		expect(existsSync(out)).toBe(false);
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
		expect(readdirSync(tmp)).toEqual([]);
	});
});
