import {createHash} from 'node:crypto';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {planListing} from '../../../source/sources/s3/listing-plan.js';
import {listObjects, type ListedObject} from '../../../source/sources/s3/list.js';
import {startFaultProxy, type FaultProxy} from '../../helpers/s3-faults.js';
import {trailBody, trailKey, type FixtureObject} from '../../helpers/s3-fixtures.js';
import {startS3Server, testClient, type S3TestServer} from '../../helpers/s3-server.js';

// Its own file (and server), so that seeding 1,100 objects runs beside the other S3 tests.
const account = '111122223333';
const day = new Date('2024-03-05T10:00:00Z');
const objects: FixtureObject[] = Array.from({length: 1100}, (_, index) => {
	const file = {account, region: 'us-east-1', time: day, random: `r${String(index).padStart(5, '0')}`};
	return {key: trailKey(file), body: trailBody(file, 1)};
});

let seedDir: string;
let server: S3TestServer;
let proxy: FaultProxy;

beforeAll(async () => {
	seedDir = await mkdtemp(path.join(tmpdir(), 'clicktrail-s3seed-'));
	await mkdir(path.dirname(path.join(seedDir, objects[0]!.key)), {recursive: true});
	await Promise.all(objects.map(async object => writeFile(path.join(seedDir, object.key), object.body)));
	server = await startS3Server(['big'], {big: seedDir});
	proxy = await startFaultProxy(server.endpoint);
});

afterAll(async () => {
	await proxy?.close();
	await server?.stop();
	await rm(seedDir, {recursive: true, force: true});
});

it('pages a listing past 1,000 keys with continuation tokens', async () => {
	const client = testClient(proxy.endpoint);
	const filters = {since: new Date('2024-03-05T12:00:00Z'), until: new Date('2024-03-05T12:00:00Z')};
	const region = `AWSLogs/${account}/CloudTrail/us-east-1/`;
	const steps = planListing(region, filters);
	expect(steps.map(step => step.prefix)).toEqual(['04', '05', '06'].map(d => `${region}2024/03/${d}/`));
	const listed: ListedObject[] = [];
	try {
		for await (const page of listObjects({client, bucket: 'big', steps, filters})) {
			listed.push(...page);
		}
	} finally {
		client.destroy();
	}

	expect(listed.map(object => object.key).sort()).toEqual(objects.map(object => object.key).sort());
	const first = objects[0]!;
	expect(listed.find(object => object.key === first.key)).toEqual({
		key: first.key,
		size: first.body.length,
		etag: `"${createHash('md5').update(first.body).digest('hex')}"`,
	});
	const pages = proxy.log.filter(entry => entry.kind === 'ListObjectsV2' && entry.prefix === `${region}2024/03/05/`);
	expect(pages).toHaveLength(2);
});
