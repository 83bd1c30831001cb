import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {fetchS3, readCacheRecord, S3SourceError, type FetchS3Options} from '../../../source/sources/s3/index.js';
import {startFaultProxy, type FaultProxy} from '../../helpers/s3-faults.js';
import {
	daysBetween,
	putObjects,
	trailBody,
	trailKey,
	trailObjects,
	type FixtureObject,
} from '../../helpers/s3-fixtures.js';
import {s3rverEnv, startS3Server, type S3TestServer} from '../../helpers/s3-server.js';

const accountA = '111122223333';
const accountB = '444455556666';
const regions = ['us-east-1', 'eu-west-1'];
const org = 'o-abcd1234ef';

let server: S3TestServer;
let proxy: FaultProxy;
let cacheDir: string;
const savedEnv = {...process.env};
/** Every object put into the buckets, by s3://bucket/key. */
const bodies = new Map<string, Buffer>();

const trailFixture = trailObjects({
	accounts: [accountA, accountB],
	regions,
	days: daysBetween('2024-03-01', '2024-03-10'),
});
const strayKey = 'AWSLogs/README.txt';
const exportKey = 'exports/event-history.json';
const digestFile = {
	account: accountA,
	region: 'us-east-1',
	time: new Date('2024-03-05T11:00:00Z'),
	service: 'CloudTrail-Digest' as const,
};
const digestKey = trailKey(digestFile);
const orgFixture = trailObjects({
	accounts: [accountA, accountB],
	regions: ['us-east-1'],
	days: daysBetween('2024-03-01', '2024-03-03'),
	org,
	trailPrefix: 'trails/',
});
async function put(bucket: string, objects: FixtureObject[]): Promise<void> {
	await putObjects(server.client, bucket, objects);
	for (const object of objects) {
		bodies.set(`s3://${bucket}/${object.key}`, object.body);
	}
}

const fetch = async (options: Omit<FetchS3Options, 'cacheDir' | 'endpointUrl'>) =>
	fetchS3({cacheDir, endpointUrl: proxy.endpoint, ...options});
const requests = (kind: 'ListObjectsV2' | 'GetObject') => proxy.log.filter(entry => entry.kind === kind);
const listedPrefixes = () =>
	requests('ListObjectsV2').map(entry => `${entry.delimiter === undefined ? 'all' : 'discover'}:${entry.prefix ?? ''}`);

async function leftovers(directory: string): Promise<string[]> {
	const names = await readdir(directory, {recursive: true});
	return names.filter(
		name => name.includes('.partial-') || name.startsWith(`${path.join('.clicktrail', 'tmp')}${path.sep}`),
	);
}

async function expectSameBytes(files: ReadonlyArray<{path: string; origin: string; size: number}>): Promise<void> {
	for (const file of files) {
		const content = await readFile(file.path);
		const expected = bodies.get(file.origin);
		expect(expected, file.origin).toBeDefined();
		expect(content.equals(expected!), file.origin).toBe(true);
		expect(file.size).toBe(expected!.length);
		expect(file.path).toBe(path.join(cacheDir, ...file.origin.slice('s3://'.length).split('/')));
	}
}

beforeAll(async () => {
	Object.assign(process.env, s3rverEnv);
	delete process.env['AWS_PROFILE'];
	server = await startS3Server(['trail', 'org']);
	proxy = await startFaultProxy(server.endpoint);
	await Promise.all([
		put('trail', [
			...trailFixture,
			{key: strayKey, body: Buffer.from('not a log\n')},
			{key: exportKey, body: Buffer.from('{"Records":[]}\n')},
			{key: 'notes.txt', body: Buffer.from('not fetched from above the layout\n')},
			{
				key: digestKey,
				body: trailBody(digestFile, 1),
				metadata: {signature: 'c0ffee', 'signature-algorithm': 'SHA256withRSA'},
			},
		]),
		put('org', orgFixture),
	]);
});

afterAll(async () => {
	await proxy?.close();
	await server?.stop();
	process.env = savedEnv;
});

beforeEach(async () => {
	cacheDir = await mkdtemp(path.join(tmpdir(), 'clicktrail-s3cache-'));
	proxy.reset();
});

afterEach(async () => {
	await rm(cacheDir, {recursive: true, force: true});
});

describe('fetchS3 against a real S3-compatible server', () => {
	it('fetches every object of a bucket once, with the right bytes, and skips digests', async () => {
		const progress: number[] = [];
		const result = await fetch({uri: 's3://trail', onProgress: p => progress.push(p.downloaded)});
		expect(result.failures).toEqual([]);
		expect(result.files.map(file => file.origin)).toEqual(
			[
				...trailFixture.map(object => `s3://trail/${object.key}`),
				`s3://trail/${strayKey}`,
				`s3://trail/${exportKey}`,
			].sort(),
		);
		expect(result.digests).toEqual([]);
		await expectSameBytes(result.files);
		expect(result.stats).toMatchObject({listed: 42, downloaded: 42, cached: 0, failed: 0, getRequests: 42});
		expect(result.stats.bytes).toBe(result.files.reduce((sum, file) => sum + file.size, 0));
		expect(progress.at(-1)).toBe(42);
		expect(new Set(requests('GetObject').map(entry => entry.key)).size).toBe(42);
		// Discovery goes level by level; each region is then listed whole.
		expect(listedPrefixes().sort()).toEqual(
			[
				'discover:',
				'discover:AWSLogs/',
				'discover:exports/',
				`discover:AWSLogs/${accountA}/CloudTrail/`,
				`discover:AWSLogs/${accountB}/CloudTrail/`,
				...[accountA, accountB].flatMap(account =>
					regions.map(region => `all:AWSLogs/${account}/CloudTrail/${region}/`),
				),
			].sort(),
		);
	});

	it('lists only the prefixes that can hold matching events', async () => {
		const result = await fetch({
			uri: 's3://trail/AWSLogs/',
			accounts: [accountA],
			regions: ['us-east-1'],
			since: new Date('2024-03-05T08:00:00Z'),
			until: new Date('2024-03-06T20:00:00Z'),
		});
		const day = (d: string) => `all:AWSLogs/${accountA}/CloudTrail/us-east-1/2024/03/${d}/`;
		expect(listedPrefixes()).toEqual(['discover:AWSLogs/', day('04'), day('05'), day('06'), day('07')]);
		expect(result.files.map(file => file.origin)).toEqual([
			...['04', '05', '06', '07'].map(
				d =>
					`s3://trail/${trailKey({account: accountA, region: 'us-east-1', time: new Date(`2024-03-${d}T10:05:00Z`)})}`,
			),
			`s3://trail/${strayKey}`,
		]);
		expect(requests('GetObject')).toHaveLength(5);
		expect(result.stats.listRequests).toBe(5);
	});

	it('finds an organization trail under a custom prefix', async () => {
		const result = await fetch({uri: 's3://org', accounts: [accountB]});
		expect(result.files.map(file => file.origin)).toEqual(
			orgFixture.filter(object => object.key.includes(accountB)).map(object => `s3://org/${object.key}`),
		);
		expect(listedPrefixes()).toEqual([
			'discover:',
			'discover:trails/',
			'discover:trails/AWSLogs/',
			`discover:trails/AWSLogs/${org}/${accountB}/CloudTrail/`,
			`all:trails/AWSLogs/${org}/${accountB}/CloudTrail/us-east-1/`,
		]);
		await expectSameBytes(result.files);
	});

	it('serves a second fetch from the cache', async () => {
		const uri = `s3://trail/AWSLogs/${accountB}/`;
		const first = await fetch({uri});
		expect(first.stats.downloaded).toBe(20);
		proxy.reset();
		const second = await fetch({uri});
		expect(requests('GetObject')).toEqual([]);
		expect(second.stats).toMatchObject({downloaded: 0, cached: 20, bytes: 0});
		expect(second.files).toEqual(first.files);
	});

	it('retries throttling, server errors, resets and cut bodies without losing anything', async () => {
		const keys = trailFixture
			.filter(object => object.key.includes(`${accountA}/CloudTrail/eu-west-1/`))
			.map(object => object.key);
		const uri = `s3://trail/AWSLogs/${accountA}/CloudTrail/eu-west-1/`;
		proxy.addRule({kind: 'ListObjectsV2', action: 'slowDown', times: 2});
		proxy.addRule({kind: 'GetObject', key: keys[0], action: 'slowDown', times: 2});
		proxy.addRule({kind: 'GetObject', key: keys[1], action: 'internalError'});
		proxy.addRule({kind: 'GetObject', key: keys[2], action: 'reset'});
		proxy.addRule({kind: 'GetObject', key: keys[3], action: 'cutBody'});
		proxy.addRule({kind: 'GetObject', key: keys[4], action: 'cutBody', times: 2});
		const result = await fetch({uri});
		expect(result.failures).toEqual([]);
		expect(result.files.map(file => file.origin)).toEqual(keys.map(key => `s3://trail/${key}`));
		await expectSameBytes(result.files);
		expect(await leftovers(cacheDir)).toEqual([]);
		const outcomes = proxy.log
			.map(entry => entry.outcome)
			.filter(outcome => outcome !== 'forwarded')
			.sort();
		expect(outcomes).toEqual([
			'cutBody',
			'cutBody',
			'cutBody',
			'internalError',
			'reset',
			'slowDown',
			'slowDown',
			'slowDown',
			'slowDown',
		]);
		expect(result.stats.getRequests).toBe(keys.length + 3);
	});

	it('reports an object whose body keeps getting cut, and leaves no partial or truncated file', async () => {
		const keys = trailFixture
			.filter(object => object.key.includes(`${accountB}/CloudTrail/us-east-1/`))
			.map(object => object.key);
		proxy.addRule({kind: 'GetObject', key: keys[0], action: 'cutBody', times: Number.POSITIVE_INFINITY});
		const result = await fetch({uri: `s3://trail/AWSLogs/${accountB}/CloudTrail/us-east-1/`});
		expect(result.failures).toHaveLength(1);
		expect(result.failures[0]?.origin).toBe(`s3://trail/${keys[0]}`);
		expect(result.failures[0]?.reason).toMatch(
			/^download of s3:\/\/trail\/.+ cut off after \d+ of \d+ bytes .*\(4 attempts\)$/,
		);
		expect(result.files).toHaveLength(keys.length - 1);
		expect(result.stats.failed).toBe(1);
		const names = await readdir(cacheDir, {recursive: true});
		expect(
			names.filter(
				name => name.includes('.partial-') || name.startsWith(`${path.join('.clicktrail', 'tmp')}${path.sep}`),
			),
		).toEqual([]);
		expect(names.some(name => name.endsWith(path.basename(keys[0]!)))).toBe(false);
	});

	it('saves digests with their signature metadata when asked', async () => {
		const result = await fetch({uri: `s3://trail/AWSLogs/${accountA}/`, regions: ['us-east-1'], withDigests: true});
		expect(result.digests.map(file => file.origin)).toEqual([`s3://trail/${digestKey}`]);
		expect(result.files.some(file => file.origin.includes('Digest'))).toBe(false);
		expect(result.files).toHaveLength(10);
		const record = await readCacheRecord(cacheDir, 'trail', digestKey);
		expect(record).toMatchObject({
			origin: `s3://trail/${digestKey}`,
			'x-amz-meta-signature': 'c0ffee',
			'x-amz-meta-signature-algorithm': 'SHA256withRSA',
		});
		await expectSameBytes(result.digests);
		proxy.reset();
		const again = await fetch({uri: `s3://trail/AWSLogs/${accountA}/`, regions: ['us-east-1'], withDigests: true});
		expect(again.stats.cached).toBe(11);
		expect(requests('GetObject')).toEqual([]);
	});
});

describe('fetchS3 errors', () => {
	it('names the bucket, prefix and permission when listing is denied', async () => {
		proxy.addRule({kind: 'ListObjectsV2', action: 'accessDenied', times: Number.POSITIVE_INFINITY});
		const failure = fetch({uri: 's3://trail/AWSLogs/'});
		await expect(failure).rejects.toThrow(S3SourceError);
		await expect(failure).rejects.toThrow(/^access denied listing s3:\/\/trail\/AWSLogs\/: needs s3:ListBucket$/);
	});

	it('lists an object that cannot be read among the failures', async () => {
		const key = trailFixture[0]!.key;
		proxy.addRule({kind: 'GetObject', key, action: 'accessDenied', times: Number.POSITIVE_INFINITY});
		const result = await fetch({uri: `s3://trail/AWSLogs/${accountA}/CloudTrail/us-east-1/`});
		expect(result.failures).toEqual([
			{
				origin: `s3://trail/${key}`,
				reason: `access denied reading s3://trail/${key}: needs s3:GetObject (and kms:Decrypt if the trail uses SSE-KMS)`,
			},
		]);
		expect(result.files).toHaveLength(9);
	});

	it('says which region the bucket is in', async () => {
		proxy.addRule({kind: 'ListObjectsV2', action: 'wrongRegion', times: Number.POSITIVE_INFINITY});
		await expect(fetch({uri: 's3://trail/AWSLogs/'})).rejects.toThrow(
			'bucket trail is in region eu-west-1 (PermanentRedirect): pass --region eu-west-1',
		);
	});

	it('says when the bucket does not exist', async () => {
		await expect(fetch({uri: 's3://no-such-bucket/AWSLogs/'})).rejects.toThrow(
			'no such bucket: s3://no-such-bucket (NoSuchBucket)',
		);
	});

	it('says when there are no credentials', async () => {
		const keep = {id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY']};
		delete process.env['AWS_ACCESS_KEY_ID'];
		delete process.env['AWS_SECRET_ACCESS_KEY'];
		try {
			await expect(fetch({uri: 's3://trail/'})).rejects.toThrow(
				/^no AWS credentials found: set AWS_PROFILE or .*pass --profile/,
			);
		} finally {
			process.env['AWS_ACCESS_KEY_ID'] = keep.id;
			process.env['AWS_SECRET_ACCESS_KEY'] = keep.secret;
		}
	});

	it('rejects a bad URI before any request', async () => {
		await expect(fetch({uri: 'https://trail/x'})).rejects.toThrow(
			'not an S3 URI: https://trail/x (expected s3://BUCKET or s3://BUCKET/PREFIX)',
		);
		expect(proxy.log).toEqual([]);
	});

	it('stops when aborted', async () => {
		const controller = new AbortController();
		controller.abort(new Error('stopped by test'));
		await expect(fetch({uri: 's3://trail/', signal: controller.signal})).rejects.toThrow('stopped by test');
	});
});
