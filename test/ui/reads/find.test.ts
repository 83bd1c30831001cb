/**
 * Find and the page's place on a real case file generated with 1,000 events: n walks every match in the table's order, with its
 * position, and wraps around; N walks back; the pretty-printed form of a piece of JSON finds the stored one; pages
 * read after an anchor, and the last page (G), know where they are.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadFiles} from '../../../source/loader/load-files.js';
import {expandLocalSources} from '../../../source/sources/local.js';
import {tempDir} from '../../helpers/temp.js';
import type {FilterState} from '../../../source/query/filters.js';
import {CaseFile} from '../../../source/store/database.js';
import {Reader} from '../../../source/store/reader.js';
import {rowNumber, placeAfter} from '../../../source/ui/model/position.js';
import {loadFind} from '../../../source/ui/reads/find.js';
import {loadPage} from '../../../source/ui/reads/page.js';
import type {FindRequest} from '../../../source/ui/state/state.js';
import {makeCase} from '../case-file.js';

let caseFile: CaseFile;
let reader: Reader;
const none: FilterState = {chips: []};

beforeAll(async () => {
	const made = await makeCase({events: 1000});
	caseFile = await CaseFile.open(made.db, {readOnly: true});
	reader = new Reader(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

const ids = async (sql: string, params: unknown[] = []) =>
	(await caseFile.all(sql, params as never)).map(r => String(r['eventID']));

const find = (text: string, request: FindRequest, order: 'desc' | 'asc' = 'desc', sort?: 'principal') =>
	reader.run('find', query => loadFind(query, none, order, sort, text, request));

describe('find', () => {
	it('n visits every event holding the text once, in order, with its position, then wraps to the first', async () => {
		const all = await ids('SELECT eventID FROM events ORDER BY eventTime DESC, eventID DESC');
		const holding = await ids(
			`SELECT eventID FROM events WHERE contains(lower(CAST(raw AS VARCHAR)), 'updatedevicestate') ORDER BY eventTime DESC, eventID DESC`,
		);
		// The generator's other services are not loaded: about 600 IoT 1-Click events of the 1,000.
		expect(all.length).toBeGreaterThan(500);
		expect(holding.length).toBeGreaterThan(5);
		expect(holding.length).toBeLessThan(500);
		let answer = await find('UpdateDeviceState', {direction: 'next', inclusive: true});
		const seen: string[] = [];
		while (!answer.wrapped) {
			const found = answer.found!;
			expect(found.place).toEqual({top: all.indexOf(found.row.eventID)});
			seen.push(found.row.eventID);
			answer = await find('UpdateDeviceState', {from: found.row, direction: 'next', inclusive: false});
		}
		expect(seen).toEqual(holding);
		expect(answer.found?.row.eventID).toBe(holding[0]);
		// N from the first wraps to the last.
		const back = await find('updatedevicestate', {from: answer.found!.row, direction: 'previous', inclusive: false});
		expect(back).toMatchObject({wrapped: true, found: {row: {eventID: holding.at(-1)}}});
		expect(back.found!.place).toEqual({top: all.indexOf(holding.at(-1)!)});
	});

	it('a piece of JSON as the record view shows it finds the minified record; nothing found says so', async () => {
		const [stored] = await ids(
			`SELECT eventID FROM events WHERE contains(CAST(raw AS VARCHAR), '"eventName":"UpdateDeviceState"') ORDER BY eventTime DESC, eventID DESC LIMIT 1`,
		);
		const pretty = await find('"eventName": "UpdateDeviceState"', {direction: 'next', inclusive: true});
		expect(pretty.found?.row.eventID).toBe(stored);
		expect(await find('no such text anywhere 7f3c9', {direction: 'next', inclusive: true})).toEqual({wrapped: false});
		// Regular expression characters are text: no error, and nothing holds them.
		expect(await find('[(*+?|\\', {direction: 'next', inclusive: true})).toEqual({wrapped: false});
	});

	it('follows a sort column', async () => {
		const order = await ids(
			`SELECT eventID FROM events WHERE contains(lower(CAST(raw AS VARCHAR)), 'listdevices') ORDER BY coalesce(principal, '') ASC, eventTime ASC, eventID ASC`,
		);
		const first = await find('ListDevices', {direction: 'next', inclusive: true}, 'asc', 'principal');
		const second = await find(
			'ListDevices',
			{from: first.found!.row, direction: 'next', inclusive: false},
			'asc',
			'principal',
		);
		expect([first.found?.row.eventID, second.found?.row.eventID]).toEqual(order.slice(0, 2));
	});
});

describe('find in records stored with spaces', () => {
	it('finds "enabled": false and "enabled":false in a CloudTrail file, JSON lines and a pretty-printed object', async () => {
		const dir = await tempDir('clicktrail-find-spaced-');
		const input = path.join(dir, 'in');
		await mkdir(input);
		const event = (id: string, second: number) => ({
			eventVersion: '1.08',
			eventID: id,
			eventTime: `2024-12-03T10:00:0${second}Z`,
			eventSource: 'iot1click.amazonaws.com',
			eventName: 'UpdateDeviceState',
			requestParameters: {deviceId: 'G030', enabled: false},
		});
		await writeFile(path.join(input, 'trail.json'), JSON.stringify({Records: [event('minified', 2)]}));
		// Python's json.dumps: a space after every colon and comma.
		const spaced = JSON.stringify(event('lines', 1)).replaceAll('":', '": ').replaceAll(',"', ', "');
		await writeFile(path.join(input, 'events.jsonl'), `${spaced}\n`);
		await writeFile(path.join(input, 'event.json'), JSON.stringify(event('pretty', 0), null, 2));
		const db = path.join(dir, 'case.duckdb');
		const made = await CaseFile.open(db);
		try {
			await loadFiles(made, (await expandLocalSources([input])).files);
		} finally {
			made.close();
		}
		const spacedCase = await CaseFile.open(db, {readOnly: true});
		const lanes = new Reader(spacedCase);
		try {
			const stored = await spacedCase.all('SELECT eventID, CAST(raw AS VARCHAR) AS raw FROM events ORDER BY eventID');
			expect(stored.map(r => String(r['raw']).includes('"enabled": false'))).toEqual([true, false, true]);
			for (const text of ['"enabled": false', '"enabled":false', '{"deviceId":"G030", "enabled":false}']) {
				const seen: string[] = [];
				let request: FindRequest = {direction: 'next', inclusive: true};
				for (;;) {
					const answer = await lanes.run('find', query => loadFind(query, none, 'desc', undefined, text, request));
					if (answer.wrapped || !answer.found) break;
					seen.push(answer.found.row.eventID);
					request = {from: answer.found.row, direction: 'next', inclusive: false};
				}
				expect(seen, text).toEqual(['minified', 'lines', 'pretty']);
			}
		} finally {
			await lanes.close();
			spacedCase.close();
		}
	});
});

describe('the page knows its place', () => {
	it('forward pages count on from the top; the last page counts from the end; a found row starts its page', async () => {
		const all = await ids('SELECT eventID FROM events ORDER BY eventTime DESC, eventID DESC');
		const first = await reader.run('page', q => loadPage(q, none, 'desc', {seq: 0, direction: 'forward'}, 30));
		expect(first.first).toEqual({top: 0});
		const last = first.rows.at(-1)!;
		const second = await reader.run('page', q =>
			loadPage(q, none, 'desc', {seq: 1, direction: 'forward', anchor: last, at: placeAfter(first.first!, 29)}, 30),
		);
		expect(second.first).toEqual({top: 30});
		expect(second.data[0]!.eventID).toBe(all[30]);
		const end = await reader.run('page', q => loadPage(q, none, 'desc', {seq: 2, direction: 'backward'}, 30));
		expect(end.first).toEqual({end: 29});
		const total = all.length;
		expect(rowNumber(placeAfter(end.first!, 29), total)).toBe(total);
		expect(end.data.at(-1)!.eventID).toBe(all.at(-1));
		// Up from the last page's first row: the page before it, still counted from the end.
		const before = await reader.run('page', q =>
			loadPage(q, none, 'desc', {seq: 3, direction: 'backward', anchor: end.rows[0]!, at: end.first!}, 30),
		);
		expect(rowNumber(before.first!, total)).toBe(all.indexOf(before.data[0]!.eventID) + 1);
		const found = {eventTime: second.rows[5]!.eventTime, eventID: second.rows[5]!.eventID};
		const at = await reader.run('page', q =>
			loadPage(
				q,
				none,
				'desc',
				{seq: 4, direction: 'forward', anchor: found, inclusive: true, at: {top: 35}},
				30,
				undefined,
				'a',
			),
		);
		expect(at.data[0]!.eventID).toBe(found.eventID);
		expect(at.first).toEqual({top: 35});
		expect(at.matches).toContain(found.eventID);
	});
});
