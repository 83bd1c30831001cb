import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {fetchS3, readCacheRecord, recordPath, type FetchS3Options} from '../../../source/sources/s3/index.js';
import {plainMd5} from '../../../source/sources/s3/download.js';
import {readDigest, s3Tree} from '../../../source/verify/tree.js';
import {startFaultProxy, type FaultProxy} from '../../helpers/s3-faults.js';
import {putObjects, trailBody, trailKey, type FixtureObject} from '../../helpers/s3-fixtures.js';
import {s3rverEnv, startS3Server, type S3TestServer} from '../../helpers/s3-server.js';

const account = '111122223333';
const digestFile = {
	account,
	region: 'us-east-1',
	time: new Date('2024-03-05T11:00:00Z'),
	service: 'CloudTrail-Digest' as const,
};
const digestKey = trailKey(digestFile);
const logKey = trailKey({account, region: 'us-east-1', time: new Date('2024-03-05T10:05:00Z')});
/** Objects named like every sidecar and temporary file the cache writes or wrote beside objects, with hostile content. */
const lookalikes = [
	`${digestKey}.meta.json`,
	`${digestKey}.s3.json`,
	`${logKey}.s3.json`,
	`${logKey}.meta.json`,
	`${logKey}.partial-0123456789ab`,
];
const objects: FixtureObject[] = [
	{
		key: digestKey,
		body: trailBody(digestFile, 1),
		metadata: {signature: 'c0ffee', 'signature-algorithm': 'SHA256withRSA'},
	},
	{key: logKey, body: trailBody({account, region: 'us-east-1', time: new Date('2024-03-05T10:05:00Z')}, 50)},
	...lookalikes.map(key => ({
		key,
		body: Buffer.from(
			JSON.stringify({
				origin: `s3://trail/${key.replace(/\.[^.]+(\.json)?$/, '')}`,
				etag: 'x',
				size: 1,
				'x-amz-meta-signature': 'forged',
			}) + '\n',
		),
	})),
];
const uri = `s3://trail/AWSLogs/${account}/`;

let server: S3TestServer;
let proxy: FaultProxy;
let cacheDir: string;
const savedEnv = {...process.env};
const fetch = async (options: Partial<FetchS3Options> = {}) =>
	fetchS3({uri, cacheDir, endpointUrl: proxy.endpoint, withDigests: true, ...options});
const gets = () =>
	proxy.log
		.filter(entry => entry.kind === 'GetObject')
		.map(entry => entry.key)
		.sort();

beforeAll(async () => {
	Object.assign(process.env, s3rverEnv);
	delete process.env['AWS_PROFILE'];
	server = await startS3Server(['trail']);
	proxy = await startFaultProxy(server.endpoint);
	await putObjects(server.client, 'trail', objects);
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

describe('the S3 cache keeps its records apart from objects', () => {
	it('mirrors objects named like sidecars or temporary files byte for byte, twice, without confusing them', async () => {
		const first = await fetch();
		expect(first.failures).toEqual([]);
		const fetched = [...first.files, ...first.digests];
		expect(fetched.map(file => file.origin).sort()).toEqual(objects.map(object => `s3://trail/${object.key}`).sort());
		for (const object of objects) {
			const bytes = await readFile(path.join(cacheDir, 'trail', ...object.key.split('/')));
			expect(bytes.equals(object.body), object.key).toBe(true);
		}

		// The digest's signature comes from its own record, not from the object named like its old sidecar.
		expect(await readCacheRecord(cacheDir, 'trail', digestKey)).toMatchObject({'x-amz-meta-signature': 'c0ffee'});
		const tree = s3Tree({uri, bucket: 'trail', cacheDir, files: fetched});
		// Objects under the digest folder are all the bucket's: checked as digests, never passed over as sidecars.
		expect(tree.digests.map(entry => entry.key)).toEqual([digestKey, `${digestKey}.meta.json`, `${digestKey}.s3.json`]);
		expect((await readDigest(tree.digests[0]!)).signature).toBe('c0ffee');

		// Records live under .clicktrail/, one per object; nothing else was written beside the objects.
		const names = (await readdir(cacheDir, {recursive: true, withFileTypes: true}))
			.filter(entry => entry.isFile())
			.map(entry => path.relative(cacheDir, path.join(entry.parentPath, entry.name)));
		expect(names.filter(name => name.startsWith('trail')).sort()).toEqual(
			objects.map(object => path.join('trail', ...object.key.split('/'))).sort(),
		);
		expect(names.filter(name => name.startsWith('.clicktrail')).sort()).toEqual(
			objects.map(object => path.relative(cacheDir, recordPath(cacheDir, 'trail', object.key))).sort(),
		);

		proxy.reset();
		const second = await fetch();
		expect(gets()).toEqual([]);
		expect(second.stats).toMatchObject({cached: objects.length, downloaded: 0});
	});

	it('fetches again, cleanly, what a cache of the old layout holds', async () => {
		// The old layout: <file>.s3.json beside the object. A record is not trusted from there any more.
		const file = path.join(cacheDir, 'trail', ...logKey.split('/'));
		await mkdir(path.dirname(file), {recursive: true});
		const body = objects[1]!.body;
		await writeFile(file, Buffer.alloc(body.length, 0x20));
		await writeFile(
			`${file}.s3.json`,
			JSON.stringify({
				origin: `s3://trail/${logKey}`,
				etag: `"${'0'.repeat(32)}"`,
				size: body.length,
				fetchedAt: '2024-01-01T00:00:00Z',
			}),
		);
		const result = await fetch({withDigests: false});
		expect(gets()).toContain(logKey);
		expect(result.failures).toEqual([]);
		expect((await readFile(file)).equals(body)).toBe(true);
	});

	it('fails an object whose key cannot be saved beside another, with the reason, and keeps the rest', async () => {
		// "a.json" and "a.json/b.json" are both valid keys; a file system cannot hold a file and a folder of one name.
		await putObjects(server.client, 'trail', [
			{key: 'clash/a.json', body: Buffer.from('{}')},
			{key: 'clash/a.json/b.json', body: Buffer.from('{}')},
		]);
		try {
			const result = await fetch({uri: 's3://trail/clash/', withDigests: false});
			expect(result.files).toHaveLength(1);
			expect(result.failures).toHaveLength(1);
			expect(result.failures[0]?.reason).toMatch(
				/^cannot save s3:\/\/trail\/clash\/a\.json(\/b\.json)? in the cache: E(EXIST|NOTDIR|ISDIR)/,
			);
		} finally {
			await server.client.send(
				new (await import('@aws-sdk/client-s3')).DeleteObjectsCommand({
					Bucket: 'trail',
					Delete: {Objects: [{Key: 'clash/a.json'}, {Key: 'clash/a.json/b.json'}]},
				}),
			);
		}
	});
});

describe('plainMd5', () => {
	it('reads an MD5 only from a single-part ETag without SSE-KMS or SSE-C', () => {
		expect(plainMd5('"0123456789abcdef0123456789ABCDEF"')).toBe('0123456789abcdef0123456789abcdef');
		expect(plainMd5('"0123456789abcdef0123456789abcdef"', {serverSideEncryption: 'AES256'})).toBe(
			'0123456789abcdef0123456789abcdef',
		);
		expect(plainMd5('"0123456789abcdef0123456789abcdef-12"')).toBeUndefined();
		expect(plainMd5('"0123456789abcdef0123456789abcdef"', {serverSideEncryption: 'aws:kms'})).toBeUndefined();
		expect(plainMd5('"0123456789abcdef0123456789abcdef"', {serverSideEncryption: 'aws:kms:dsse'})).toBeUndefined();
		expect(plainMd5('"0123456789abcdef0123456789abcdef"', {customerAlgorithm: 'AES256'})).toBeUndefined();
		expect(plainMd5('W/"abc"')).toBeUndefined();
		expect(plainMd5(undefined)).toBeUndefined();
	});
});
