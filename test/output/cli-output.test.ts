/**
 * What `clicktrail query` and `clicktrail views` print and export, through the built CLI, on a generated case
 * plus records of hostile text (hostile-records.ts): tables at the speed of csv, fitted to the terminal; one
 * format for the same rows whichever path writes them (query, views run, views export, the screen's exports);
 * outputs that cannot hurt the next tool.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import {beforeAll, describe, expect, it} from 'vitest';
import type {FilterState} from '../../source/query/filters.js';
import {filterViewQuery} from '../../source/query/view-query.js';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {saveView} from '../../source/store/views.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';
import {makeCase} from '../ui/case-file.js';
import {ESCAPE_TEXT, INVISIBLE_TEXT, writeHostileRecords, type HostileRecords} from './hostile-records.js';
import {separators} from '../helpers/separators.js';

let db: string;
let dir: string;
let hostile: HostileRecords;

/** Raw characters no output may carry: C0 controls but \n, DEL, C1, bidi and invisible format characters, tags. */
const RAW_UNSAFE =
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]/u;

/** The rows every path writes: the hostile records and a few ordinary ones, every column of events and computed ones. */
const ROWS_SQL = `SELECT *, 1.5::DOUBLE AS d, 2.0::DOUBLE AS d2, 7 AS n, NULL AS nothing, '' AS empty, [1, 2] AS l,
  {'a': 'x' || chr(133)} AS st, 'nan'::DOUBLE AS nan, 1.25::DECIMAL(5, 2) AS dec, INTERVAL 3 DAY AS iv, '\\x01'::BLOB AS bl,
  TIME '10:00:01.5' AS tm, '=1+2' AS "=header", '2024-01-02'::DATE AS dt
FROM events WHERE eventID LIKE 'ffff%' OR eventID IN (SELECT eventID FROM events ORDER BY eventID LIMIT 20) ORDER BY eventID`;

const FILTER: FilterState = {chips: [{kind: 'field', field: 'eventName', value: 'UpdateDeviceState', exclude: false}]};

/** A command that must succeed; its stdout. */
async function ok(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{stdout: string; stderr: string}> {
	const result = await runCli(args, env);
	expect(result.code, result.stderr).toBe(0);
	return result;
}

/** Exports through the screen's reader, as its X (filters) and Ctrl-O (console) keys do. */
async function screenExport(
	query: {sql: string; params: never[]} | ReturnType<typeof filterViewQuery>,
	out: string,
	userSql: boolean,
): Promise<string> {
	const caseFile = await CaseFile.open(db, {readOnly: true});
	const reader = new Reader(caseFile);
	try {
		const format = out.endsWith('.csv') ? 'csv' : out.endsWith('.jsonl') ? 'jsonl' : 'json';
		await reader.run('export', (_query, tools) => tools.export(query, {path: out, format, userSql}));
	} finally {
		await reader.close();
		caseFile.close();
	}
	return readFileSync(out, 'utf8');
}

beforeAll(async () => {
	({db} = await makeCase({events: 3000, seed: 11}));
	dir = await tempDir();
	hostile = await writeHostileRecords(dir);
	await ok(['load', hostile.file, '--db', db, '--quiet']);
	await ok(['query', '--db', db, '--save', 'rows', ROWS_SQL]);
	const caseFile = await CaseFile.open(db);
	try {
		await saveView(caseFile, {name: 'updates', filter: FILTER});
	} finally {
		caseFile.close();
	}
}, 180_000);

describe('tables', {timeout: 120_000}, () => {
	it('prints 1,000 rows of every column fast and in a small heap (Ink rendered 1 row in 7 s and 950 MB)', async () => {
		const started = performance.now();
		// A 128 MB heap: the old renderer ran out of memory on 30 rows.
		const result = await ok(['query', '--db', db, 'SELECT * FROM events ORDER BY eventID LIMIT 1000'], {
			COLUMNS: '160',
			NODE_OPTIONS: '--max-old-space-size=128',
		});
		const elapsed = performance.now() - started;
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(1002);
		expect(result.stderr).toBe('1,000 rows\n');
		// Start-up included; about 1.5 s measured on a busy 2-core machine.
		expect(elapsed).toBeLessThan(10_000);
	});

	it('fits the terminal width: wide columns cut with …, times and IDs whole, one line per row', async () => {
		const {stdout} = await ok(
			[
				'query',
				'--db',
				db,
				'SELECT eventTime, eventID, eventName, userAgent, raw FROM events ORDER BY eventID LIMIT 50',
			],
			{COLUMNS: '120'},
		);
		const lines = stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(52);
		expect(lines[0]).toMatch(/^eventTime +│eventID +│eventName +│userAgent +│raw$/);
		for (const line of lines) {
			expect(stringWidth(line)).toBeLessThanOrEqual(120);
			expect(separators(line)).toEqual(separators(lines[0]!));
		}
		expect(lines[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z│[0-9a-f-]{36}│\w+ *│.+│\{"eventVers.*…$/);
	});

	it('--wide shows every value whole; a table piped with no $COLUMNS is not cut either', async () => {
		const sql = 'SELECT eventID, raw FROM events ORDER BY eventID LIMIT 5';
		const csv = (await ok(['query', '--db', db, '--format', 'ndjson', sql])).stdout.trim().split('\n');
		const raw = csv.map(line => JSON.stringify((JSON.parse(line) as {raw: unknown}).raw));
		for (const env of [{COLUMNS: '80'}, {COLUMNS: ''}]) {
			const args = ['query', '--db', db, sql, ...(env.COLUMNS === '80' ? ['--wide'] : [])];
			const lines = (await ok(args, env)).stdout.trimEnd().split('\n');
			raw.forEach((text, i) => expect(lines[i + 2]).toContain(text));
		}
	});

	it('--max-rows N stops at N rows and says there are more', async () => {
		const table = await ok(['query', '--db', db, '--max-rows', '10', 'SELECT eventID FROM events ORDER BY eventID'], {
			COLUMNS: '80',
		});
		expect(table.stdout.trimEnd().split('\n')).toHaveLength(12);
		expect(table.stderr).toMatch(/^the first 10 rows \(more not shown/);
		const csv = await ok(['views', 'run', 'rows', '--db', db, '--format', 'csv', '--max-rows', '3']);
		expect(csv.stdout.trimEnd().split('\n')).toHaveLength(4);
		const exact = await ok(
			['query', '--db', db, '--max-rows', '3', 'SELECT 1 AS a UNION ALL SELECT 2 UNION ALL SELECT 3'],
			{COLUMNS: '80'},
		);
		expect(exact.stderr).toBe('3 rows\n');
		const bad = await runCli(['query', '--db', db, '--max-rows', '0', 'SELECT 1']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--max-rows must be a positive number/);
	});

	it('hostile values are shown inert and cannot shift a column; views list and views run use the same table', async () => {
		const sql = `SELECT eventID, userAgent, errorCode, errorMessage, principal, eventName FROM events WHERE eventID LIKE 'ffff%' OR eventID IN (SELECT eventID FROM events ORDER BY eventID LIMIT 5) ORDER BY eventID`;
		for (const width of ['200', '70']) {
			const lines = (await ok(['query', '--db', db, sql], {COLUMNS: width})).stdout.trimEnd().split('\n');
			expect(lines).toHaveLength(2 + 7);
			for (const line of lines) {
				expect(line).not.toMatch(RAW_UNSAFE);
				expect(separators(line)).toEqual(separators(lines[0]!));
				expect(stringWidth(line)).toBeLessThanOrEqual(Number(width));
			}
		}
		const wide = (await ok(['query', '--db', db, sql], {COLUMNS: '400'})).stdout;
		expect(wide).toContain('a\\x85b\\x9bc\\u202ed\\u2066e\\u200bf');
		expect(wide).toContain('+\\e[2J\\e]52;c;eA==\\x07\\r\\n\\t');
		const list = (await ok(['views', 'list', '--db', db], {COLUMNS: '100'})).stdout.split('\n');
		expect(list[0]).toMatch(/^name +│kind +│description *│updated$/);
		expect(list.find(line => line.startsWith('rows '))).toMatch(/│sql +│ +│\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
		const run = (await ok(['views', 'run', 'rows', '--db', db], {COLUMNS: '100'})).stdout.trimEnd().split('\n');
		expect(run).toHaveLength(2 + 22);
	});
});

describe('one format for the same rows', {timeout: 120_000}, () => {
	it('query, views run, views export and the screen export write the same text (csv, json, jsonl)', async () => {
		for (const [format, ext] of [
			['csv', 'csv'],
			['json', 'json'],
			['ndjson', 'jsonl'],
		] as const) {
			const printed = (await ok(['query', '--db', db, '--format', format, ROWS_SQL])).stdout;
			expect((await ok(['views', 'run', 'rows', '--db', db, '--format', format])).stdout, format).toBe(printed);
			const out = path.join(dir, `rows.${ext}`);
			await ok(['views', 'export', 'rows', '--db', db, '--out', out]);
			expect(readFileSync(out, 'utf8'), format).toBe(printed);
			expect(await screenExport({sql: ROWS_SQL, params: []}, path.join(dir, `console.${ext}`), true), format).toBe(
				printed,
			);
			// A filter view: bound parameters, streamed by views run, written by COPY for the exports.
			const filtered = (await ok(['views', 'run', 'updates', '--db', db, '--format', format])).stdout;
			expect(filtered.split('\n').length).toBeGreaterThan(10);
			const filterOut = path.join(dir, `updates.${ext}`);
			await ok(['views', 'export', 'updates', '--db', db, '--out', filterOut]);
			expect(readFileSync(filterOut, 'utf8'), format).toBe(filtered);
			expect(await screenExport(filterViewQuery(FILTER), path.join(dir, `screen.${ext}`), false), format).toBe(
				filtered,
			);
		}
	});

	it('times are ISO 8601 in UTC with microseconds; JSON columns are JSON objects; numbers stay numbers', async () => {
		const lines = (await ok(['query', '--db', db, '--format', 'ndjson', ROWS_SQL])).stdout.trim().split('\n');
		const rows = lines.map(line => JSON.parse(line) as Record<string, unknown>);
		const first = rows.find(row => row['eventID'] === hostile.ids[0])!;
		expect(first['eventTime']).toBe(hostile.time);
		expect(rows.find(row => row['eventID'] === hostile.ids[1])!['eventTime']).toBe('2024-12-03T10:15:31.000001Z');
		for (const row of rows) {
			expect(row['eventTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
			expect(typeof row['raw']).toBe('object');
			expect(typeof row['userIdentity']).toBe('object');
			expect(row).toMatchObject({
				d: 1.5,
				d2: 2,
				n: 7,
				nothing: null,
				empty: '',
				l: [1, 2],
				st: {a: 'x\u0085'},
				nan: null,
				dec: 1.25,
				iv: '3 days',
				bl: '01',
				tm: '10:00:01.5',
				'=header': '=1+2',
				dt: '2024-01-02',
			});
		}
		expect((first['requestParameters'] as Record<string, unknown>)['deviceId']).toBe('=HYPERLINK("http://x","y")');
		const table = (
			await ok(['query', '--db', db, `SELECT eventTime FROM events WHERE eventID = '${hostile.ids[0]}'`], {
				COLUMNS: '80',
			})
		).stdout;
		expect(table).toContain(hostile.time);
	});

	it('JSON outputs escape C1, bidi, invisible format and tag characters as \\uXXXX; the values read back whole', async () => {
		const ndjson = (await ok(['query', '--db', db, '--format', 'ndjson', ROWS_SQL])).stdout;
		const exported = path.join(dir, 'rows-escaped.json');
		await ok(['views', 'export', 'rows', '--db', db, '--out', exported]);
		for (const text of [ndjson, readFileSync(exported, 'utf8')]) {
			expect(text).not.toMatch(RAW_UNSAFE);
			expect(text).toContain(
				'a\\u0085b\\u009bc\\u202ed\\u2066e\\u200bf\\u200dg\\u2028h\\u2029i\\u2060j\\ufeffk\\udb40\\udc41\\udb40\\udc7fl\\u061cm\\u00adn\\u007fo',
			);
		}
		const first = ndjson
			.trim()
			.split('\n')
			.map(
				line =>
					JSON.parse(line) as {
						eventID: string;
						userAgent: string;
						errorMessage: string;
						raw: {requestParameters: {note: string}};
					},
			)
			.find(row => row.eventID === hostile.ids[0])!;
		expect(first.userAgent).toBe(INVISIBLE_TEXT);
		expect(first.errorMessage).toBe(`+${ESCAPE_TEXT}`);
		expect(first.raw.requestParameters.note).toBe(INVISIBLE_TEXT);
	});

	it('CSV neutralises formulas on every path, header cells included; control characters are shown, not written', async () => {
		const printed = (await ok(['views', 'run', 'rows', '--db', db, '--format', 'csv'])).stdout;
		const [header, ...rows] = printed.trimEnd().split('\n');
		expect(header!.endsWith(",'=header,dt")).toBe(true);
		const hostileRow = rows.find(row => row.startsWith(hostile.ids[0]!))!;
		expect(hostileRow).toContain(`,'+\\e[2J\\e]52;c;eA==\\x07\\r\\n\\t,`);
		expect(hostileRow).toContain(`,'=1+2,`);
		expect(rows.find(row => row.startsWith(hostile.ids[1]!))).toContain(`,"a,""quoted""\\nline",`);
		expect(printed).not.toMatch(RAW_UNSAFE);
		// Numbers are not text: a negative number keeps its sign.
		const numbers = (await ok(['query', '--db', db, '--format', 'csv', "SELECT -5 AS n, -1.5::DOUBLE AS d, '-5' AS s"]))
			.stdout;
		expect(numbers).toBe("n,d,s\n-5,-1.5,'-5\n");
	});
});
