/**
 * `athena plan`: the generated DDL and UNLOAD against golden files, the SELECT parsed as Trino SQL, a partition
 * predicate for every account, region and day asked for, and values that could break out of a literal refused.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import nodeSqlParser from 'node-sql-parser';
import {describe, expect, it} from 'vitest';
import {buildPlan, days, type AthenaPlanInput} from '../../source/athena/plan.js';
import {IDENTITY_EVENT_PAIRS} from '../../source/events/identity.js';
import {runCli} from '../helpers/cli.js';

const golden = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const parser = new nodeSqlParser.Parser();

/** Compare with the golden file (CLICKTRAIL_UPDATE_GOLDEN=1 rewrites it). */
async function matchesGolden(name: string, text: string): Promise<void> {
	const file = path.join(golden, name);
	if (process.env['CLICKTRAIL_UPDATE_GOLDEN'] === '1') await writeFile(file, text);
	expect(text).toBe(await readFile(file, 'utf8'));
}

const org: AthenaPlanInput = {
	bucket: 'org-trail',
	prefix: 'central/logs',
	orgId: 'o-a1b2c3d4e5',
	accounts: ['111122223333', '444455556666', '777788889999'],
	regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
	since: new Date('2024-12-01T00:00:00Z'),
	until: new Date('2024-12-08T12:30:00Z'),
	output: 's3://athena-results/case-42/',
	database: 'clicktrail',
};

const single: AthenaPlanInput = {
	bucket: 'acme-trail',
	prefix: '',
	accounts: ['111122223333'],
	regions: ['us-east-1'],
	since: new Date('2024-12-03T10:00:00Z'),
	until: new Date('2024-12-03T11:00:00Z'),
	output: 's3://acme-athena/out/',
	database: 'cases',
};

/** The IN list after `column IN (` in the SELECT, as values. */
function inList(select: string, column: string): string[] {
	const match = new RegExp(`${column} IN \\(([^)]*)\\)`).exec(select);
	expect(match, `${column} IN (...)`).not.toBeNull();
	return match![1]!.split(', ').map(value => value.slice(1, -1));
}

describe('athena plan', () => {
	it.each([
		['organization trail', org, 'plan-org.sql'],
		['single-account trail', single, 'plan-single.sql'],
	])('%s: the statements match the golden file', async (_, input, file) => {
		const plan = buildPlan(input);
		await matchesGolden(file, `${[...plan.ddl, plan.unload].join(';\n\n')};\n`);
	});

	it.each([org, single])('the SELECT inside the UNLOAD parses as Trino SQL', input => {
		const plan = buildPlan(input);
		const ast = parser.astify(plan.select, {database: 'trino'});
		const statement = Array.isArray(ast) ? ast[0] : ast;
		expect(statement?.type).toBe('select');
		expect(plan.unload).toBe(
			`UNLOAD (\n${plan.select}\n)\nTO '${input.output}records/'\nWITH (format = 'TEXTFILE', compression = 'GZIP')`,
		);
	});

	it('names every account, region and delivery day asked for in the partition predicate', () => {
		const plan = buildPlan(org);
		expect(inList(plan.select, 'account')).toEqual(org.accounts);
		expect(inList(plan.select, 'region')).toEqual(org.regions);
		// 2024-12-01 to 2024-12-08 12:30, with a delivery day of margin on each side.
		const expected = Array.from({length: 10}, (_, i) =>
			new Date(Date.UTC(2024, 10, 30 + i)).toISOString().slice(0, 10).replaceAll('-', '/'),
		);
		expect(inList(plan.select, '"timestamp"')).toEqual(expected);
		expect(plan.days).toEqual(expected);
		// The projection covers every day of the predicate.
		for (const ddl of plan.ddl.filter(sql => sql.startsWith('CREATE EXTERNAL'))) {
			expect(ddl).toContain(`'projection.account.values'='${org.accounts.join(',')}'`);
			expect(ddl).toContain(`'projection.region.values'='${org.regions.join(',')}'`);
			expect(ddl).toContain(`'projection.timestamp.range'='2024/11/30,NOW'`);
			expect(ddl).toContain(
				"'storage.location.template'='s3://org-trail/central/logs/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}'",
			);
		}
	});

	it('a year of days is listed day by day', () => {
		const list = days(new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
		expect(list).toHaveLength(366 + 2);
		expect(new Set(list).size).toBe(list.length);
		expect(list[0]).toBe('2023/12/31');
		expect(list.at(-1)).toBe('2025/01/01');
	});

	it('selects IoT 1-Click events and every identity event of the shared list', () => {
		const {select} = buildPlan(single);
		expect(select).toContain("json_extract_scalar(record, '$.eventSource') = 'iot1click.amazonaws.com'");
		for (const {eventSource, eventName} of IDENTITY_EVENT_PAIRS) {
			expect(select).toMatch(new RegExp(`= '${eventSource.replaceAll('.', '\\.')}' AND [^\\n]*'${eventName}'`));
		}
		expect(select).toContain("json_extract_scalar(record, '$.responseElements.credentials.accessKeyId') IS NOT NULL");
	});

	it.each([
		['account', {accounts: ["111122223333') OR (1=1"]}, /--account/],
		['region', {regions: ["us-east-1'"]}, /--region/],
		['bucket', {bucket: "trail'; DROP"}, /--bucket/],
		['prefix', {prefix: "logs'/x"}, /--prefix/],
		['org id', {orgId: 'o-x${account}'}, /--org-id/],
		['output', {output: "s3://out/x'y/"}, /--output/],
		['database', {database: 'a"b'}, /--database/],
		['no accounts', {accounts: []}, /--account/],
	])('refuses a bad %s', (_, change, message) => {
		expect(() => buildPlan({...single, ...change})).toThrow(message);
	});

	it('the built CLI prints the plan, and refuses bad input with exit status 2', async () => {
		const ok = await runCli([
			'athena',
			'plan',
			'--bucket',
			'acme-trail',
			'--account',
			'111122223333',
			'--region',
			'us-east-1',
			'--since',
			'2024-12-03T10:00Z',
			'--until',
			'2024-12-03T11:00Z',
			'--output',
			's3://acme-athena/out',
			'--database',
			'cases',
		]);
		expect(ok.code).toBe(0);
		const plan = buildPlan(single);
		expect(ok.stdout).toContain(`${plan.unload};\n`);
		for (const ddl of plan.ddl) expect(ok.stdout).toContain(`${ddl};\n`);
		const bad = await runCli([
			'athena',
			'plan',
			'--bucket',
			'acme-trail',
			'--account',
			"1' OR 1=1",
			'--region',
			'us-east-1',
			'--since',
			'2024-12-03',
			'--until',
			'2024-12-04',
			'--output',
			's3://a/b/',
		]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--account: not a 12-digit id');
		expect(bad.stdout).toBe('');
	});
});
