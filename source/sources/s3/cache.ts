/** The local mirror of S3 objects: <cacheDir>/<bucket>/<key>, with a sidecar recording what was fetched. */
import {readFile, rename, stat, unlink, writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import path from 'node:path';
import {randomBytes} from 'node:crypto';

/** What `<file>.s3.json` records about a cached object. */
export type CacheRecord = {
	origin: string;
	etag: string;
	size: number;
	fetchedAt: string;
};

/** The default cache folder: $XDG_CACHE_HOME/clicktrail/s3, else ~/.cache/clicktrail/s3. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_CACHE_HOME'] !== undefined && path.isAbsolute(env['XDG_CACHE_HOME'])
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
	if (segments.some(segment => segment === '' || segment === '.' || segment === '..' || segment.includes('\0')
		|| segment.includes('\\'))) {
		return undefined;
	}

	return path.join(cacheDir, ...segments);
}

/** The sidecar recording the ETag and size of a cached object. */
export const recordPath = (file: string): string => `${file}.s3.json`;

/** The sidecar holding a digest object's signature metadata. */
export const metaPath = (file: string): string => `${file}.meta.json`;

/** A unique temporary name beside `file`, never the final name. */
export const partialPath = (file: string): string => `${file}.partial-${randomBytes(6).toString('hex')}`;

const stripQuotes = (etag: string): string => etag.replaceAll('"', '');

/** True when `file` holds the object with this ETag and size (and, if asked, its metadata sidecar). */
export async function isCached(file: string, etag: string, size: number, needsMeta = false): Promise<boolean> {
	try {
		const [info, record] = await Promise.all([
			stat(file),
			readFile(recordPath(file), 'utf8').then(text => JSON.parse(text) as Partial<CacheRecord>),
		]);
		if (!info.isFile() || info.size !== size || record.size !== size || etag === ''
			|| stripQuotes(record.etag ?? '') !== stripQuotes(etag)) {
			return false;
		}

		if (needsMeta) {
			await stat(metaPath(file));
		}

		return true;
	} catch {
		return false;
	}
}

/** Write a small file whole or not at all (temporary name, then rename). */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
	const temporary = partialPath(file);
	try {
		await writeFile(temporary, text);
		await rename(temporary, file);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}
