#!/usr/bin/env node
// npm run bench:s3 [-- --records N] [-- --records-per-file N] [-- --json]
// Times, in one run on the same archive: `clicktrail load DIR` from disk, then `clicktrail load s3://bucket` against
// a local S3 server (s3rver, test/helpers/s3-server.mjs) seeded with that archive, first with an empty download
// cache, then again with the cache warm. Each load goes into a fresh case file.
// The corpus is generated once by the project's seeded generator and kept in .bench/ (gitignored).
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {parseArgs} from 'node:util';

const {values} = parseArgs({
	options: {
		records: {type: 'string', default: '100000'},
		'records-per-file': {type: 'string', default: '500'},
		json: {type: 'boolean', default: false},
	},
});
const records = Number(values.records);
const perFile = Number(values['records-per-file']);
if (!Number.isInteger(records) || records < 1 || !Number.isInteger(perFile) || perFile < 1) {
	console.error('--records and --records-per-file must be positive integers');
	process.exit(2);
}

const root = path.resolve('.bench');
await mkdir(root, {recursive: true});
const bucket = 'bench';
const log = text => process.stderr.write(`${text}\n`);

const {generateSample} = await import('../dist/sample/index.js');
const {defaultDownloadConcurrency} = await import('../dist/sources/s3/download.js');

/** The archive (generated once), its ground truth and the log files' total size. */
async function corpus() {
	const dir = path.join(root, `s3-corpus-${records}-${perFile}`);
	const truthFile = `${dir}.truth.json`;
	if (!existsSync(truthFile)) {
		await rm(dir, {recursive: true, force: true});
		const started = performance.now();
		log(`generating ${dir} ...`);
		const truth = await generateSample({
			outDir: dir,
			events: records,
			seed: 42,
			recordsPerFile: perFile,
			hostile: false,
		});
		await writeFile(truthFile, JSON.stringify(truth));
		log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}

	const truth = JSON.parse(await readFile(truthFile, 'utf8'));
	let bytes = 0;
	for (const file of truth.logFiles) bytes += (await stat(path.join(dir, file))).size;
	return {dir, truth, bytes};
}

/** s3rver in a child process (with --openssl-legacy-provider: its continuation tokens use DES), seeded from `seed`. */
async function startServer(seed) {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'clicktrail-bench-s3rver-'));
	const started = performance.now();
	const child = spawn(
		process.execPath,
		['--openssl-legacy-provider', path.resolve('test/helpers/s3-server.mjs'), directory, `${bucket}=${seed}`],
		{
			stdio: ['pipe', 'pipe', 'pipe'],
		},
	);
	let stderr = '';
	child.stderr.on('data', chunk => (stderr += chunk));
	const port = await new Promise((resolve, reject) => {
		createInterface({input: child.stdout}).once('line', line => {
			try {
				resolve(JSON.parse(line).port);
			} catch (error) {
				reject(error);
			}
		});
		child.once('exit', code => reject(new Error(`s3rver exited with ${code}: ${stderr}`)));
	});
	return {
		endpoint: `http://127.0.0.1:${port}`,
		seedSeconds: (performance.now() - started) / 1000,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise(resolve => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}

			await rm(directory, {recursive: true, force: true});
		},
	};
}

const s3Env = {
	AWS_ACCESS_KEY_ID: 'S3RVER',
	AWS_SECRET_ACCESS_KEY: 'S3RVER',
	AWS_REGION: 'us-east-1',
	AWS_EC2_METADATA_DISABLED: 'true',
	AWS_CONFIG_FILE: '/nonexistent/clicktrail-bench-aws-config',
	AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/clicktrail-bench-aws-credentials',
	AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Run the built CLI; resolve with wall time and output. */
function cli(args) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const env = {...process.env, ...s3Env, TZ: 'UTC', NO_COLOR: '1'};
		delete env.AWS_PROFILE;
		const child = spawn(process.execPath, [path.resolve('dist/cli.js'), ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', chunk => (out += chunk));
		child.stderr.on('data', chunk => (err += chunk));
		child.on('error', reject);
		child.on('close', code => {
			const seconds = (performance.now() - started) / 1000;
			if (code !== 0) reject(new Error(`clicktrail ${args.join(' ')} exited ${code}\n${err}`));
			else resolve({seconds, out, err});
		});
	});
}

const number = text => Number(String(text).replaceAll(',', ''));

/** The figures a load prints: events added, and for S3 the fetch line. */
function parseLoad(run) {
	const added = /events: ([\d,]+) added/.exec(run.out);
	const fetch =
		/s3:\/\/\S+: ([\d,]+) objects \(([\d,]+) downloaded, ([\d,]+) from cache, ([\d,]+) failed\) in ([\d.]+) s, (\d+) list requests/.exec(
			run.err,
		);
	return {
		seconds: Number(run.seconds.toFixed(2)),
		eventsAdded: added ? number(added[1]) : undefined,
		...(fetch
			? {
					objects: number(fetch[1]),
					downloaded: number(fetch[2]),
					cached: number(fetch[3]),
					failed: number(fetch[4]),
					fetchSeconds: Number(fetch[5]),
					listRequests: Number(fetch[6]),
				}
			: {}),
	};
}

async function freshDb(name) {
	const db = path.join(root, name);
	await rm(db, {force: true});
	await rm(`${db}.wal`, {force: true});
	return db;
}

const {dir, truth, bytes} = await corpus();
const cacheDir = path.join(root, 's3-cache');
await rm(cacheDir, {recursive: true, force: true});
log(`seeding s3://${bucket} with ${truth.logFiles.length + truth.digestFiles.length} objects ...`);
const server = await startServer(dir);
let disk;
let cold;
let warm;
try {
	log('(a) load from disk ...');
	disk = parseLoad(await cli(['load', dir, '--db', await freshDb('s3-bench-disk.duckdb')]));
	const s3Args = async name => [
		'load',
		`s3://${bucket}`,
		'--endpoint-url',
		server.endpoint,
		'--cache-dir',
		cacheDir,
		'--db',
		await freshDb(name),
	];
	log('(b) load from S3, empty cache ...');
	cold = parseLoad(await cli(await s3Args('s3-bench-cold.duckdb')));
	log('(c) load from S3, warm cache ...');
	warm = parseLoad(await cli(await s3Args('s3-bench-warm.duckdb')));
} finally {
	await server.stop();
}

const objects = truth.logFiles.length;
const mb = value => Number((value / 1024 / 1024).toFixed(1));
const rate = (count, seconds) => Math.round(count / seconds);
const result = {
	corpus: path.basename(dir),
	records: truth.totalRecords,
	iotEvents: truth.iotEvents,
	logObjects: objects,
	digestObjects: truth.digestFiles.length,
	compressedMB: mb(bytes),
	seedSeconds: Number(server.seedSeconds.toFixed(2)),
	disk,
	s3Cold: {
		...cold,
		ratioToDisk: Number((cold.seconds / disk.seconds).toFixed(2)),
		objectsPerSecond: rate(objects, cold.seconds),
		fetchObjectsPerSecond: cold.fetchSeconds ? rate(objects, cold.fetchSeconds) : undefined,
	},
	s3Warm: {
		...warm,
		ratioToDisk: Number((warm.seconds / disk.seconds).toFixed(2)),
		objectsPerSecond: rate(objects, warm.seconds),
		fetchObjectsPerSecond: warm.fetchSeconds ? rate(objects, warm.fetchSeconds) : undefined,
	},
	downloadConcurrency: defaultDownloadConcurrency,
	machine: {cores: os.availableParallelism(), memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version},
};

if (values.json) {
	console.log(JSON.stringify(result, null, 2));
} else {
	const line = (label, run) =>
		`  ${label.padEnd(18)} ${run.seconds.toFixed(2).padStart(7)} s` +
		(run.ratioToDisk === undefined
			? ''
			: `  x${run.ratioToDisk.toFixed(2)} of disk  ${run.objectsPerSecond} objects/s overall` +
				`  (fetch ${run.fetchSeconds} s: ${run.downloaded} downloaded, ${run.cached} cached, ${run.listRequests} list requests, ${run.fetchObjectsPerSecond} objects/s)`) +
		`  ${run.eventsAdded?.toLocaleString('en-US')} events`;
	console.log(
		`${result.corpus}: ${result.records.toLocaleString('en-US')} records, ${objects} log objects (${result.compressedMB} MB gz) + ${result.digestObjects} digests; seeding ${result.seedSeconds} s\n` +
			`${line('(a) disk', disk)}\n${line('(b) s3, cold cache', result.s3Cold)}\n${line('(c) s3, warm cache', result.s3Warm)}\n` +
			`download concurrency ${result.downloadConcurrency} (defaultDownloadConcurrency = min(16, 4 x ${result.machine.cores} cores)); ` +
			`machine: ${result.machine.cores} cores, ${result.machine.memoryGB} GB, node ${result.machine.node}`,
	);
}
