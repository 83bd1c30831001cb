// Child process: an S3-compatible server (@20minutes/s3rver) on 127.0.0.1, on a free port.
// Run with `node --openssl-legacy-provider` (s3rver's continuation tokens use DES).
// Usage: node --openssl-legacy-provider s3-server.mjs DATA_DIR [BUCKET[=SEED_DIR]...]
// A SEED_DIR's files are put into the bucket in-process (key = path relative to SEED_DIR), far faster
// than PutObject over HTTP for thousands of objects.
// Prints one line of JSON, {"port": N}, when it listens; exits on SIGTERM or when stdin closes.
import {createReadStream, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import S3Object from '@20minutes/s3rver/lib/models/object.js';

const [directory, ...bucketArgs] = process.argv.slice(2);
if (!directory) {
	console.error('usage: s3-server.mjs DATA_DIR [BUCKET[=SEED_DIR]...]');
	process.exit(2);
}

const buckets = bucketArgs.map(arg => {
	const [name, seed] = arg.split('=');
	return {name, seed};
});

mkdirSync(directory, {recursive: true});
const server = new S3rver({
	address: '127.0.0.1',
	port: 0,
	silent: true,
	directory,
	allowMismatchedSignatures: true,
	configureBuckets: buckets.map(({name}) => ({name})),
});

// s3rver 4.0.4 bug: with a Delimiter, its filesystem walk stops one folder below the prefix, so a common
// prefix shows up only if an object sits directly in that folder (AWSLogs/ lists no account folders,
// because AWSLogs/123456789012/ holds only CloudTrail/). Here a delimited listing is computed from the
// full listing under the prefix instead. (Simplification: MaxKeys then counts objects, not common prefixes.)
const listObjects = server.store.listObjects.bind(server.store);
server.store.listObjects = async (bucket, options) => {
	const {delimiter, prefix = '', maxKeys = Number.POSITIVE_INFINITY} = options;
	if (!delimiter) {
		return listObjects(bucket, options);
	}

	const all = await listObjects(bucket, {...options, delimiter: '', maxKeys: Number.POSITIVE_INFINITY});
	const objects = [];
	const commonPrefixes = new Set();
	for (const object of all.objects) {
		const rest = object.key.slice(prefix.length);
		const index = rest.indexOf(delimiter);
		if (index === -1) {
			objects.push(object);
		} else {
			commonPrefixes.add(prefix + rest.slice(0, index + delimiter.length));
		}
	}

	return {
		objects: objects.slice(0, maxKeys),
		commonPrefixes: [...commonPrefixes].sort(),
		isTruncated: objects.length > maxKeys,
	};
};

const {port} = await server.run();
for (const {name, seed} of buckets) {
	if (!seed) {
		continue;
	}

	const files = readdirSync(seed, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => path.join(entry.parentPath ?? entry.path, entry.name));
	let next = 0;
	const putNext = async () => {
		while (next < files.length) {
			const file = files[next++];
			const key = path.relative(seed, file).split(path.sep).join('/');

			await server.store.putObject(new S3Object(name, key, createReadStream(file), {}));
		}
	};

	await Promise.all(Array.from({length: 16}, putNext));
}

process.stdout.write(JSON.stringify({port}) + '\n');

const stop = async () => {
	await server.close().catch(() => undefined);
	process.exit(0);
};

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent died or closed our stdin: stop too, so no server outlives a test run.
process.stdin.on('end', stop);
process.stdin.resume();
