/** Start and stop a real S3-compatible server (s3rver in a child process) for tests. */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {S3Client} from '@aws-sdk/client-s3';

/** A running test server. */
export type S3TestServer = {
	port: number;
	endpoint: string;
	/** Its data directory (removed by stop). */
	directory: string;
	/** A client with s3rver's credentials, straight to the server. */
	client: S3Client;
	stop(): Promise<void>;
};

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3-server.mjs');

/** s3rver's fixed credentials and the region tests use. */
export const s3rverCredentials = {accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER'};
export const s3rverRegion = 'us-east-1';

/** A client for a test endpoint (the server or a fault proxy in front of it). */
export function testClient(endpoint: string): S3Client {
	return new S3Client({
		endpoint,
		region: s3rverRegion,
		forcePathStyle: true,
		credentials: s3rverCredentials,
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
	});
}

/** Environment for code under test that builds its own client from the default credential chain. */
export const s3rverEnv = {
	AWS_ACCESS_KEY_ID: 'S3RVER',
	AWS_SECRET_ACCESS_KEY: 'S3RVER',
	AWS_REGION: s3rverRegion,
	AWS_EC2_METADATA_DISABLED: 'true',
	AWS_CONFIG_FILE: '/nonexistent/clicktrail-test-aws-config',
	AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/clicktrail-test-aws-credentials',
};

/**
 * Start s3rver with these buckets; call stop() in afterAll. `seeds` maps a bucket to a local folder
 * whose files become its objects (key = path relative to the folder), e.g. generateSample's outDir.
 */
export async function startS3Server(
	buckets: readonly string[],
	seeds: Record<string, string> = {},
): Promise<S3TestServer> {
	const directory = await mkdtemp(path.join(tmpdir(), 'clicktrail-s3rver-'));
	const bucketArgs = buckets.map(bucket => (seeds[bucket] === undefined ? bucket : `${bucket}=${seeds[bucket]}`));
	const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', script, directory, ...bucketArgs], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const port = await new Promise<number>((resolve, reject) => {
		const lines = createInterface({input: child.stdout!});
		lines.once('line', line => {
			try {
				resolve((JSON.parse(line) as {port: number}).port);
			} catch (error) {
				reject(error as Error);
			}
		});
		child.once('exit', code => {
			reject(new Error(`s3rver exited with ${code}: ${stderr}`));
		});
	});
	const endpoint = `http://127.0.0.1:${port}`;
	const client = testClient(endpoint);
	return {
		port,
		endpoint,
		directory,
		client,
		async stop() {
			client.destroy();
			if (child.exitCode === null) {
				const exited = new Promise(resolve => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}

			await rm(directory, {recursive: true, force: true});
		},
	};
}
