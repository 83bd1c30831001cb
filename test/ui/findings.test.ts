/**
 * The findings list on a real case file: a generated archive with the hunt scenarios planted, loaded and hunted by the
 * built CLI; the list read as the screen reads it, and Enter's `finding N` chip selecting exactly the finding's events.
 */
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {countQuery} from '../../source/query/paging.js';
import {filterFromJson, filterToJson} from '../../source/query/filter-json.js';
import {chipLabel} from '../../source/query/filters.js';
import {generateSample} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {read} from '../../source/store/read.js';
import type {FindingRow} from '../../source/ui/model/findings.js';
import {loadFindings} from '../../source/ui/reads/findings.js';
import {loadRecord} from '../../source/ui/reads/record.js';
import type {UiAction} from '../../source/ui/state/actions.js';
import {initialState} from '../../source/ui/state/state.js';
import {update} from '../../source/ui/state/update.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

let caseFile: CaseFile;
let findings: FindingRow[];

beforeAll(async () => {
	const dir = await tempDir();
	await generateSample({outDir: path.join(dir, 'archive'), events: 5000, seed: 7, huntScenarios: true});
	const db = path.join(dir, 'case.duckdb');
	expect((await runCli(['load', path.join(dir, 'archive'), '--db', db, '--all-services', '--quiet'])).code).toBe(0);
	const hunt = await runCli(['hunt', '--db', db, '--format', 'json']);
	expect(hunt.stderr).toBe('');
	expect([0, 5]).toContain(hunt.code);
	caseFile = await CaseFile.open(db, {readOnly: true});
	findings = await loadFindings(query => read(caseFile, query));
}, 120_000);

afterAll(() => caseFile?.close());

const RANK = ['critical', 'high', 'medium', 'low', 'informational'];

describe('findings on the screen', () => {
	it('lists every stored finding, most severe first, with the fields its rule reads', async () => {
		const [{n}] = (await read(caseFile, {sql: 'SELECT count(*) AS n FROM findings', params: []})) as [{n: unknown}];
		expect(findings.length).toBe(Number(n));
		expect(findings.length).toBeGreaterThan(0);
		const ranks = findings.map(f => RANK.indexOf(f.severity));
		expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
		expect(findings.every(f => f.fields.length > 0 && f.count > 0)).toBe(true);
	});

	it("Enter filters the events to exactly the finding's events (a bound finding chip)", async () => {
		let state = update(initialState(), {type: 'key', scope: 'browse', action: 'open-findings'} as UiAction).state;
		state = {...state, data: {...state.data, findings: {key: 'findings', data: findings}}};
		for (const [index, finding] of findings.entries()) {
			const chosen = {...state, findings: {cursor: index}};
			const opened = update(chosen, {type: 'key', scope: 'findings', action: 'open'}).state;
			expect(opened.mode).toBe('browse');
			expect(opened.filter.chips).toEqual([{kind: 'finding', findingId: finding.findingId, title: finding.title}]);
			expect(chipLabel(opened.filter.chips[0]!)).toBe(`finding ${finding.findingId} ${finding.title}`);
			const query = countQuery(opened.filter);
			expect(query.params).toContain(finding.findingId);
			const [{count: matching}] = (await read(caseFile, query)) as [{count: unknown}];
			const [{n: expected}] = (await read(caseFile, {
				sql: 'SELECT count(DISTINCT eventID) AS n FROM finding_events WHERE findingId = ? AND eventID IN (SELECT eventID FROM events)',
				params: [finding.findingId],
			})) as [{n: unknown}];
			expect(Number(matching)).toBe(Number(expected));
			expect(Number(matching)).toBeGreaterThan(0);
		}
		// A saved view keeps the chip.
		const filter = {chips: [{kind: 'finding' as const, findingId: 3, title: 't'}]};
		expect(filterFromJson(filterToJson(filter))).toEqual(filter);
	});

	it('the record view says which rules matched the event and on which fields', async () => {
		const query = (q: {sql: string; params: unknown[]}) => read(caseFile, q as Parameters<typeof read>[1]);
		const finding = findings[0]!;
		const [{eventID}] = (await read(caseFile, {
			sql: 'SELECT eventID FROM finding_events WHERE findingId = ? AND eventID IN (SELECT eventID FROM events) ORDER BY eventID LIMIT 1',
			params: [finding.findingId],
		})) as [{eventID: string}];
		const data = (await loadRecord(query, eventID))!;
		expect(data.record.findings?.map(f => f.findingId)).toContain(finding.findingId);
		const text = data.lines.map(line => line.tokens.map(t => t.text).join('')).join('\n');
		expect(text).toContain(`"rule": "${finding.ruleId}"`);
		expect(text).toContain(`"finding": ${finding.findingId}`);
		for (const field of finding.fields) expect(text).toContain(`"${field}"`);
		// An event no rule matched says nothing about findings.
		const [{eventID: clean}] = (await read(caseFile, {
			sql: 'SELECT eventID FROM events WHERE eventID NOT IN (SELECT eventID FROM finding_events) ORDER BY eventID LIMIT 1',
			params: [],
		})) as [{eventID: string}];
		const plain = (await loadRecord(query, clean))!;
		expect(plain.record.findings).toBeUndefined();
		expect(plain.lines.some(line => line.tokens.some(t => t.text.includes('findings')))).toBe(false);
	});
});
