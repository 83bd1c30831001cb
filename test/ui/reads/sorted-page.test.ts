/**
 * The events table sorted by a column, on a real case file of 1,000 events: keyset pages forward walk every event
 * once, in the order a plain ORDER BY gives, and a page back returns the page before.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../../source/store/database.js';
import {Reader} from '../../../source/store/reader.js';
import {loadPage} from '../../../source/ui/reads/page.js';
import {makeCase} from '../case-file.js';

let caseFile: CaseFile;
let reader: Reader;

beforeAll(async () => {
	const made = await makeCase({events: 1000});
	caseFile = await CaseFile.open(made.db, {readOnly: true});
	reader = new Reader(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

describe('pages sorted by a column', () => {
	it.each(['deviceId', 'errorCode'] as const)('walk every event once, in %s order', async column => {
		const expected = (
			await reader.run('page', query =>
				query({
					sql: `SELECT eventID FROM events ORDER BY coalesce(${column}, '') DESC, eventTime DESC, eventID DESC`,
					params: [],
				}),
			)
		).map(r => String(r['eventID']));
		expect(expected.length).toBeGreaterThan(500);
		const seen: string[] = [];
		let request = {seq: 0, direction: 'forward' as const, anchor: undefined as never};
		let pages = 0;
		for (;;) {
			const page = await reader.run('page', query => loadPage(query, {chips: []}, 'desc', request, 97, column));
			seen.push(...page.data.map(r => r.eventID));
			pages++;
			if (!page.moreAfter) break;
			if (pages === 2) {
				// One page back from the second page's first row is the first page.
				const back = await reader.run('page', query =>
					loadPage(query, {chips: []}, 'desc', {seq: 9, direction: 'backward', anchor: page.rows[0]!}, 97, column),
				);
				expect(back.data.map(r => r.eventID)).toEqual(expected.slice(0, 97));
			}
			request = {seq: pages, direction: 'forward', anchor: page.rows.at(-1)! as never};
		}
		expect(seen).toEqual(expected);
	});
});
