/**
 * The shipped rules on the seeded generator through the built CLI: on a normal archive only the planted incident
 * and the generator's root user are found; with the opt-in hunt scenarios every rule fires on its plant and nothing
 * else is added. Findings are kept in the case file, replaced by the next hunt of the same rule set.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {generateSample, type GroundTruth, type HuntPlant} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

type Json = {
	rules: {id: string; title: string; severity: string; status: string; reason: string | null}[];
	findings: {
		rule: string;
		title: string;
		severity: string;
		principal: string;
		accountId: string;
		start: string;
		end: string;
		count: number;
		eventIDs: string[];
	}[];
};

const RULE = (n: string) => `5b0d7f3e-3c0a-4a43-9a52-2f6b1c1e0d${n}`;
const PLANT_RULE: Record<HuntPlant, string> = {
	massDisassociate: RULE('04'),
	unclaim: RULE('05'),
	enumeration: RULE('07'),
	accessDenied: RULE('09'),
	crossAccountCallback: RULE('0a'),
	invokeUnusualClient: RULE('0f'),
	rootUse: RULE('10'),
	consoleLoginWithoutMfa: RULE('11'),
	assumeRoleNewAddress: RULE('13'),
	assumeRoleNewClient: RULE('14'),
};

async function caseOf(dir: string, name: string, huntScenarios: boolean): Promise<{db: string; truth: GroundTruth}> {
	const truth = await generateSample({outDir: path.join(dir, name), events: 20_000, seed: 7, huntScenarios});
	const db = path.join(dir, `${name}.duckdb`);
	const load = await runCli(['load', path.join(dir, name), '--db', db, '--all-services', '--quiet']);
	expect(load.code).toBe(0);
	return {db, truth};
}

async function rows(db: string, sql: string): Promise<Record<string, unknown>[]> {
	const caseFile = await CaseFile.open(db, {readOnly: true});
	try {
		return await caseFile.all(sql);
	} finally {
		caseFile.close();
	}
}

describe('clicktrail hunt on generated archives', () => {
	let dir: string;
	let normal: {db: string; truth: GroundTruth};
	let planted: {db: string; truth: GroundTruth};
	let normalJson: Json;

	beforeAll(async () => {
		dir = await tempDir();
		normal = await caseOf(dir, 'normal', false);
		planted = await caseOf(dir, 'planted', true);
		const run = await runCli(['hunt', '--db', normal.db, '--format', 'json']);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(5);
		normalJson = JSON.parse(run.stdout) as Json;
	}, 180_000);

	it('normal traffic: the planted incident (mass disable, new principal, new address) and root use, nothing else', async () => {
		const incident = normal.truth.incident!;
		expect(normalJson.rules.every(r => r.status === 'ran' && r.reason === null)).toBe(true);
		expect(Object.keys(normalJson.findings[0]!)).toEqual([
			'rule',
			'title',
			'severity',
			'principal',
			'accountId',
			'start',
			'end',
			'count',
			'eventIDs',
		]);
		const byRule = (id: string) => normalJson.findings.filter(f => f.rule === id);
		for (const id of [RULE('02'), RULE('0c'), RULE('0d')]) {
			expect(byRule(id)).toEqual([
				expect.objectContaining({
					principal: incident.principal,
					count: 12,
					eventIDs: incident.eventIDs,
					start: incident.start.replace('Z', '.000000Z'),
				}),
			]);
		}
		expect(byRule(RULE('02'))[0]!.severity).toBe('high');
		const root = await rows(
			normal.db,
			`SELECT principal, list(eventID ORDER BY eventID) AS ids FROM events WHERE principalType = 'Root' GROUP BY ALL ORDER BY principal`,
		);
		expect(root.length).toBe(3);
		expect(
			byRule(RULE('10'))
				.map(f => ({principal: f.principal, ids: [...f.eventIDs].sort()}))
				.sort((a, b) => (a.principal < b.principal ? -1 : 1)),
		).toEqual(root.map(r => ({principal: r['principal'], ids: r['ids']})));
		expect(normalJson.findings).toHaveLength(6);
		// Severity first, then time.
		const order = ['critical', 'high', 'medium', 'low', 'info'];
		const keys = normalJson.findings.map(f => `${order.indexOf(f.severity)}|${f.start}`);
		expect(keys).toEqual([...keys].sort());
	});

	it('every shipped rule fires on its planted behaviour, and nothing else is added', async () => {
		const run = await runCli(['hunt', '--db', planted.db, '--format', 'json']);
		expect(run.code).toBe(5);
		const json = JSON.parse(run.stdout) as Json;
		for (const [plant, rule] of Object.entries(PLANT_RULE)) {
			const expected = planted.truth.hunt![plant as HuntPlant];
			const finding = json.findings.find(f => f.rule === rule && f.principal === expected.principal);
			expect(finding, plant).toBeDefined();
			expect(finding!.eventIDs, plant).toEqual(expect.arrayContaining(expected.eventIDs));
		}
		const normalKeys = normalJson.findings.map(f => `${f.rule}|${f.principal}`);
		const extra = json.findings.filter(f => !normalKeys.includes(`${f.rule}|${f.principal}`));
		expect(extra.map(f => f.rule).sort()).toEqual(
			Object.values(PLANT_RULE)
				.filter(r => r !== RULE('10'))
				.sort(),
		);
	});

	it('findings are stored with their events; a new hunt of the same rule set replaces them; --since narrows', async () => {
		const count = async () =>
			(await rows(normal.db, `SELECT count(*) AS n, (SELECT count(*) FROM finding_events) AS e FROM findings`))[0]!;
		const events = normalJson.findings.reduce((n, f) => n + f.eventIDs.length, 0);
		expect(await count()).toEqual({n: 6, e: events});
		const joined = await rows(normal.db, `SELECT count(*) AS n FROM finding_events JOIN events USING (eventID)`);
		expect(joined[0]!['n']).toBe(events);
		const again = await runCli(['hunt', '--db', normal.db, '--format', 'ndjson']);
		expect(again.stdout.trimEnd().split('\n')).toHaveLength(6);
		expect(await count()).toEqual({n: 6, e: events});
		const since = await runCli(['hunt', '--db', normal.db, '--since', '2024-12-05', '--format', 'csv']);
		expect(since.code).toBe(0);
		const lines = since.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe('severity,rule,title,principal,accountId,start,end,count,eventIDs');
		expect(lines.slice(1).every(line => line.includes(RULE('10')))).toBe(true);
		expect(await count()).toMatchObject({n: lines.length - 1});
	}, 180_000);

	it('--rules DIR: user rules run beside the shipped ones; an unsupported one is named with its reason', async () => {
		const rules = path.join(dir, 'my-rules');
		await mkdir(rules, {recursive: true});
		await writeFile(
			path.join(rules, 'mine.yml'),
			`title: ListDevices by the incident session\nid: my-list\nlevel: low\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    eventName: ListDevices\n    principal|endswith: /tmp-recovery-7f3c\n  condition: sel\n---\ntitle: windows thing\nid: my-windows\nlogsource: {product: windows}\ndetection:\n  sel: {Image: x}\n  condition: sel\n`,
		);
		const run = await runCli(['hunt', '--db', normal.db, '--rules', rules, '--format', 'json']);
		expect(run.code).toBe(5);
		expect(run.stderr).toBe(
			'clicktrail: rule my-windows (windows thing) not run: logsource {"product":"windows"} is not product aws, service cloudtrail\n',
		);
		const json = JSON.parse(run.stdout) as Json;
		expect(json.rules.find(r => r.id === 'my-windows')).toMatchObject({status: 'unsupported', severity: 'medium'});
		expect(json.findings.filter(f => f.rule === 'my-list')).toEqual([
			expect.objectContaining({count: 1, eventIDs: [normal.truth.incident!.precedingEvent.eventID], severity: 'low'}),
		]);
		const stored = await rows(normal.db, `SELECT ruleSet, count(*) AS n FROM findings GROUP BY ALL ORDER BY ruleSet`);
		expect(stored.map(r => r['n'])).toEqual([stored[0]!['n'], json.findings.length]);
		const missing = await runCli(['hunt', '--db', normal.db, '--rules', path.join(dir, 'nope')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/--rules .*nope: no such folder/);
	}, 120_000);
});
