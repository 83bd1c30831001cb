/**
 * Fetch one S3 object into the cache, whole or not at all, retrying a body cut mid-stream, stalled, or not
 * matching its ETag.
 */
import './sdk-env.js';
import {createHash} from 'node:crypto';
import {createWriteStream} from 'node:fs';
import {mkdir, rename, unlink} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {Transform, type Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {setTimeout as sleep} from 'node:timers/promises';
import {GetObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import type {InputFile} from '../input-file.js';
import {cachePath, isCached, recordPath, temporaryPath, writeFileAtomic, type CacheRecord} from './cache.js';
import {describeS3Error} from './errors.js';

/**
 * Downloads at once: 4 per core, at most 16. Fetching is network bound: each download mostly waits on
 * S3 and spends little CPU (bytes go to disk as they come, undecompressed), so several per core keep
 * the link busy even on a 2-core machine; past about 16 a single client gains little, and the cap
 * leaves sockets in the SDK's pool (50) for listing and keeps the event loop free for the screen.
 */
export const defaultDownloadConcurrency = Math.min(16, 4 * availableParallelism());

/**
 * Tries per object when its body fails mid-stream, stalls, or does not match its ETag (the SDK retries only until
 * the headers arrive).
 */
export const bodyAttempts = 4;

/** One object to fetch. */
export type DownloadItem = {
	bucket: string;
	key: string;
	/** Size and ETag from the listing: an object cached with both is not fetched again. */
	size: number;
	etag: string;
	/** Record x-amz-meta-signature and x-amz-meta-signature-algorithm with the object (see readCacheRecord). */
	withMeta?: boolean;
};

/** What became of one object. */
export type DownloadOutcome =
	{status: 'downloaded' | 'cached'; file: InputFile} | {status: 'failed'; origin: string; reason: string};

/** Options for {@link downloadObject}. */
export type DownloadOptions = {
	client: S3Client;
	cacheDir: string;
	signal?: AbortSignal;
	/** Called with each chunk's byte count as it arrives. */
	onBytes?: (bytes: number) => void;
	/** Called once per GetObject request sent. */
	onRequest?: () => void;
	/** Backoff before body retry n (1-based); tests shorten it. */
	backoff?: (attempt: number) => number;
	/** The client's idle timeout, for the message of a body that stalls. */
	idleMs?: number;
};

/** Exponential backoff with full jitter: up to 0.25 s, 0.5 s, 1 s, ... capped at 5 s. */
const defaultBackoff = (attempt: number): number => Math.random() * Math.min(5000, 250 * 2 ** (attempt - 1));

/** A body that failed after the response began: worth another try. */
class BodyError extends Error {
	override name = 'BodyError';
}

/** An error of the local file system (a Node system error with a syscall), not of S3. */
const isLocalFileError = (error: unknown): boolean =>
	typeof error === 'object' &&
	error !== null &&
	typeof (error as {syscall?: unknown}).syscall === 'string' &&
	typeof (error as {path?: unknown}).path === 'string';

const originOf = (item: DownloadItem): string => `s3://${item.bucket}/${item.key}`;

/** Fetch an object into `<cacheDir>/<bucket>/<key>` unless it is cached already; never throws but on abort. */
export async function downloadObject(item: DownloadItem, options: DownloadOptions): Promise<DownloadOutcome> {
	const origin = originOf(item);
	const file = cachePath(options.cacheDir, item.bucket, item.key);
	if (file === undefined) {
		return {status: 'failed', origin, reason: `key cannot be saved as a local file: ${origin}`};
	}

	if (
		await isCached(
			{cacheDir: options.cacheDir, bucket: item.bucket, key: item.key, file},
			item.etag,
			item.size,
			item.withMeta === true,
		)
	) {
		return {status: 'cached', file: {path: file, origin, size: item.size}};
	}

	const backoff = options.backoff ?? defaultBackoff;
	for (let attempt = 1; ; attempt++) {
		try {
			const size = await fetchOnce(item, file, options);
			return {status: 'downloaded', file: {path: file, origin, size}};
		} catch (error) {
			if (options.signal?.aborted) {
				throw options.signal.reason;
			}

			if (isLocalFileError(error)) {
				return {status: 'failed', origin, reason: `cannot save ${origin} in the cache: ${(error as Error).message}`};
			}

			if (!(error instanceof BodyError)) {
				return {
					status: 'failed',
					origin,
					reason: describeS3Error(error, {action: 'get', bucket: item.bucket, key: item.key}),
				};
			}

			if (attempt >= bodyAttempts) {
				return {status: 'failed', origin, reason: `${error.message} (${attempt} attempts)`};
			}

			await sleep(backoff(attempt), undefined, options.signal ? {signal: options.signal} : {});
		}
	}
}

/**
 * The MD5 an object's ETag stands for, or undefined when it is not one: S3's ETag is the MD5 of the bytes only
 * for objects uploaded in one part and stored without SSE-KMS or SSE-C (a multipart ETag ends in -N; an SSE-KMS
 * or SSE-C ETag is 32 hex digits too, but not the MD5 of the content).
 */
export function plainMd5(
	etag: string | undefined,
	encryption?: {serverSideEncryption?: string; customerAlgorithm?: string},
): string | undefined {
	const match = /^"?([\da-f]{32})"?$/i.exec(etag ?? '');
	if (
		!match ||
		encryption?.customerAlgorithm !== undefined ||
		(encryption?.serverSideEncryption ?? '').startsWith('aws:kms')
	) {
		return undefined;
	}

	return match[1]!.toLowerCase();
}

/** One GetObject into a temporary file, renamed to `file` when every byte arrived (and matched its MD5). Returns the size. */
async function fetchOnce(item: DownloadItem, file: string, options: DownloadOptions): Promise<number> {
	const {cacheDir} = options;
	// Before the request: a cache that cannot be written fails here, not with a response left unread.
	const partial = await temporaryPath(cacheDir);
	options.onRequest?.();
	const response = await options.client.send(
		new GetObjectCommand({Bucket: item.bucket, Key: item.key}),
		options.signal ? {abortSignal: options.signal} : {},
	);
	const body = response.Body as Readable | undefined;
	const expected = response.ContentLength ?? item.size;
	const md5 = plainMd5(response.ETag, {
		...(response.ServerSideEncryption === undefined ? {} : {serverSideEncryption: response.ServerSideEncryption}),
		...(response.SSECustomerAlgorithm === undefined ? {} : {customerAlgorithm: response.SSECustomerAlgorithm}),
	});
	const hash = md5 === undefined ? undefined : createHash('md5');
	let received = 0;
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			received += chunk.length;
			hash?.update(chunk);
			options.onBytes?.(chunk.length);
			callback(null, chunk);
		},
	});

	try {
		try {
			if (body === undefined) {
				throw new BodyError(`no body for ${originOf(item)}`);
			}

			await pipeline(body, counter, createWriteStream(partial), options.signal ? {signal: options.signal} : {});
		} catch (error) {
			if (error instanceof BodyError || options.signal?.aborted) {
				throw error;
			}

			if ((error as Error).name === 'TimeoutError') {
				const idle = options.idleMs === undefined ? '' : ` for ${options.idleMs / 1000} s`;
				throw new BodyError(
					`download of ${originOf(item)} stalled after ${received} of ${expected} bytes (no data${idle})`,
				);
			}

			const code = (error as {code?: string}).code ?? (error as Error).message;
			throw new BodyError(`download of ${originOf(item)} cut off after ${received} of ${expected} bytes (${code})`);
		}

		if (received !== expected) {
			throw new BodyError(`download of ${originOf(item)} ended after ${received} of ${expected} bytes`);
		}

		const actual = hash?.digest('hex');
		if (actual !== md5) {
			throw new BodyError(
				`download of ${originOf(item)} does not match its ETag: MD5 ${actual ?? ''} instead of ${md5 ?? ''}`,
			);
		}

		await mkdir(path.dirname(file), {recursive: true});
		// The old record goes first: a crash between the two renames leaves an object without a record (fetched again).
		await unlink(recordPath(cacheDir, item.bucket, item.key)).catch(() => undefined);
		await rename(partial, file);
	} catch (error) {
		await unlink(partial).catch(() => undefined);
		throw error;
	}

	const metadata = response.Metadata ?? {};
	const record: CacheRecord = {
		origin: originOf(item),
		etag: response.ETag ?? item.etag,
		size: received,
		fetchedAt: new Date().toISOString(),
		...(item.withMeta
			? {
					'x-amz-meta-signature': metadata['signature'] ?? null,
					'x-amz-meta-signature-algorithm': metadata['signature-algorithm'] ?? null,
				}
			: {}),
	};
	await writeFileAtomic(cacheDir, recordPath(cacheDir, item.bucket, item.key), JSON.stringify(record) + '\n');
	return received;
}
