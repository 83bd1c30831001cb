/**
 * The files of a copy of a trail, with their keys in the bucket's layout: a local folder (walked), or what fetchS3
 * mirrored into the cache. Reading: digests decompressed with their signatures, log files hashed as they stream.
 */
import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {pipeline} from 'node:stream/promises';
import {Writable} from 'node:stream';
import {createGunzip, gunzipSync} from 'node:zlib';
import {recordPath} from '../sources/s3/cache.js';
import {isDigestKey} from '../sources/s3/cloudtrail-key.js';
import {layoutKey, logPlace} from './keys.js';
import type {DigestInput, LogInput, TreeEntry} from './types.js';

/** A copy of a trail, ready to read. */
export type Tree = {
	/** What the user named: the folder or s3:// URI. */
	source: string;
	digests: TreeEntry[];
	logs: TreeEntry[];
	/** Files that are neither digests nor log files in the layout (passed over). */
	ignored: number;
	/** Where a key that is not in the copy would be, and its ledger names (for missing files). */
	locate(key: string): TreeEntry;
};

/** Sidecar and partial names the S3 cache wrote beside objects before its current layout: never evidence in a local copy. */
const SIDECAR = /(\.meta\.json|\.s3\.json|\.partial-[\da-f]+)$/;
const JSON_NAME = /\.json(\.gz)?$/;

/** The s3:// URI of a file in the S3 cache (<cacheDir>/<bucket>/<key>), if it is in it. */
export function cacheUri(cacheDir: string | undefined, file: string): string | undefined {
	if (cacheDir === undefined) return undefined;
	const relative = path.relative(path.resolve(cacheDir), file);
	if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
	const [bucket, ...key] = relative.split(path.sep);
	return key.length > 0 ? `s3://${bucket}/${key.join('/')}` : undefined;
}

/** Walks a local copy. Its keys start at its AWSLogs/ folder (or the folder's own place below AWSLogs/). */
export async function localTree(root: string, options: {cacheDir?: string} = {}): Promise<Tree> {
	const absolute = path.resolve(root);
	const rootSegments = absolute.split(path.sep);
	const logsIndex = rootSegments.lastIndexOf('AWSLogs');
	const keyPrefix = logsIndex < 0 ? '' : rootSegments.slice(logsIndex).join('/') + '/';
	const entry = (file: string, key: string): TreeEntry => {
		const uri = cacheUri(options.cacheDir, file);
		if (uri === undefined || options.cacheDir === undefined) return {key, path: file, ledgerNames: [file]};
		const [bucket = '', ...objectKey] = uri.slice('s3://'.length).split('/');
		const record = recordPath(options.cacheDir, bucket, objectKey.join('/'));
		return {key, path: file, ledgerNames: [file, uri], signatureFiles: [record, `${file}.meta.json`]};
	};
	const tree: Tree = {
		source: absolute,
		digests: [],
		logs: [],
		ignored: 0,
		locate(key) {
			const layout = layoutKey(key);
			const relative =
				keyPrefix !== '' && layout.startsWith(keyPrefix)
					? layout.slice(keyPrefix.length)
					: keyPrefix === ''
						? layout
						: key;
			return entry(path.join(absolute, ...relative.split('/')), key);
		},
	};
	const entries = await readdir(absolute, {recursive: true, withFileTypes: true});
	for (const item of entries) {
		if (!item.isFile()) continue;
		const file = path.join(item.parentPath, item.name);
		const key = keyPrefix + path.relative(absolute, file).split(path.sep).join('/');
		classify(tree, entry(file, key));
	}
	tree.digests.sort(byKey);
	tree.logs.sort(byKey);
	return tree;
}

/** The tree of objects fetchS3 mirrored: each cached file with its key and URI. */
export function s3Tree(args: {
	uri: string;
	bucket: string;
	cacheDir: string;
	files: readonly {path: string; origin: string}[];
}): Tree {
	const prefix = `s3://${args.bucket}/`;
	const tree: Tree = {
		source: args.uri,
		digests: [],
		logs: [],
		ignored: 0,
		locate(key) {
			const file = path.join(args.cacheDir, args.bucket, ...key.split('/'));
			return {key, path: file, ledgerNames: [`${prefix}${key}`, file]};
		},
	};
	for (const file of args.files) {
		if (!file.origin.startsWith(prefix)) continue;
		const key = file.origin.slice(prefix.length);
		// Every file here is an object of the bucket (the cache keeps its own records elsewhere): none is a sidecar.
		classify(
			tree,
			{
				key,
				path: file.path,
				ledgerNames: [file.origin, file.path],
				signatureFiles: [recordPath(args.cacheDir, args.bucket, key)],
			},
			false,
		);
	}
	tree.digests.sort(byKey);
	tree.logs.sort(byKey);
	return tree;
}

function classify(tree: Tree, entry: TreeEntry, sidecarsPossible = true): void {
	const name = entry.key.slice(entry.key.lastIndexOf('/') + 1);
	if ((sidecarsPossible && SIDECAR.test(name)) || !JSON_NAME.test(name)) tree.ignored++;
	else if (isDigestKey(entry.key)) tree.digests.push(entry);
	else if (logPlace(entry.key)) tree.logs.push(entry);
	else tree.ignored++;
}

const byKey = (a: TreeEntry, b: TreeEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Signatures by digest key (from --signatures); looked up by exact key, else from AWSLogs/ on. */
export type SignatureMap = {get(key: string): string | undefined};

/** A --signatures file's object as a lookup. Throws an Error on a file that is not such an object. */
export function signatureMap(json: string): SignatureMap {
	const data = JSON.parse(json) as unknown;
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new Error('expected a JSON object mapping digest keys to hex signatures');
	const exact = new Map<string, string>();
	const layout = new Map<string, string>();
	for (const [key, value] of Object.entries(data)) {
		if (typeof value !== 'string') throw new Error(`the signature of ${key} is not a string`);
		exact.set(key, value);
		layout.set(layoutKey(key), value);
	}
	return {get: key => exact.get(key) ?? layout.get(layoutKey(key))};
}

/** Reads a digest: decompressed bytes, and its signature from `signatures`, else its signature files (see TreeEntry). */
export async function readDigest(entry: TreeEntry, signatures?: SignatureMap): Promise<DigestInput> {
	const digest: DigestInput = {...entry, content: {error: 'not read'}};
	try {
		const raw = await readFile(entry.path);
		digest.content = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
	} catch (error) {
		digest.content = {error: describe(error)};
	}
	const signature = signatures?.get(entry.key);
	if (signature !== undefined) {
		digest.signature = signature;
		return digest;
	}
	for (const file of entry.signatureFiles ?? [`${entry.path}.meta.json`]) {
		let meta: Record<string, unknown>;
		try {
			meta = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
		} catch {
			continue; // No such file: try the next.
		}
		const value = meta['x-amz-meta-signature'] ?? meta['signature'];
		const algorithm = meta['x-amz-meta-signature-algorithm'] ?? meta['signature-algorithm'];
		if (typeof value === 'string') digest.signature = value;
		if (typeof algorithm === 'string') digest.signatureAlgorithm = algorithm;
		break;
	}
	return digest;
}

/** SHA-256 of a log file's decompressed content (gzip'd or plain), streamed. */
export async function hashLog(entry: TreeEntry): Promise<LogInput> {
	const hash = createHash('sha256');
	const sink = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			hash.update(chunk);
			callback();
		},
	});
	try {
		const head = await firstBytes(entry.path);
		const gzip = head[0] === 0x1f && head[1] === 0x8b;
		await (gzip
			? pipeline(createReadStream(entry.path), createGunzip(), sink)
			: pipeline(createReadStream(entry.path), sink));
		return {...entry, sha256: hash.digest('hex')};
	} catch (error) {
		return {...entry, error: describe(error)};
	}
}

async function firstBytes(file: string): Promise<Buffer> {
	const stream = createReadStream(file, {start: 0, end: 1});
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Runs `work` on every item, `limit` at once, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const out = new Array<R>(items.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			out[index] = await work(items[index] as T);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return out;
}

function describe(error: unknown): string {
	const code = (error as {code?: string}).code;
	if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'not valid gzip';
	if (code === 'ENOENT') return 'no such file';
	return error instanceof Error ? error.message : String(error);
}
