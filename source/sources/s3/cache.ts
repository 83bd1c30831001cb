/**
 * The local mirror of S3 objects. Object bytes live at <cacheDir>/<bucket>/<key>; everything clicktrail
 * writes about them lives apart, under <cacheDir>/.clicktrail/ (a bucket name cannot start with '.'), so that no
 * object key can overwrite or pass for a record, a signature sidecar or a partial download:
 * - .clicktrail/objects/<hh>/<sha256 of "bucket/key">: what was fetched (origin, ETag, size, signature metadata);
 * - .clicktrail/tmp/<random>: downloads and records being written, renamed into place when complete.
 * Caches written before this layout kept `<file>.s3.json` and `<file>.meta.json` beside the objects: those are not
 * read any more, so such objects are fetched once again.
 */
import {createHash, randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, stat, unlink, writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import path from 'node:path';

/** What the cache records about a fetched object. */
export type CacheRecord = {
	origin: string;
	etag: string;
	size: number;
	fetchedAt: string;
	/** A digest's signature metadata (x-amz-meta-signature, x-amz-meta-signature-algorithm), when it was asked for. */
	'x-amz-meta-signature'?: string | null;
	'x-amz-meta-signature-algorithm'?: string | null;
};

/** The folder inside a cache that holds records and temporary files (never a bucket: names start with a-z or 0-9). */
export const stateFolder = '.clicktrail';

/** The default cache folder: $XDG_CACHE_HOME/clicktrail/s3, else ~/.cache/clicktrail/s3. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
	const base =
		env['XDG_CACHE_HOME'] !== undefined && path.isAbsolute(env['XDG_CACHE_HOME'])
			? env['XDG_CACHE_HOME']
			: path.join(homedir(), '.cache');
	return path.join(base, 'clicktrail', 's3');
}

/**
 * The cached path of an object, or undefined when its key cannot be mirrored safely (an empty,
 * '.' or '..' segment would write outside the bucket's folder or collide).
 */
export function cachePath(cacheDir: string, bucket: string, key: string): string | undefined {
	const segments = [bucket, ...key.split('/')];
	if (
		segments.some(
			segment =>
				segment === '' || segment === '.' || segment === '..' || segment.includes('\0') || segment.includes('\\'),
		) ||
		bucket.startsWith('.')
	) {
		return undefined;
	}

	return path.join(cacheDir, ...segments);
}

/** Where the record of s3://bucket/key is kept: named by a hash, so no key can choose or collide with it. */
export function recordPath(cacheDir: string, bucket: string, key: string): string {
	const digest = createHash('sha256').update(`${bucket}/${key}`).digest('hex');
	return path.join(cacheDir, stateFolder, 'objects', digest.slice(0, 2), digest);
}

/** A new unique temporary file name in the cache's own folder (same file system as the objects, for rename). */
export async function temporaryPath(cacheDir: string): Promise<string> {
	const folder = path.join(cacheDir, stateFolder, 'tmp');
	await mkdir(folder, {recursive: true});
	return path.join(folder, randomBytes(12).toString('hex'));
}

const stripQuotes = (etag: string): string => etag.replaceAll('"', '');

/** The record of a cached object, or undefined when there is none (or it is unreadable). */
export async function readCacheRecord(cacheDir: string, bucket: string, key: string): Promise<CacheRecord | undefined> {
	try {
		const record = JSON.parse(await readFile(recordPath(cacheDir, bucket, key), 'utf8')) as CacheRecord;
		return record.origin === `s3://${bucket}/${key}` ? record : undefined;
	} catch {
		return undefined;
	}
}

/** True when `file` holds s3://bucket/key with this ETag and size (and, if asked, its signature metadata). */
export async function isCached(
	object: {cacheDir: string; bucket: string; key: string; file: string},
	etag: string,
	size: number,
	needsMeta = false,
): Promise<boolean> {
	try {
		const [info, record] = await Promise.all([
			stat(object.file),
			readCacheRecord(object.cacheDir, object.bucket, object.key),
		]);
		return (
			record !== undefined &&
			info.isFile() &&
			info.size === size &&
			record.size === size &&
			etag !== '' &&
			stripQuotes(record.etag ?? '') === stripQuotes(etag) &&
			(!needsMeta || 'x-amz-meta-signature' in record)
		);
	} catch {
		return false;
	}
}

/** Write a small file whole or not at all (temporary name in the cache's own folder, then rename). */
export async function writeFileAtomic(cacheDir: string, file: string, text: string): Promise<void> {
	const temporary = await temporaryPath(cacheDir);
	try {
		await mkdir(path.dirname(file), {recursive: true});
		await writeFile(temporary, text);
		await rename(temporary, file);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}
