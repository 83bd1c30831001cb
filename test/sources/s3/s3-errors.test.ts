import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cachePath, defaultCacheDir} from '../../../source/sources/s3/cache.js';
import {describeS3Error, S3SourceError, type S3Operation} from '../../../source/sources/s3/errors.js';
import {createPool} from '../../../source/sources/pool.js';
import {parseS3Uri} from '../../../source/sources/s3/uri.js';

const list: S3Operation = {action: 'list', bucket: 'trail', prefix: 'AWSLogs/'};
const get: S3Operation = {action: 'get', bucket: 'trail', key: 'AWSLogs/x.json.gz'};
const s3Error = (name: string, status: number, extra: Record<string, unknown> = {}) =>
	Object.assign(new Error(`${name} message`), {name, $metadata: {httpStatusCode: status}, ...extra});

describe('describeS3Error', () => {
	it('names the permission a denied list or get needs', () => {
		expect(describeS3Error(s3Error('AccessDenied', 403), list)).toBe(
			'access denied listing s3://trail/AWSLogs/: needs s3:ListBucket',
		);
		expect(describeS3Error(s3Error('AccessDenied', 403), get)).toBe(
			'access denied reading s3://trail/AWSLogs/x.json.gz: needs s3:GetObject (and kms:Decrypt if the trail uses SSE-KMS)',
		);
		expect(describeS3Error(s3Error('Forbidden', 403), list)).toMatch(/^access denied listing/);
	});

	it('says how to find credentials', () => {
		const error = Object.assign(new Error('Could not load credentials from any providers'), {
			name: 'CredentialsProviderError',
		});
		expect(describeS3Error(error, list)).toBe(
			'no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run aws sso login, or pass --profile',
		);
		const profile = Object.assign(new Error('Profile audit could not be found or parsed in shared credentials file.'), {
			name: 'CredentialsProviderError',
		});
		expect(describeS3Error(profile, list)).toMatch(/pass --profile \(Profile audit could not be found/);
	});

	it("gives the bucket's region from a redirect header, an error body or an endpoint", () => {
		expect(
			describeS3Error(
				s3Error('PermanentRedirect', 301, {$response: {headers: {'x-amz-bucket-region': 'eu-west-1'}}}),
				list,
			),
		).toBe('bucket trail is in region eu-west-1 (PermanentRedirect): pass --region eu-west-1');
		expect(describeS3Error(s3Error('AuthorizationHeaderMalformed', 400, {Region: 'ap-south-1'}), list)).toBe(
			'bucket trail is in region ap-south-1 (AuthorizationHeaderMalformed): pass --region ap-south-1',
		);
		expect(
			describeS3Error(s3Error('PermanentRedirect', 301, {Endpoint: 'trail.s3.us-west-2.amazonaws.com'}), list),
		).toMatch(/region us-west-2/);
		expect(describeS3Error(s3Error('PermanentRedirect', 301), list)).toBe(
			'bucket trail is in another region (PermanentRedirect): pass its region with --region',
		);
	});

	it('covers missing buckets and keys, rejected credentials, the network and the rest', () => {
		expect(describeS3Error(s3Error('NoSuchBucket', 404), get)).toBe('no such bucket: s3://trail (NoSuchBucket)');
		expect(describeS3Error(s3Error('NoSuchKey', 404), get)).toBe(
			'object gone: s3://trail/AWSLogs/x.json.gz (NoSuchKey)',
		);
		expect(describeS3Error(s3Error('InvalidAccessKeyId', 403), list)).toBe(
			'AWS credentials rejected by S3 (InvalidAccessKeyId) for s3://trail/AWSLogs/: refresh them or pass another --profile',
		);
		expect(
			describeS3Error(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {code: 'ECONNREFUSED'}), list),
		).toBe('cannot reach S3 for s3://trail/AWSLogs/: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)');
		expect(describeS3Error(s3Error('SlowDown', 503), list)).toBe(
			'error listing s3://trail/AWSLogs/: SlowDown (HTTP 503): SlowDown message',
		);
		expect(describeS3Error(new Error('Region is missing'), list)).toBe(
			'no AWS region: pass --region or set AWS_REGION',
		);
	});
});

describe('parseS3Uri', () => {
	it.each([
		['s3://trail', {bucket: 'trail', prefix: ''}],
		['s3://trail/', {bucket: 'trail', prefix: ''}],
		['s3://my.trail-1/AWSLogs/o-abcd1234ef/', {bucket: 'my.trail-1', prefix: 'AWSLogs/o-abcd1234ef/'}],
		['S3://trail/AWSLogs', {bucket: 'trail', prefix: 'AWSLogs'}],
	])('parses %s', (uri, expected) => {
		expect(parseS3Uri(uri)).toEqual(expected);
	});

	it.each([
		['trail/AWSLogs', 'not an S3 URI: trail/AWSLogs (expected s3://BUCKET or s3://BUCKET/PREFIX)'],
		['s3:///AWSLogs', 'no bucket in s3:///AWSLogs (expected s3://BUCKET or s3://BUCKET/PREFIX)'],
		[
			's3://Trail_Logs/',
			"not a valid bucket name: Trail_Logs in s3://Trail_Logs/ (3-63 characters: a-z, 0-9, '.' and '-')",
		],
	])('rejects %s', (uri, message) => {
		expect(() => parseS3Uri(uri)).toThrow(S3SourceError);
		expect(() => parseS3Uri(uri)).toThrow(message);
	});
});

describe('cache paths', () => {
	it('mirrors bucket and key under the cache folder', () => {
		expect(cachePath('/c', 'trail', 'AWSLogs/1/x.json.gz')).toBe(path.join('/c', 'trail', 'AWSLogs', '1', 'x.json.gz'));
	});

	it('refuses keys that would escape or collide', () => {
		for (const key of ['../x', 'a/../../x', 'a//b', '/a', 'a/./b', 'a\\..\\b', 'a/']) {
			expect(cachePath('/c', 'trail', key), key).toBeUndefined();
		}
	});

	it('defaults to $XDG_CACHE_HOME/clicktrail/s3, else ~/.cache/clicktrail/s3', () => {
		expect(defaultCacheDir({XDG_CACHE_HOME: '/xdg'})).toBe(path.join('/xdg', 'clicktrail', 's3'));
		expect(defaultCacheDir({XDG_CACHE_HOME: 'relative'})).toMatch(/\.cache[/\\]clicktrail[/\\]s3$/);
		expect(defaultCacheDir({})).toMatch(/\.cache[/\\]clicktrail[/\\]s3$/);
	});
});

describe('createPool', () => {
	it('runs at most n tasks at once and drains', async () => {
		const pool = createPool(2);
		let running = 0;
		let most = 0;
		const done: number[] = [];
		for (let index = 0; index < 6; index++) {
			await pool.add(async () => {
				running += 1;
				most = Math.max(most, running);
				await new Promise(resolve => setTimeout(resolve, 5));
				running -= 1;
				done.push(index);
			});
		}

		await pool.drain();
		expect(most).toBe(2);
		expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
	});
});
