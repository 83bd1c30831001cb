/**
 * End to end through the built CLI (run `npm run build` first): `clicktrail load s3://...` against a local
 * S3 server seeded with a generated archive, compared with `clicktrail load DIR` of the same archive.
 */
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {generateSample} from '../../../source/sample/index.js';
import type {GroundTruth} from '../../../source/sample/types.js';
import {CaseFile} from '../../../source/store/database.js';
import {runCli, type CliResult} from '../../helpers/cli.js';
import {count} from '../../helpers/counts.js';
import {startFaultProxy, type FaultProxy, type LoggedRequest} from '../../helpers/s3-faults.js';
import {s3rverEnv, startS3Server, type S3TestServer} from '../../helpers/s3-server.js';
import {tempDir} from '../../helpers/temp.js';

const bucket = 'trail';
const since = '2024-11-20T00:00:00Z';
const until = '2024-11-27T00:00:00Z';

let work: string;
let sampleDir: string;
let truth: GroundTruth;
let server: S3TestServer;
let proxy: FaultProxy;
/** The case file of `load <sampleDir>`: the reference every S3 load is compared with. */
let localDb: string;
let caseNumber = 0;

const env = {...s3rverEnv, AWS_PROFILE: undefined, AWS_DEFAULT_REGION: undefined};

/** A fresh case file path and cache folder. */
function fresh(): {db: string; cacheDir: string} {
	caseNumber += 1;
	return {db: path.join(work, `case-${caseNumber}.duckdb`), cacheDir: path.join(work, `cache-${caseNumber}`)};
}

/** `clicktrail load s3://<bucket>` through the proxy. */
async function loadS3(target: {db: string; cacheDir: string}, ...extra: string[]): Promise<CliResult> {
	return runCli(
		[
			'load',
			`s3://${bucket}`,
			'--endpoint-url',
			proxy.endpoint,
			'--cache-dir',
			target.cacheDir,
			'--db',
			target.db,
			...extra,
		],
		env,
	);
}

async function withCase<T>(db: string, read: (caseFile: CaseFile) => Promise<T>): Promise<T> {
	const caseFile = await CaseFile.open(db, {readOnly: true});
	try {
		return await read(caseFile);
	} finally {
		caseFile.close();
	}
}

type EventRow = {
	eventID: string;
	eventName: string;
	principal: string;
	deviceId: string | null;
	eventTime: string;
	sourceFile: string;
};

/** Every event, sorted by eventID, with the columns compared. */
async function events(db: string, where = 'true', params: string[] = []): Promise<EventRow[]> {
	return withCase(db, async caseFile => {
		const rows = await caseFile.all(
			`SELECT eventID, eventName, principal, deviceId, CAST(eventTime AS VARCHAR) AS eventTime, sourceFile
			FROM events WHERE ${where} ORDER BY eventID`,
			params,
		);
		return rows as EventRow[];
	});
}

const withoutSource = (rows: EventRow[]) => rows.map(({sourceFile: _, ...rest}) => rest);

const requests = (kind: LoggedRequest['kind']) => proxy.log.filter(entry => entry.kind === kind);

/** The `s3://bucket: N objects (...)` line of a load's stderr, parsed. */
function fetchLine(result: CliResult): {
	objects: number;
	downloaded: number;
	cached: number;
	failed: number;
	listRequests: number;
} {
	const match =
		/s3:\/\/\S+: ([\d,]+) objects \(([\d,]+) downloaded, ([\d,]+) from cache, ([\d,]+) failed\) in [\d.]+ s, (\d+) list requests/.exec(
			result.stderr,
		);
	expect(match, result.stderr).not.toBeNull();
	const n = (text: string) => Number(text.replaceAll(',', ''));
	return {
		objects: n(match![1]!),
		downloaded: n(match![2]!),
		cached: n(match![3]!),
		failed: n(match![4]!),
		listRequests: n(match![5]!),
	};
}

function expectOk(result: CliResult): void {
	expect(result.code, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
}

beforeAll(async () => {
	work = await tempDir('clicktrail-s3-load-');
	sampleDir = path.join(work, 'sample');
	truth = await generateSample({outDir: sampleDir, events: 4000, seed: 13, recordsPerFile: 100});
	server = await startS3Server([bucket], {[bucket]: sampleDir});
	proxy = await startFaultProxy(server.endpoint);
	localDb = path.join(work, 'local.duckdb');
	expectOk(await runCli(['load', sampleDir, '--db', localDb], env));
});

afterAll(async () => {
	await proxy?.close();
	await server?.stop();
});

beforeEach(() => {
	proxy.reset();
});

describe('load s3://bucket', () => {
	it('loads the same events as loading the archive from disk, with s3:// URIs as sourceFile, then all from cache', async () => {
		const target = fresh();
		const first = await loadS3(target);
		expectOk(first);
		const fetched = fetchLine(first);
		expect(fetched).toMatchObject({
			objects: truth.logFiles.length,
			downloaded: truth.logFiles.length,
			cached: 0,
			failed: 0,
		});
		expect(requests('GetObject')).toHaveLength(truth.logFiles.length);

		const local = await events(localDb);
		const remote = await events(target.db);
		expect(local.length).toBe(truth.iotEvents);
		expect(remote.length).toBe(local.length);
		expect(withoutSource(remote)).toEqual(withoutSource(local));

		const keys = new Set(truth.logFiles);
		const prefix = `s3://${bucket}/`;
		for (const row of remote) {
			expect(row.sourceFile.startsWith(prefix), row.sourceFile).toBe(true);
			expect(keys.has(row.sourceFile.slice(prefix.length)), row.sourceFile).toBe(true);
		}

		// Event for event, the same file as the local load (by key), duplicates deliveries included.
		const localSources = new Map(
			local.map(row => [row.eventID, path.relative(sampleDir, row.sourceFile).split(path.sep).join('/')]),
		);
		const mismatched = remote.filter(row => localSources.get(row.eventID) !== row.sourceFile.slice(prefix.length));
		expect(mismatched.map(row => row.eventID)).toEqual([]);

		// The files ledger names the objects too.
		const ledger = await withCase(target.db, async caseFile => caseFile.all('SELECT path FROM files ORDER BY path'));
		expect(ledger.map(row => row['path'])).toEqual([...keys].sort().map(key => `${prefix}${key}`));

		// Second run, same cache and case file: nothing downloaded, nothing added.
		proxy.reset();
		const second = await loadS3(target);
		expectOk(second);
		expect(fetchLine(second)).toMatchObject({
			objects: truth.logFiles.length,
			downloaded: 0,
			cached: truth.logFiles.length,
			failed: 0,
		});
		expect(requests('GetObject')).toEqual([]);
		expect(second.stdout).toMatch(/events: 0 added/);
		expect(await withCase(target.db, async caseFile => count(caseFile, 'SELECT count(*) FROM events'))).toBe(
			local.length,
		);
	});

	it('--account and --region load exactly that account and region, listing nothing under the others', async () => {
		// The busiest account+region of the sample, so the filter has something to keep and something to drop.
		const [busiest] = await withCase(localDb, async caseFile =>
			caseFile.all(
				`SELECT recipientAccountId AS account, awsRegion AS region, count(*) AS n FROM events
			GROUP BY ALL ORDER BY n DESC, account, region LIMIT 1`,
			),
		);
		const account = String(busiest!['account']);
		const region = String(busiest!['region']);
		const where = 'recipientAccountId = ? AND awsRegion = ?';
		const expected = await events(localDb, where, [account, region]);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(truth.iotEvents);

		const target = fresh();
		const result = await loadS3(target, '--account', account, '--region', region);
		expectOk(result);
		expect(withoutSource(await events(target.db))).toEqual(withoutSource(expected));

		const otherAccounts = truth.accounts.filter(other => other !== account);
		const otherRegions = truth.regions.filter(other => other !== region);
		expect(otherAccounts.length).toBeGreaterThan(0);
		const lists = requests('ListObjectsV2');
		expect(lists.length).toBeGreaterThan(0);
		for (const list of lists) {
			const segments = (list.prefix ?? '').split('/');
			expect(
				otherAccounts.filter(other => segments.includes(other)),
				`listed ${list.prefix}`,
			).toEqual([]);
			if (segments.includes(account) && segments.includes('CloudTrail')) {
				expect(
					otherRegions.filter(other => segments.includes(other)),
					`listed ${list.prefix}`,
				).toEqual([]);
			}
		}

		for (const get of requests('GetObject')) {
			expect(get.key, get.key).toMatch(new RegExp(`/${account}/CloudTrail/${region}/`));
		}
	});

	it('--since/--until prune day folders and load exactly the events in range', async () => {
		const expected = await events(localDb, 'eventTime >= ?::TIMESTAMPTZ AND eventTime < ?::TIMESTAMPTZ', [
			since,
			until,
		]);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(truth.iotEvents);

		// Reference: the whole bucket (listings and objects) with no range.
		const whole = fresh();
		const wholeResult = await loadS3(whole);
		expectOk(wholeResult);
		const wholeLists = requests('ListObjectsV2');
		const wholeFetch = fetchLine(wholeResult);

		proxy.reset();
		const ranged = fresh();
		const result = await loadS3(ranged, '--since', since, '--until', until);
		expectOk(result);
		expect(withoutSource(await events(ranged.db))).toEqual(withoutSource(expected));

		const lists = requests('ListObjectsV2');
		const rangedFetch = fetchLine(result);
		expect(rangedFetch.listRequests).toBe(lists.length);
		expect(wholeLists.length).toBe(wholeFetch.listRequests);
		// Pruned: every listing of keys (no delimiter) is one day folder in range, with a day of margin each side,
		// where the unranged load lists each region folder whole. Not fewer requests here: one request per day folder
		// and region (96) against one page per region folder of a few objects (15); a real region folder holds
		// thousands of keys (1,000 per page), where the day folders win.
		const dayOf = (text: string): number | undefined => {
			const match = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(text);
			return match ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : undefined;
		};
		const first = Date.parse(since) - 86_400_000;
		const last = Date.parse(until) + 86_400_000;
		const inRange = (day: number | undefined) => day !== undefined && day >= first && day <= last;
		const keyListings = lists.filter(list => list.delimiter === undefined);
		expect(keyListings.length).toBeGreaterThan(0);
		for (const list of keyListings) {
			expect(list.prefix, `listed ${list.prefix}`).toMatch(/\/CloudTrail\/[^/]+\/\d{4}\/\d{2}\/\d{2}\/$/);
			expect(inRange(dayOf(list.prefix!)), `listed ${list.prefix}`).toBe(true);
		}

		expect(
			wholeLists
				.filter(list => list.delimiter === undefined)
				.every(list => dayOf(`${list.prefix ?? ''}`) === undefined),
		).toBe(true);
		// Fewer objects fetched, each from a day folder in range.
		expect(rangedFetch.objects).toBeGreaterThan(0);
		expect(rangedFetch.objects).toBeLessThan(wholeFetch.objects);
		expect(requests('GetObject')).toHaveLength(rangedFetch.objects);
		for (const get of requests('GetObject')) {
			expect(inRange(dayOf(get.key ?? '')), get.key).toBe(true);
		}
	});
});

describe('load s3:// failures', () => {
	it('NoSuchBucket: non-zero exit and one line naming the bucket', async () => {
		const target = fresh();
		const result = await runCli(
			[
				'load',
				's3://no-such-bucket',
				'--endpoint-url',
				proxy.endpoint,
				'--cache-dir',
				target.cacheDir,
				'--db',
				target.db,
			],
			env,
		);
		expect(result.code).not.toBe(0);
		expect(result.code).not.toBeNull();
		const lines = result.stderr.trim().split('\n');
		expect(lines, result.stderr).toHaveLength(1);
		expect(lines[0]).toContain('no-such-bucket');
		expect(lines[0]).toMatch(/NoSuchBucket|no such bucket/);
	});

	it('AccessDenied on listing: the message names s3:ListBucket', async () => {
		proxy.addRule({kind: 'ListObjectsV2', action: 'accessDenied', times: Number.POSITIVE_INFINITY});
		const target = fresh();
		const result = await loadS3(target);
		expect(result.code).not.toBe(0);
		expect(result.code).not.toBeNull();
		const lines = result.stderr.trim().split('\n');
		expect(lines, result.stderr).toHaveLength(1);
		expect(lines[0]).toContain('s3:ListBucket');
		expect(lines[0]).toContain(`s3://${bucket}/`);
		expect(requests('GetObject')).toEqual([]);
	});
});
