/**
 * `clicktrail verify s3://...` through the built CLI (run `npm run build` first) against a local S3 server seeded
 * with a signed generated archive, each digest carrying its signature as object metadata as CloudTrail writes it.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateSample, sampleTestPublicKeys} from '../../source/sample/index.js';
import type {GroundTruth} from '../../source/sample/types.js';
import type {VerifyReport} from '../../source/verify/index.js';
import {runCli} from '../helpers/cli.js';
import {putObjects} from '../helpers/s3-fixtures.js';
import {s3rverEnv, startS3Server, type S3TestServer} from '../helpers/s3-server.js';
import {tempDir} from '../helpers/temp.js';

let work: string;
let truth: GroundTruth;
let server: S3TestServer;
let keys: string;
const env = {...s3rverEnv, AWS_PROFILE: undefined, AWS_DEFAULT_REGION: undefined};

beforeAll(async () => {
	work = await tempDir('clicktrail-verify-s3-');
	const archive = path.join(work, 'archive');
	const signatures = path.join(work, 'signatures.json');
	keys = path.join(work, 'keys.json');
	truth = await generateSample({
		outDir: archive,
		events: 2000,
		recordsPerFile: 50,
		seed: 5,
		start: '2024-12-01T00:00:00Z',
		end: '2024-12-05T00:00:00Z',
		signaturesFile: signatures,
	});
	await writeFile(keys, JSON.stringify(sampleTestPublicKeys()));
	server = await startS3Server([truth.bucket], {[truth.bucket]: archive});
	// Put each digest again with the metadata CloudTrail gives it.
	const map = JSON.parse(await readFile(signatures, 'utf8')) as Record<string, string>;
	await putObjects(
		server.client,
		truth.bucket,
		await Promise.all(
			truth.digestFiles.map(async key => ({
				key,
				body: await readFile(path.join(archive, key)),
				metadata: {signature: map[key]!, 'signature-algorithm': 'SHA256withRSA'},
			})),
		),
	);
});

afterAll(async () => {
	await server?.stop();
});

describe('clicktrail verify s3://', () => {
	it('fetches logs and digests with their signatures and verifies them clean', async () => {
		const cacheDir = path.join(work, 'cache');
		const result = await runCli(
			[
				'verify',
				`s3://${truth.bucket}`,
				'--endpoint-url',
				server.endpoint,
				'--cache-dir',
				cacheDir,
				'--public-keys',
				keys,
				'--format',
				'json',
			],
			env,
		);
		expect(result.code, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as VerifyReport;
		expect(report.summary).toMatchObject({
			ok: true,
			digests: truth.digestFiles.length,
			logFiles: truth.logFiles.length,
			signaturesChecked: truth.digestFiles.length,
		});
		expect(report.findings.every(f => f.status === 'valid')).toBe(true);
	});

	it('records integrity under the s3:// URIs a bucket load wrote to the ledger', async () => {
		const cacheDir = path.join(work, 'cache-ledger');
		const db = path.join(work, 's3.duckdb');
		const common = ['--endpoint-url', server.endpoint, '--cache-dir', cacheDir];
		expect((await runCli(['load', `s3://${truth.bucket}`, ...common, '--db', db, '--quiet'], env)).code).toBe(0);
		const result = await runCli(['verify', `s3://${truth.bucket}`, ...common, '--public-keys', keys, '--db', db], env);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toContain(`recorded the integrity of ${truth.logFiles.length} loaded files`);
		// The cached tree verified as a local folder maps back to the same URIs.
		const local = await runCli([
			'verify',
			path.join(cacheDir, truth.bucket),
			'--cache-dir',
			cacheDir,
			'--public-keys',
			keys,
			'--db',
			db,
		]);
		expect(local.code, local.stdout + local.stderr).toBe(0);
		expect(local.stdout).toContain(`${truth.digestFiles.length} of ${truth.digestFiles.length} verified`);
		expect(local.stderr).toContain(`recorded the integrity of ${truth.logFiles.length} loaded files`);
	});
});
