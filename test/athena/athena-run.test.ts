/**
 * `athena run` end to end with only the Athena API faked (recorded responses): the UNLOAD's output, written in the
 * documented form (gzip'd JSON lines, one CloudTrail record each) to a real S3-compatible server, is loaded through
 * the S3 source into a real case file whose counts match the generator's truth, and the ledger ties every loaded
 * file to the query that wrote it.
 */
import {existsSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildPlan} from '../../source/athena/plan.js';
import {runAthena} from '../../source/commands/athena.js';
import {IDENTITY_EVENT_PAIRS} from '../../source/events/identity.js';
import {buildOptions, type Flags, type Options} from '../../source/options.js';
import {makeBuiltRecords, type CloudTrailRecord} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {ddlRecording, fakeAthena, recording} from '../helpers/athena-fake.js';
import {s3rverEnv, startS3Server, type S3TestServer} from '../helpers/s3-server.js';
import {tempDir} from '../helpers/temp.js';

const since = '2024-11-10T00:00:00Z';
const until = '2024-12-05T00:00:00Z';
const unloadId = '5f0c2d1e-7a4b-4c3d-9e8f-0a1b2c3d4e5f';

let work: string;
let server: S3TestServer;
let selected: CloudTrailRecord[];
let accounts: string[];
let regions: string[];
const savedEnv: Record<string, string | undefined> = {};

/** What the UNLOAD's WHERE keeps, computed in JavaScript from the generator's records. */
function athenaWouldSelect(record: CloudTrailRecord): boolean {
	if (record.eventTime < since || record.eventTime >= until) return false;
	if (record.eventSource === 'iot1click.amazonaws.com') return true;
	if (IDENTITY_EVENT_PAIRS.some(p => p.eventSource === record.eventSource && p.eventName === record.eventName))
		return true;
	const credentials = (record.responseElements as {credentials?: {accessKeyId?: string}} | null)?.credentials;
	return typeof credentials?.accessKeyId === 'string';
}

beforeAll(async () => {
	work = await tempDir('clicktrail-athena-');
	const built = makeBuiltRecords({count: 6000, seed: 18});
	selected = built.map(b => b.record).filter(athenaWouldSelect);
	accounts = [...new Set(selected.map(r => r.recipientAccountId))].sort();
	regions = [...new Set(selected.map(r => r.awsRegion))].sort();
	// UNLOAD's output: a few gzip'd text files of one JSON record a line, named by Athena (one without an extension).
	const records = path.join(work, 'seed', 'case-42', 'records');
	await mkdir(records, {recursive: true});
	await mkdir(path.join(work, 'seed', 'case-42', 'athena'), {recursive: true});
	const names = [`${unloadId}_00000.gz`, `${unloadId}_00001.gz`, `20261202_160101_00042_k3x9p_${unloadId}`];
	for (const [index, name] of names.entries()) {
		const part = selected.filter((_, i) => i % names.length === index);
		await writeFile(path.join(records, name), gzipSync(part.map(r => `${JSON.stringify(r)}\n`).join('')));
	}
	// Athena's own result files beside it (not loaded: they are outside records/).
	await writeFile(path.join(work, 'seed', 'case-42', 'athena', `${unloadId}.metadata`), 'binary metadata');
	server = await startS3Server(['athena-results'], {'athena-results': path.join(work, 'seed')});
	for (const [key, value] of Object.entries(s3rverEnv)) {
		savedEnv[key] = process.env[key];
		process.env[key] = value;
	}
}, 60_000);

afterAll(async () => {
	for (const [key, value] of Object.entries(savedEnv)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
	await server?.stop();
});

function runOptions(name: string): Options {
	const flags: Flags = {
		allServices: false,
		force: false,
		quiet: true,
		badFiles: false,
		withDigests: false,
		bucket: 'org-trail',
		orgId: 'o-a1b2c3d4e5',
		account: accounts,
		region: regions,
		since,
		until,
		output: 's3://athena-results/case-42/',
		workgroup: 'forensics',
		endpointUrl: server.endpoint,
		cacheDir: path.join(work, `cache-${name}`),
		db: path.join(work, `${name}.duckdb`),
	};
	return buildOptions(['athena', 'run'], flags, {});
}

describe('athena run', () => {
	it('loads the UNLOAD output into a case file matching the truth, and ledgers the query', async () => {
		expect(selected.length).toBeGreaterThan(1000);
		const options = runOptions('ok');
		const api = fakeAthena([1, 2, 3, 4, 5].map(i => ddlRecording(`ddl-${i}`)).concat(recording('succeeded')));
		const code = await runAthena(options, {api, sleep: async () => {}});
		expect(code).toBe(0);

		const plan = buildPlan(options.athena!.plan);
		const started = api.sent.filter(sent => sent.command === 'StartQueryExecutionCommand');
		expect(started.map(sent => sent.input['QueryString'])).toEqual([...plan.ddl, plan.unload]);
		expect(started.every(sent => sent.input['WorkGroup'] === 'forensics')).toBe(true);

		const iot = selected.filter(r => r.eventSource === 'iot1click.amazonaws.com');
		const identity = selected.length - iot.length;
		expect(identity).toBeGreaterThan(0);
		const db = await CaseFile.open(options.db, {readOnly: true});
		try {
			const events = await db.all(`SELECT count(*) AS n, count(DISTINCT eventID) AS ids FROM events`);
			expect(Number(events[0]!['n'])).toBe(iot.length);
			expect(Number(events[0]!['ids'])).toBe(new Set(iot.map(r => r.eventID)).size);
			const byName = await db.all(`SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY eventName`);
			const truth = new Map<string, number>();
			for (const r of iot) truth.set(r.eventName, (truth.get(r.eventName) ?? 0) + 1);
			expect(Object.fromEntries(byName.map(row => [row['eventName'], Number(row['n'])]))).toEqual(
				Object.fromEntries([...truth].sort()),
			);
			const files = await db.all(`SELECT path, status, events, otherService FROM files ORDER BY path`);
			expect(files).toHaveLength(3);
			expect(files.every(f => f['status'] === 'loaded' && String(f['path']).startsWith(plan.recordsLocation))).toBe(
				true,
			);
			expect(files.reduce((sum, f) => sum + Number(f['otherService']), 0)).toBe(identity);

			const queries = await db.all(
				`SELECT queryId, role, sql, dataScannedBytes, engineMs, workgroup, outputLocation FROM athena_queries ORDER BY role`,
			);
			expect(queries.map(q => q['role'])).toEqual(['ddl', 'ddl', 'ddl', 'ddl', 'ddl', 'unload'].sort());
			expect(queries.filter(q => q['role'] === 'ddl').map(q => q['sql'])).toEqual(expect.arrayContaining(plan.ddl));
			expect(queries.find(q => q['role'] === 'unload')).toEqual({
				queryId: unloadId,
				role: 'unload',
				sql: plan.unload,
				dataScannedBytes: 109_951_162_778,
				engineMs: 61_872,
				workgroup: 'forensics',
				outputLocation: 's3://athena-results/case-42/records/',
			});
			const tied = await db.all(`SELECT path, queryId FROM athena_files ORDER BY path`);
			expect(tied).toEqual(files.map(f => ({path: f['path'], queryId: unloadId})));
		} finally {
			db.close();
		}
	}, 60_000);

	it("a failed UNLOAD stops with Athena's text, loads nothing and creates no case file", async () => {
		const options = runOptions('failed');
		const api = fakeAthena([1, 2, 3, 4, 5].map(i => ddlRecording(`ddl-${i}`)).concat(recording('failed')));
		await expect(runAthena(options, {api, sleep: async () => {}})).rejects.toThrow(
			/^athena: query 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d failed: HIVE_PATH_ALREADY_EXISTS: .* \(2.00 GB scanned\)$/,
		);
		expect(existsSync(options.db)).toBe(false);
	});

	it('Ctrl-C while the UNLOAD runs stops it (StopQueryExecution) and loads nothing', async () => {
		const options = runOptions('interrupted');
		const listeners = process.listenerCount('SIGINT');
		let unloadPolls = 0;
		const api = fakeAthena([1, 2, 3, 4, 5].map(i => ddlRecording(`ddl-${i}`)).concat(recording('succeeded')), {
			onPoll() {
				const starts = api.sent.filter(sent => sent.command === 'StartQueryExecutionCommand').length;
				if (starts === 6 && ++unloadPolls === 2) process.emit('SIGINT');
			},
		});
		await expect(runAthena(options, {api, sleep: async () => {}})).rejects.toThrow(
			`athena: query ${unloadId} stopped (interrupted)`,
		);
		expect(api.sent.at(-1)).toEqual({command: 'StopQueryExecutionCommand', input: {QueryExecutionId: unloadId}});
		expect(process.listenerCount('SIGINT')).toBe(listeners);
		expect(existsSync(options.db)).toBe(false);
	});

	it('a failed DDL statement stops before the UNLOAD is sent', async () => {
		const options = runOptions('ddl-failed');
		const api = fakeAthena([ddlRecording('ddl-1'), recording('failed')]);
		await expect(runAthena(options, {api, sleep: async () => {}})).rejects.toThrow('HIVE_PATH_ALREADY_EXISTS');
		expect(api.sent.filter(sent => sent.command === 'StartQueryExecutionCommand')).toHaveLength(2);
	});
});
