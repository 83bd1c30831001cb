/**
 * Hostile files are contained: each gets one line naming it and the reason, and everything else loads (issue 19).
 * Every hostile file is generated here, in the test's temporary folder.
 */
import {spawn} from 'node:child_process';
import {chmod, mkdir, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {gzip as gzipCallback} from 'node:zlib';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {DEFAULT_MAX_FILE_BYTES} from '../../source/loader/scan-file.js';
import {makeBuiltRecords, writeJsonLines, type BuiltRecord} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {CLI, runCli} from '../helpers/cli.js';
import {count} from '../helpers/counts.js';
import {tempDir} from '../helpers/temp.js';

const gzip = promisify(gzipCallback);

let dir: string;
let built: BuiltRecord[];
/** IoT records only, so every record kept is an event. */
let iot: BuiltRecord[];

beforeAll(async () => {
	dir = await tempDir();
	built = makeBuiltRecords({count: 3000, seed: 19, iotShare: 1});
	iot = built.filter(b => b.meta.iot);
});

async function open(name: string): Promise<CaseFile> {
	return CaseFile.open(path.join(dir, `${name}.duckdb`));
}

async function load(db: CaseFile, sources: string[], options: Parameters<typeof loadFiles>[2] = {}) {
	const {files, errors} = await expandLocalSources(sources);
	expect(errors).toEqual([]);
	return loadFiles(db, files, options);
}

/** A record nested `levels` deep (about 2 bytes a level): 70,000 levels crashed DuckDB's JSON reader. */
function deepRecord(levels: number, eventID = 'deep-0001'): string {
	return `{"eventID":"${eventID}","eventTime":"2024-12-01T00:00:00Z","eventSource":"iot1click.amazonaws.com","eventName":"Deep","requestParameters":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

describe('nesting depth', () => {
	it('a record nested 70,000 levels is rejected with its reason; the other 1,000 records of its file load', async () => {
		const folder = path.join(dir, 'deep');
		const good = iot.slice(0, 1000).map(b => JSON.stringify(b.record));
		const deep = deepRecord(70_000);
		expect(deep.length).toBeGreaterThan(140_000);
		await mkdir(folder, {recursive: true});
		await writeFile(
			path.join(folder, 'records.json'),
			`{"Records":[${[...good.slice(0, 500), deep, ...good.slice(500)].join(',')}]}`,
		);
		await writeFile(
			path.join(folder, 'lines.jsonl'),
			[...iot.slice(1000, 1400).map(b => JSON.stringify(b.record)), deep.replace('deep-0001', 'deep-0002')].join('\n') +
				'\n',
		);
		// Inside lookup-events output the record is a JSON string, parsed only once loaded: its depth counts too.
		await writeFile(
			path.join(folder, 'lookup.json'),
			JSON.stringify({
				Events: [
					{EventId: 'deep-0003', CloudTrailEvent: deepRecord(70_000, 'deep-0003')},
					{EventId: 'x', CloudTrailEvent: JSON.stringify(iot[1400]!.record)},
				],
			}),
		);
		const db = await open('deep');
		const summary = await load(db, [folder]);
		expect(summary.filesFailed).toEqual([]);
		expect(summary.filesLoaded).toBe(3);
		expect(summary.eventsAdded).toBe(1401);
		expect(summary.rejected.tooDeep).toBe(3);
		expect(summary.badRecords).toBe(3);
		expect(await count(db, `SELECT count(*) FROM events WHERE eventID LIKE 'deep-%'`)).toBe(0);
		const ledger = await db.all(`SELECT path, format, records, events, badRecords, rejected FROM files ORDER BY path`);
		expect(ledger).toEqual([
			{
				path: path.join(folder, 'lines.jsonl'),
				format: 'jsonl',
				records: 401,
				events: 400,
				badRecords: 1,
				rejected: '1 nested deeper than 1,000 levels',
			},
			{
				path: path.join(folder, 'lookup.json'),
				format: 'lookup-events',
				records: 2,
				events: 1,
				badRecords: 1,
				rejected: '1 nested deeper than 1,000 levels',
			},
			{
				path: path.join(folder, 'records.json'),
				format: 'records',
				records: 1001,
				events: 1000,
				badRecords: 1,
				rejected: '1 nested deeper than 1,000 levels',
			},
		]);
		db.close();
	});

	it('a record nested 900 levels (under the limit) loads', async () => {
		const folder = path.join(dir, 'deep-ok');
		await mkdir(folder, {recursive: true});
		await writeFile(path.join(folder, 'records.json'), `{"Records":[${deepRecord(900)}]}`);
		const db = await open('deep-ok');
		const summary = await load(db, [folder]);
		expect(summary.eventsAdded).toBe(1);
		expect(summary.badRecords).toBe(0);
		db.close();
	});
});

describe('decompression bombs', () => {
	it('a gzip file that expands past --max-file-size fails with its reason, unread by DuckDB; the rest loads', async () => {
		const folder = path.join(dir, 'bomb');
		await mkdir(folder, {recursive: true});
		// 64 MB of blanks inside a valid log compresses to about 64 KB (1,000:1), as a bomb does.
		const bomb = await gzip(
			Buffer.concat([
				Buffer.from('{"Records":['),
				Buffer.alloc(64 * 1024 * 1024, 0x20),
				Buffer.from(`${JSON.stringify(iot[0]!.record)}]}`),
			]),
		);
		expect(bomb.length).toBeLessThan(200 * 1024);
		await writeFile(path.join(folder, 'bomb.json.gz'), bomb);
		await writeJsonLines(
			path.join(folder, 'good.jsonl.gz'),
			iot.slice(1, 1001).map(b => b.record),
		);
		const result = await runCli(['load', folder, '--db', path.join(dir, 'bomb.duckdb'), '--max-file-size', '32MB']);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain(
			`failed: ${path.join(folder, 'bomb.json.gz')}: expands to more than 32 MB when decompressed (a decompression bomb?); --max-file-size raises the limit\n`,
		);
		expect(result.stdout).toContain('1,000 added');
		const db = await CaseFile.open(path.join(dir, 'bomb.duckdb'), {readOnly: true});
		expect(await db.all(`SELECT format, status FROM files WHERE path LIKE '%bomb.json.gz'`)).toEqual([
			{format: 'gzip', status: 'failed'},
		]);
		db.close();
	});

	it('by default a file may expand to 4 GB: above the 2 GB the loader is measured to take', () => {
		expect(DEFAULT_MAX_FILE_BYTES).toBe(4 * 1024 ** 3);
	});
});

describe('file names DuckDB would read as globs', () => {
	it('case[1]/x.json, case1/x.json, a?b, x{y} and star* each load their own records once', async () => {
		const folder = path.join(dir, 'globs');
		const names = [
			'case[1]/x.json',
			'case1/x.json',
			'a?b/x.json',
			'ab/x.json',
			'x{y,z}/x.json',
			'y/x.json',
			'z/x.json',
			'star*/x.json',
			'back\\slash/x.json',
		];
		const slices = names.map((_, index) => iot.slice(index * 100, index * 100 + 10 + index * 7));
		for (const [index, name] of names.entries()) {
			await mkdir(path.dirname(path.join(folder, name)), {recursive: true});
			await writeFile(path.join(folder, name), JSON.stringify({Records: slices[index]!.map(b => b.record)}));
		}
		const db = await open('globs');
		const summary = await load(db, [folder]);
		expect(summary.filesFailed).toEqual([]);
		expect(summary.eventsAdded).toBe(slices.reduce((sum, slice) => sum + slice.length, 0));
		expect(summary.duplicates).toBe(0);
		expect(summary.otherService).toBe(0);
		const ledger = await db.all(`SELECT path, records, events, otherService FROM files ORDER BY path`);
		expect(ledger).toEqual(
			names
				.map((name, index) => ({
					path: path.join(folder, name),
					records: slices[index]!.length,
					events: slices[index]!.length,
					otherService: 0,
				}))
				.sort((a, b) => (a.path < b.path ? -1 : 1)),
		);
		for (const [index, name] of names.entries()) {
			expect(await count(db, `SELECT count(*) FROM events WHERE sourceFile = ?`, [path.join(folder, name)]), name).toBe(
				slices[index]!.length,
			);
		}
		db.close();
	});

	it('the same holds for files from the S3 cache (a key with [ in it) and for a gzip file not named .gz', async () => {
		const folder = path.join(dir, 'cache');
		await mkdir(path.join(folder, 'bucket/k[1]'), {recursive: true});
		await mkdir(path.join(folder, 'bucket/k1'), {recursive: true});
		await writeFile(
			path.join(folder, 'bucket/k[1]/log.json.gz'),
			await gzip(JSON.stringify({Records: iot.slice(0, 30).map(b => b.record)})),
		);
		await writeFile(
			path.join(folder, 'bucket/k1/log.json.gz'),
			await gzip(JSON.stringify({Records: iot.slice(30, 40).map(b => b.record)})),
		);
		await writeFile(
			path.join(folder, 'bucket/k1/plain-named.json'),
			await gzip(JSON.stringify({Records: iot.slice(40, 45).map(b => b.record)})),
		);
		const db = await open('cache');
		const summary = await loadFiles(db, [
			{path: path.join(folder, 'bucket/k[1]/log.json.gz'), origin: 's3://bucket/k[1]/log.json.gz', size: 1},
			{path: path.join(folder, 'bucket/k1/log.json.gz'), origin: 's3://bucket/k1/log.json.gz', size: 1},
			{path: path.join(folder, 'bucket/k1/plain-named.json'), origin: 's3://bucket/k1/plain-named.json', size: 1},
		]);
		expect(summary.filesFailed).toEqual([]);
		expect(await db.all(`SELECT path, events FROM files ORDER BY path`)).toEqual([
			{path: 's3://bucket/k1/log.json.gz', events: 10},
			{path: 's3://bucket/k1/plain-named.json', events: 5},
			{path: 's3://bucket/k[1]/log.json.gz', events: 30},
		]);
		db.close();
	});
});

/** Run the built CLI as an unprivileged user when the tests run as root (root reads any folder). */
function runCliAs(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	const asRoot = process.getuid?.() === 0;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			env: {...process.env, TZ: 'UTC', NO_COLOR: '1'},
			stdio: ['ignore', 'pipe', 'pipe'],
			...(asRoot ? {uid: 65534, gid: 65534} : {}),
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

describe('directory walks', () => {
	it('an unreadable folder, a broken link and a non-UTF-8 name get a line each; links are followed once; the rest loads', async () => {
		const root = path.join(dir, 'walk');
		const logs = path.join(root, 'logs');
		const outside = path.join(dir, 'walk-outside');
		await mkdir(path.join(logs, 'locked'), {recursive: true});
		await mkdir(outside, {recursive: true});
		await writeJsonLines(
			path.join(logs, 'a.jsonl'),
			iot.slice(0, 100).map(b => b.record),
		);
		await writeJsonLines(
			path.join(logs, 'locked/hidden.jsonl'),
			iot.slice(100, 110).map(b => b.record),
		);
		await writeJsonLines(
			path.join(outside, 'linked-file.jsonl'),
			iot.slice(110, 130).map(b => b.record),
		);
		await writeJsonLines(
			path.join(outside, 'sub/in-linked-folder.jsonl'),
			iot.slice(130, 160).map(b => b.record),
		);
		await symlink(path.join(outside, 'linked-file.jsonl'), path.join(logs, 'link.jsonl'));
		await symlink(path.join(outside, 'sub'), path.join(logs, 'linked-folder'));
		await symlink(logs, path.join(logs, 'loop'));
		await symlink(path.join(dir, 'nowhere.jsonl'), path.join(logs, 'broken.jsonl'));
		await writeFile(
			Buffer.concat([Buffer.from(`${logs}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.jsonl')]),
			JSON.stringify(iot[160]!.record) + '\n',
		);
		await chmod(path.join(logs, 'locked'), 0o000);
		for (const folder of [dir, root, logs, outside, path.join(outside, 'sub')]) await chmod(folder, 0o777);
		const result = await runCliAs(['load', root, '--db', path.join(dir, 'walk.duckdb')]);
		await chmod(path.join(logs, 'locked'), 0o755);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(result.code).toBe(3);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toContain(`failed: ${path.join(logs, 'locked')}: cannot read folder: permission denied`);
		expect(lines).toContain(
			`failed: ${path.join(logs, 'broken.jsonl')}: broken symbolic link: no such file or directory`,
		);
		expect(lines).toContain(
			`failed: ${logs}/bad-\\xff\\xfe.jsonl: file name is not valid UTF-8: not read (rename it to load it)`,
		);
		expect(lines).toContain(
			`skipped: ${path.join(logs, 'loop')}: folder already walked (a symbolic link loop or a second link to it)`,
		);
		expect(result.stdout).toContain('files: 3 loaded');
		expect(result.stdout).toContain('150 added');
	});
});

describe('records', () => {
	it('duplicate keys: the events row takes the first, as DuckDB reads JSON', async () => {
		const folder = path.join(dir, 'dupkeys');
		await mkdir(folder, {recursive: true});
		const record = JSON.stringify({...iot[0]!.record, eventName: 'FirstName'});
		const doubled = record.replace('"eventName":"FirstName"', '"eventName":"FirstName","eventName":"SecondName"');
		expect(doubled).not.toBe(record);
		await writeFile(path.join(folder, 'dup.json'), `{"Records":[${doubled}]}`);
		const db = await open('dupkeys');
		await load(db, [folder]);
		expect(await db.all(`SELECT eventName FROM events`)).toEqual([{eventName: 'FirstName'}]);
		db.close();
	});

	it('keeps only real instants: infinity, epoch, offsets past 14:00, BC and year 9999 are bad records with a reason', async () => {
		const folder = path.join(dir, 'times');
		await mkdir(folder, {recursive: true});
		const base = iot.slice(0, 12).map(b => b.record);
		const times = [
			['infinity', null],
			['-infinity', null],
			['epoch', null],
			['2024-12-03T10:00:00+15:00', null],
			['0044-03-15T00:00:00 BC', null],
			['9999-12-31T23:59:59Z', null],
			['2024-02-30T00:00:00Z', null],
			['2024-12-03t10:00:00z', '2024-12-03T10:00:00.000Z'],
			['2024-12-03T10:00:00', '2024-12-03T10:00:00.000Z'],
			['2024-12-03T10:00:00.123456+14:00', '2024-12-02T20:00:00.123Z'],
			['2024-12-03T10:00:00-0330', '2024-12-03T13:30:00.000Z'],
			['2024-12-03 10:00:00Z', '2024-12-03T10:00:00.000Z'],
		] as const;
		const records = base.map((record, index) => ({...record, eventTime: times[index]![0]}));
		await writeJsonLines(path.join(folder, 'times.jsonl'), records);
		const db = await open('times');
		const summary = await load(db, [folder]);
		expect(summary.rejected.badEventTime).toBe(7);
		expect(summary.badRecords).toBe(7);
		expect(summary.eventsAdded).toBe(5);
		const rows = await db.all(`SELECT eventID, eventTime FROM events`);
		const byID = new Map(rows.map(row => [row['eventID'], (row['eventTime'] as Date).toISOString()]));
		for (const [index, [, expected]] of times.entries()) {
			expect(byID.get(base[index]!.eventID), times[index]![0]).toBe(expected ?? undefined);
		}
		// Every view's time arithmetic works on what was kept.
		expect(
			await count(
				db,
				`SELECT count(*) FROM events WHERE epoch(eventTime) BETWEEN epoch(TIMESTAMPTZ '1970-01-01 00:00:00+00') AND epoch(TIMESTAMPTZ '2100-01-01 00:00:00+00')`,
			),
		).toBe(5);
		expect(await db.all(`SELECT rejected FROM files`)).toEqual([
			{rejected: '7 with an eventTime that is not a real instant (RFC 3339, years 1970-2099)'},
		]);
		db.close();
	});
});

describe('--since and --until on the command line', () => {
	it('refuses values that are not times (exit 2) and takes "-7d" and "-2h" as separate words', async () => {
		const db = path.join(dir, 'since.duckdb');
		const folder = path.join(dir, 'since');
		await writeJsonLines(
			path.join(folder, 'a.jsonl'),
			iot.slice(0, 10).map(b => b.record),
		);
		for (const bad of ['infinity', 'epoch', 'yesterday', '2024-13-01']) {
			const result = await runCli(['load', folder, '--db', db, '--since', bad]);
			expect(result.code, bad).toBe(2);
			expect(result.stderr).toContain(`clicktrail: --since: Cannot read time "${bad}"`);
		}
		const result = await runCli(['load', folder, '--db', db, '--since', '-7d', '--until', '-2h']);
		expect(result.stderr).not.toContain('clicktrail:');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('10 outside the time range');
	});
});
