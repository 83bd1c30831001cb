/**
 * Every real input loads, and nothing is silently lost (issue 10): the shapes people save CloudTrail events in,
 * each alone and all in one batch, windowed loads, reused eventIDs, per-file rejection reasons, exit statuses.
 */
import {existsSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {gzip as gzipCallback} from 'node:zlib';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {
	csvField,
	makeBuiltRecords,
	writeJsonLines,
	type BuiltRecord,
	type CloudTrailRecord,
} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {runCli} from '../helpers/cli.js';
import {count} from '../helpers/counts.js';
import {tempDir} from '../helpers/temp.js';

const gzip = promisify(gzipCallback);

let dir: string;
let iot: BuiltRecord[];

beforeAll(async () => {
	dir = await tempDir();
	iot = makeBuiltRecords({count: 4000, seed: 10, iotShare: 1}).filter(b => b.meta.iot);
});

async function loadFolder(name: string, sources: string[], options: Parameters<typeof loadFiles>[2] = {}) {
	const db = await CaseFile.open(path.join(dir, `${name}.duckdb`));
	const {files, errors} = await expandLocalSources(sources);
	expect(errors).toEqual([]);
	const summary = await loadFiles(db, files, options);
	return {db, summary};
}

function csv(header: string[], rows: string[][]): string {
	return [header, ...rows].map(row => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The shapes, each a file with its own slice of IoT 1-Click records: name -> [text or bytes, eventIDs]. */
async function writeShapes(folder: string): Promise<Map<string, string[]>> {
	const expected = new Map<string, string[]>();
	let next = 0;
	const take = (n: number) => {
		const slice = iot.slice(next, next + n).map(b => b.record);
		next += n;
		return slice;
	};
	const put = async (name: string, content: string | Buffer, records: CloudTrailRecord[]) => {
		await writeFile(path.join(folder, name), content);
		expected.set(
			path.join(folder, name),
			records.map(r => r.eventID),
		);
	};
	await mkdir(folder, {recursive: true});
	const single = take(1);
	await put('event.json', JSON.stringify(single[0], null, 2) + '\n', single);
	const oneLine = take(1);
	await put('event-one-line.json', JSON.stringify(oneLine[0]), oneLine);
	const lookup = take(120);
	const lookupEntry = (r: CloudTrailRecord) => ({
		EventId: r.eventID,
		EventName: r.eventName,
		ReadOnly: 'false',
		EventTime: r.eventTime,
		EventSource: r.eventSource,
		Username: 'x',
		Resources: [],
		CloudTrailEvent: JSON.stringify(r),
	});
	await put('lookup-events.json', JSON.stringify({Events: lookup.map(lookupEntry)}, null, 4) + '\n', lookup);
	const lookupLines = take(80);
	await put('lookup-events.jsonl', lookupLines.map(r => JSON.stringify(lookupEntry(r))).join('\n') + '\n', lookupLines);
	const stream = take(150);
	await put('jq-records.json', stream.map(r => JSON.stringify(r, null, 2)).join('\n') + '\n', stream);
	const long = take(60);
	const padded = long.map((r, index) => (index === 0 ? {...r, additionalEventData: {pad: 'x'.repeat(100_000)}} : r));
	await put('long-first-line.jsonl', padded.map(r => JSON.stringify(r)).join('\n'), long);
	const records = take(300);
	await put('log.json.gz', await gzip(JSON.stringify({Records: records})), records);
	const array = take(40);
	await put('array.json', JSON.stringify(array), array);
	// The console's Event history CSV, with other spellings, fewer columns and another order.
	const csvA = take(90);
	await put(
		'history-a.csv',
		csv(
			[
				'event id',
				'EVENT TIME',
				'Event name',
				'Event source',
				'Read-only',
				'AWS Region',
				'Source IP address',
				'User name',
			],
			csvA.map(r => [
				r.eventID,
				r.eventTime,
				r.eventName,
				r.eventSource,
				String(r.readOnly ?? ''),
				r.awsRegion,
				r.sourceIPAddress,
				'someone',
			]),
		),
		csvA,
	);
	const csvB = take(70);
	await put(
		'history-b.csv',
		csv(
			['CloudTrail event', 'Event ID', 'Event time'],
			csvB.map(r => [JSON.stringify(r), r.eventID, r.eventTime]),
		),
		csvB,
	);
	return expected;
}

type LedgerRow = Record<string, unknown>;

async function ledger(db: CaseFile): Promise<Map<string, LedgerRow>> {
	const rows = await db.all(
		`SELECT path, format, status, records, events, badRecords, otherService, error FROM files ORDER BY path`,
	);
	return new Map(rows.map(row => [String(row['path']), row]));
}

describe('formats', () => {
	let expected: Map<string, string[]>;
	let mixed: Awaited<ReturnType<typeof loadFolder>>;

	beforeAll(async () => {
		expected = await writeShapes(path.join(dir, 'shapes'));
		mixed = await loadFolder('mixed', [path.join(dir, 'shapes')], {batchFiles: 50});
	});

	it('every shape loads every one of its events, all in one batch', async () => {
		expect(mixed.summary.filesFailed).toEqual([]);
		expect(mixed.summary.filesLoaded).toBe(expected.size);
		const total = [...expected.values()].reduce((sum, ids) => sum + ids.length, 0);
		expect(mixed.summary.eventsAdded).toBe(total);
		expect(mixed.summary.badRecords).toBe(0);
		for (const [file, ids] of expected) {
			const rows = await mixed.db.all(`SELECT eventID FROM events WHERE sourceFile = ? ORDER BY eventID`, [file]);
			expect(
				rows.map(row => row['eventID']),
				file,
			).toEqual([...ids].sort());
		}
	});

	it('the ledger names each file’s shape', async () => {
		const formats = Object.fromEntries(
			[...(await ledger(mixed.db))].map(([file, row]) => [path.basename(file), row['format']]),
		);
		expect(formats).toEqual({
			'array.json': 'array',
			'event-one-line.json': 'event',
			'event.json': 'event',
			'history-a.csv': 'csv',
			'history-b.csv': 'csv',
			'jq-records.json': 'concatenated',
			'log.json.gz': 'records',
			'long-first-line.jsonl': 'jsonl',
			'lookup-events.json': 'lookup-events',
			'lookup-events.jsonl': 'lookup-events',
		});
	});

	it('a CSV without the CloudTrail event column still gives who, what and when', async () => {
		const rows = await mixed.db.all(
			`SELECT count(*) AS n, count(DISTINCT principal) AS principals, min(principal) AS principal FROM events WHERE sourceFile LIKE '%history-a.csv'`,
		);
		expect(rows).toEqual([{n: 90, principals: 1, principal: 'someone'}]);
	});

	it('a file’s result never depends on its batch neighbours', async () => {
		const together = await ledger(mixed.db);
		for (const file of expected.keys()) {
			const alone = await loadFolder(`alone-${path.basename(file)}`, [file]);
			const row = (await ledger(alone.db)).get(file);
			expect(row, file).toEqual(together.get(file));
			alone.db.close();
		}
	});

	it('a file that is none of these gets one clear line and is recorded failed with its real format', async () => {
		const folder = path.join(dir, 'not-logs');
		await mkdir(folder, {recursive: true});
		await writeFile(
			path.join(folder, 'binary.json'),
			Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919) % 256)),
		);
		await writeFile(path.join(folder, 'numbers.json'), '[1, 2, 3]');
		const full = await gzip(JSON.stringify({Records: iot.slice(0, 50).map(b => b.record)}));
		await writeFile(path.join(folder, 'cut.json.gz'), full.subarray(0, full.length >> 1));
		await writeFile(path.join(folder, 'settings.json'), JSON.stringify({theme: 'dark'}, null, 2));
		const {db, summary} = await loadFolder('not-logs', [folder]);
		expect(summary.filesFailed.map(note => [path.basename(note.origin), note.reason]).sort()).toEqual([
			[
				'binary.json',
				'not a CloudTrail log: expected {"Records":[...]}, JSON lines, one event object, lookup-events output, or an Event history export',
			],
			['cut.json.gz', 'truncated gzip: the file ends before its compressed stream does (an interrupted copy?)'],
			['numbers.json', 'every record rejected: 3 not a JSON object'],
			['settings.json', 'not a CloudTrail log: a JSON object with neither a Records array nor event fields'],
		]);
		const formats = Object.fromEntries(
			[...(await ledger(db))].map(([file, row]) => [path.basename(file), [row['format'], row['status']]]),
		);
		expect(formats).toEqual({
			'binary.json': ['text', 'failed'],
			'cut.json.gz': ['gzip', 'failed'],
			'numbers.json': ['array', 'failed'],
			'settings.json': ['json', 'failed'],
		});
		db.close();
	});
});

describe('nothing silently lost', () => {
	it('JSON lines with a broken line in the middle: that line is one bad record, the rest loads', async () => {
		const folder = path.join(dir, 'broken-line');
		await mkdir(folder, {recursive: true});
		const lines = iot.slice(0, 500).map(b => JSON.stringify(b.record));
		lines[250] = lines[250]!.slice(0, 80);
		await writeFile(path.join(folder, 'cut.jsonl'), lines.join('\n') + '\n');
		const {db, summary} = await loadFolder('broken-line', [folder]);
		expect(summary.filesFailed).toEqual([]);
		expect(summary.eventsAdded).toBe(499);
		expect(summary.badRecords).toBe(1);
		db.close();
	});

	it('a windowed load does not mark a file fully loaded: a later load without the window adds the rest', async () => {
		const folder = path.join(dir, 'window');
		const records = iot.slice(0, 3000).map(b => b.record);
		await writeJsonLines(path.join(folder, 'log.jsonl.gz'), records);
		const since = new Date('2024-11-20T00:00:00Z');
		const until = new Date('2024-12-01T00:00:00Z');
		const inWindow = records.filter(r => new Date(r.eventTime) >= since && new Date(r.eventTime) < until).length;
		expect(inWindow).toBeGreaterThan(300);
		expect(inWindow).toBeLessThan(2700);
		const first = await loadFolder('window', [folder], {since, until});
		expect(first.summary.eventsAdded).toBe(inWindow);
		expect(await first.db.all(`SELECT loadedSince, loadedUntil FROM files`)).toEqual([
			{loadedSince: since, loadedUntil: until},
		]);
		// A narrower window is inside what was loaded: unchanged.
		const narrower = await loadFiles(first.db, (await expandLocalSources([folder])).files, {
			since: new Date('2024-11-21T00:00:00Z'),
			until,
		});
		expect(narrower.filesUnchanged).toBe(1);
		const full = await loadFiles(first.db, (await expandLocalSources([folder])).files);
		expect(full.filesUnchanged).toBe(0);
		expect(full.eventsAdded).toBe(3000 - inWindow);
		expect(await count(first.db, `SELECT count(*) FROM events`)).toBe(3000);
		expect(await first.db.all(`SELECT loadedSince, loadedUntil FROM files`)).toEqual([
			{loadedSince: null, loadedUntil: null},
		]);
		const again = await loadFiles(first.db, (await expandLocalSources([folder])).files, {since, until});
		expect(again.filesUnchanged).toBe(1);
		first.db.close();
	});

	it('an eventID loaded again with another eventTime makes no second row, in one batch or across loads', async () => {
		const folder = path.join(dir, 'reused');
		await mkdir(folder, {recursive: true});
		const original = iot.slice(0, 1000).map(b => b.record);
		const moved = original.slice(0, 400).map(r => ({...r, eventTime: '2024-06-01T00:00:00Z'}));
		await writeJsonLines(path.join(folder, 'a.jsonl'), original);
		await writeJsonLines(path.join(folder, 'b.jsonl'), moved);
		const {db, summary} = await loadFolder('reused', [folder]);
		expect(summary.eventsAdded).toBe(1000);
		expect(summary.duplicates).toBe(400);
		await writeJsonLines(
			path.join(dir, 'reused-later/c.jsonl'),
			original.slice(500, 700).map(r => ({...r, eventTime: '2023-01-01T00:00:00Z'})),
		);
		const later = await loadFiles(db, (await expandLocalSources([path.join(dir, 'reused-later')])).files);
		expect(later.eventsAdded).toBe(0);
		expect(later.duplicates).toBe(200);
		expect(await count(db, `SELECT count(*) FROM events`)).toBe(1000);
		expect(await count(db, `SELECT count(DISTINCT eventID) FROM events`)).toBe(1000);
		db.close();
	});

	it('a file whose every record is rejected says why, in the summary and the ledger', async () => {
		const folder = path.join(dir, 'rejected');
		const records = iot.slice(0, 144).map(b => b.record);
		const noTime = records.slice(0, 103).map(({eventTime: _drop, ...rest}) => rest);
		const noID = records.slice(103).map(({eventID: _drop, ...rest}) => rest);
		await writeJsonLines(path.join(folder, 'no-time.jsonl'), noTime);
		await writeJsonLines(path.join(folder, 'no-id.jsonl'), noID);
		await writeJsonLines(path.join(folder, 'some-bad.jsonl'), [
			...noID.slice(0, 2),
			...iot.slice(200, 210).map(b => b.record),
		]);
		const {db, summary} = await loadFolder('rejected', [folder]);
		expect(summary.filesFailed).toEqual([
			{origin: path.join(folder, 'no-id.jsonl'), reason: 'every record rejected: 41 without eventID'},
			{origin: path.join(folder, 'no-time.jsonl'), reason: 'every record rejected: 103 without eventTime'},
		]);
		expect(summary.filesLoaded).toBe(1);
		expect(summary.eventsAdded).toBe(10);
		expect(await db.all(`SELECT path, status, error, rejected FROM files ORDER BY path`)).toEqual([
			{
				path: path.join(folder, 'no-id.jsonl'),
				status: 'failed',
				error: 'every record rejected: 41 without eventID',
				rejected: '41 without eventID',
			},
			{
				path: path.join(folder, 'no-time.jsonl'),
				status: 'failed',
				error: 'every record rejected: 103 without eventTime',
				rejected: '103 without eventTime',
			},
			{path: path.join(folder, 'some-bad.jsonl'), status: 'loaded', error: null, rejected: '2 without eventID'},
		]);
		db.close();
	});
});

describe('exit statuses', () => {
	it('a mistyped command exits 2 and creates no case file', async () => {
		for (const command of ['qeury', 'help']) {
			const db = path.join(dir, `${command}.duckdb`);
			const result = await runCli([command, 'SELECT 1', '--db', db]);
			expect(result.code, command).toBe(2);
			expect(result.stderr).toContain(`clicktrail: unknown command "${command}"`);
			expect(existsSync(db)).toBe(false);
		}
	});

	it('a load in which every input failed exits 1; some failed, the rest loaded, 3', async () => {
		const folder = path.join(dir, 'exit');
		await mkdir(folder, {recursive: true});
		await writeFile(path.join(folder, 'bad.json'), 'hello');
		const allFailed = await runCli(['load', path.join(folder, 'bad.json'), '--db', path.join(dir, 'exit.duckdb')]);
		expect(allFailed.code).toBe(1);
		await writeJsonLines(
			path.join(folder, 'good.jsonl'),
			iot.slice(0, 10).map(b => b.record),
		);
		const some = await runCli(['load', folder, '--db', path.join(dir, 'exit.duckdb')]);
		expect(some.code).toBe(3);
	});
});
