import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {
	defaultTimeouts,
	fetchS3,
	S3SourceError,
	timeoutsFromEnv,
	type FetchS3Options,
} from '../../../source/sources/s3/index.js';
import {describeS3Error} from '../../../source/sources/s3/errors.js';
import {startFaultProxy, type FaultProxy} from '../../helpers/s3-faults.js';
import {startHangServer} from '../../helpers/s3-hang.js';
import {daysBetween, putObjects, trailObjects} from '../../helpers/s3-fixtures.js';
import {s3rverEnv, startS3Server, type S3TestServer} from '../../helpers/s3-server.js';
import {runCli} from '../../helpers/cli.js';

const account = '111122223333';
/** Small enough to keep the tests short, large enough that a loaded machine's normal answers fit in them. */
const timeouts = {connectMs: 2000, responseMs: 800, idleMs: 800};
/** For tests that do not wait on a timeout: no spurious retry on a loaded machine. */
const relaxed = {connectMs: 5000, responseMs: 10_000, idleMs: 10_000};
const fixture = trailObjects({
	accounts: [account],
	regions: ['us-east-1'],
	days: daysBetween('2024-03-01', '2024-03-10'),
});
const keys = fixture.map(object => object.key);
const uri = `s3://trail/AWSLogs/${account}/CloudTrail/us-east-1/`;

let server: S3TestServer;
let proxy: FaultProxy;
let cacheDir: string;
const savedEnv = {...process.env};

const fetch = async (options: Partial<FetchS3Options> = {}) =>
	fetchS3({uri, cacheDir, endpointUrl: proxy.endpoint, timeouts, ...options});

/** Every file of the cache, relative to it. */
async function cacheFiles(): Promise<string[]> {
	const entries = await readdir(cacheDir, {recursive: true, withFileTypes: true});
	return entries
		.filter(entry => entry.isFile())
		.map(entry => path.relative(cacheDir, path.join(entry.parentPath, entry.name)))
		.sort();
}

async function expectRightBytes(files: ReadonlyArray<{path: string; origin: string}>): Promise<void> {
	for (const file of files) {
		const object = fixture.find(candidate => `s3://trail/${candidate.key}` === file.origin);

		expect((await readFile(file.path)).equals(object!.body), file.origin).toBe(true);
	}
}

beforeAll(async () => {
	Object.assign(process.env, s3rverEnv);
	delete process.env['AWS_PROFILE'];
	server = await startS3Server(['trail']);
	proxy = await startFaultProxy(server.endpoint);
	await putObjects(server.client, 'trail', fixture);
});

afterAll(async () => {
	await proxy?.close();
	await server?.stop();
	process.env = savedEnv;
});

beforeEach(async () => {
	cacheDir = await mkdtemp(path.join(tmpdir(), 'clicktrail-s3timeout-'));
	proxy.reset();
});

afterEach(async () => {
	await rm(cacheDir, {recursive: true, force: true});
});

describe('S3 never hangs', () => {
	it('fails a listing that a server accepts and never answers, after its retries, in bounded time', async () => {
		const hang = await startHangServer('silent');
		try {
			const started = performance.now();
			const failure = fetch({uri: 's3://trail/AWSLogs/', endpointUrl: hang.endpoint});
			await expect(failure).rejects.toThrow(S3SourceError);
			await expect(failure).rejects.toThrow(
				'no answer from S3 listing s3://trail/AWSLogs/: a request has exceeded the configured 800 ms requestTimeout (6 attempts)',
			);
			const seconds = (performance.now() - started) / 1000;
			// 6 attempts of 0.8 s, and the retry strategy's backoff between them (at most 3.1 s).
			expect(seconds).toBeGreaterThanOrEqual(4.8);
			expect(seconds).toBeLessThan(20);
			expect(hang.connections()).toBe(6);
		} finally {
			await hang.close();
		}
	});

	it('fails a listing whose body stops after the headers', async () => {
		const hang = await startHangServer('headers');
		try {
			const started = performance.now();
			await expect(fetch({uri: 's3://trail/AWSLogs/', endpointUrl: hang.endpoint})).rejects.toThrow(
				/^no answer from S3 listing s3:\/\/trail\/AWSLogs\/: the request socket timed out after 800 ms of inactivity/,
			);
			expect((performance.now() - started) / 1000).toBeLessThan(20);
		} finally {
			await hang.close();
		}
	});

	it('fails an object whose request is never answered, and loads every other', async () => {
		proxy.addRule({kind: 'GetObject', key: keys[3], action: 'stall', times: Number.POSITIVE_INFINITY});
		const started = performance.now();
		const result = await fetch();
		expect((performance.now() - started) / 1000).toBeLessThan(25);
		expect(result.failures).toEqual([
			{
				origin: `s3://trail/${keys[3]}`,
				reason: `no answer from S3 reading s3://trail/${keys[3]}: a request has exceeded the configured 800 ms requestTimeout (6 attempts)`,
			},
		]);
		expect(result.files.map(file => file.origin)).toEqual(
			keys.filter((_, index) => index !== 3).map(key => `s3://trail/${key}`),
		);
		await expectRightBytes(result.files);
		expect(proxy.log.filter(entry => entry.outcome === 'stall')).toHaveLength(6);
	});

	it('retries a request that went unanswered and gets the object', async () => {
		proxy.addRule({kind: 'GetObject', key: keys[0], action: 'stall', times: 2});
		const result = await fetch();
		expect(result.failures).toEqual([]);
		expect(result.files).toHaveLength(keys.length);
		await expectRightBytes(result.files);
		expect(result.stats.getRequests).toBe(keys.length);
		expect(proxy.log.filter(entry => entry.outcome === 'stall')).toHaveLength(2);
	});

	it('fails an object whose body stalls after its headers, retrying it, and leaves nothing of it in the cache', async () => {
		proxy.addRule({kind: 'GetObject', key: keys[5], action: 'stallBody', times: Number.POSITIVE_INFINITY});
		proxy.addRule({kind: 'GetObject', key: keys[6], action: 'stallBody', times: 1});
		const result = await fetch();
		expect(result.failures).toHaveLength(1);
		expect(result.failures[0]?.origin).toBe(`s3://trail/${keys[5]}`);
		expect(result.failures[0]?.reason).toMatch(
			new RegExp(
				`^download of s3://trail/${keys[5]} stalled after \\d+ of ${fixture[5]!.body.length} bytes \\(no data for 0\\.8 s\\) \\(4 attempts\\)$`,
			),
		);
		expect(result.files).toHaveLength(keys.length - 1);
		await expectRightBytes(result.files);
		const files = await cacheFiles();
		expect(files.some(name => name.endsWith(path.basename(keys[5]!)))).toBe(false);
		expect(files.filter(name => name.startsWith(path.join('.clicktrail', 'tmp')))).toEqual([]);
	});
});

describe('bodies are checked against a plain MD5 ETag', () => {
	it('fails an object whose body never matches its ETag and keeps nothing of it', async () => {
		proxy.addRule({kind: 'GetObject', key: keys[2], action: 'corruptBody', times: Number.POSITIVE_INFINITY});
		const result = await fetch({timeouts: relaxed});
		expect(result.failures).toHaveLength(1);
		expect(result.failures[0]?.reason).toMatch(
			new RegExp(
				`^download of s3://trail/${keys[2]} does not match its ETag: MD5 [\\da-f]{32} instead of [\\da-f]{32} \\(4 attempts\\)$`,
			),
		);
		expect(result.files).toHaveLength(keys.length - 1);
		const files = await cacheFiles();
		expect(files.some(name => name.endsWith(path.basename(keys[2]!)))).toBe(false);
		// One record per object fetched, no temporary file.
		expect(files.filter(name => name.startsWith('.clicktrail'))).toHaveLength(keys.length - 1);
		expect(files.filter(name => name.startsWith(path.join('.clicktrail', 'tmp')))).toEqual([]);
	});

	it('fetches a corrupted body again and keeps the right bytes', async () => {
		proxy.addRule({kind: 'GetObject', key: keys[1], action: 'corruptBody', times: 1});
		const result = await fetch({timeouts: relaxed});
		expect(result.failures).toEqual([]);
		await expectRightBytes(result.files);
		expect(result.stats.getRequests).toBe(keys.length + 1);
	});
});

describe('timeouts', () => {
	it('default to values for real S3, and CLICKTRAIL_S3_TIMEOUT changes them', () => {
		expect(timeoutsFromEnv({})).toEqual(defaultTimeouts);
		expect(defaultTimeouts).toEqual({connectMs: 10_000, responseMs: 30_000, idleMs: 30_000});
		expect(timeoutsFromEnv({CLICKTRAIL_S3_TIMEOUT: '120'})).toEqual({
			connectMs: 10_000,
			responseMs: 120_000,
			idleMs: 120_000,
		});
		expect(timeoutsFromEnv({CLICKTRAIL_S3_TIMEOUT: '0.5'})).toEqual({connectMs: 500, responseMs: 500, idleMs: 500});
		for (const bad of ['0', '-1', 'soon', 'Infinity', '1e9']) {
			expect(() => timeoutsFromEnv({CLICKTRAIL_S3_TIMEOUT: bad})).toThrow(S3SourceError);
		}

		expect(() => timeoutsFromEnv({CLICKTRAIL_S3_TIMEOUT: 'soon'})).toThrow(
			'CLICKTRAIL_S3_TIMEOUT must be a number of seconds between 0 and 86400, not "soon"',
		);
	});

	it('name the operation in their message', () => {
		const error = Object.assign(
			new Error(
				'@smithy/node-http-handler - the request socket timed out after 800 ms of inactivity (configured by client requestHandler).',
			),
			{
				name: 'TimeoutError',
				$metadata: {attempts: 1},
			},
		);
		expect(describeS3Error(error, {action: 'get', bucket: 'trail', key: 'a.json.gz'})).toBe(
			'no answer from S3 reading s3://trail/a.json.gz: the request socket timed out after 800 ms of inactivity (configured by client requestHandler) (1 attempt)',
		);
	});

	it('stop `clicktrail load s3://` on a server that never answers, with the reason, exit status 1', async () => {
		const hang = await startHangServer('silent');
		const db = path.join(cacheDir, 'case.duckdb');
		try {
			const started = performance.now();
			const result = await runCli(
				[
					'load',
					's3://trail/',
					'--db',
					db,
					'--cache-dir',
					path.join(cacheDir, 'cache'),
					'--endpoint-url',
					hang.endpoint,
				],
				{...s3rverEnv, CLICKTRAIL_S3_TIMEOUT: '0.3'},
			);
			expect(result.stderr).toContain(
				'no answer from S3 listing s3://trail/: a request has exceeded the configured 300 ms requestTimeout (6 attempts)',
			);
			expect(result.code).toBe(1);
			expect((performance.now() - started) / 1000).toBeLessThan(20);
		} finally {
			await hang.close();
		}
	});

	it('refuse a CLICKTRAIL_S3_TIMEOUT that is not a number of seconds', async () => {
		const result = await runCli(
			[
				'load',
				's3://trail/',
				'--db',
				path.join(cacheDir, 'case.duckdb'),
				'--cache-dir',
				cacheDir,
				'--endpoint-url',
				proxy.endpoint,
			],
			{...s3rverEnv, CLICKTRAIL_S3_TIMEOUT: 'soon'},
		);
		expect(result.stderr).toContain(
			'CLICKTRAIL_S3_TIMEOUT must be a number of seconds between 0 and 86400, not "soon"',
		);
		expect(result.code).toBe(1);
		expect(proxy.log).toEqual([]);
	});
});
