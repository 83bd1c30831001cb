/** The S3 source: list a bucket by the CloudTrail layout, mirror wanted objects locally, hand the files on. */
import './sdk-env.js';
import type {InputFile} from '../input-file.js';
import {createS3Client, timeoutsFromEnv, type S3Timeouts} from './client.js';
import {defaultDownloadConcurrency, downloadObject} from './download.js';
import {isDigestKey} from './cloudtrail-key.js';
import {planListing, type LayoutFilters} from './listing-plan.js';
import {listObjects} from './list.js';
import {createPool} from '../pool.js';
import {parseS3Uri} from './uri.js';

export {defaultCacheDir, readCacheRecord, recordPath} from './cache.js';
export {S3SourceError} from './errors.js';
export {parseS3Uri, type S3Location} from './uri.js';
export {createS3Client, defaultTimeouts, timeoutsFromEnv, type S3ClientOptions, type S3Timeouts} from './client.js';

/** Counters, as they stand. */
export type FetchS3Progress = {
	/** Objects the listing found (wanted ones only). */
	listed: number;
	/** Objects fetched over the network. */
	downloaded: number;
	/** Objects already in the cache with the same ETag and size. */
	cached: number;
	/** Bytes received over the network. */
	bytes: number;
	/** Objects that could not be fetched. */
	failed: number;
};

/** Final counters of a fetch. */
export type FetchS3Stats = FetchS3Progress & {
	/** ListObjectsV2 requests sent (continuation pages included). */
	listRequests: number;
	/** GetObject requests sent (body retries included). */
	getRequests: number;
};

/** An object that could not be fetched, and why, in one line. */
export type S3Failure = {origin: string; reason: string};

/** Options for {@link fetchS3}. */
export type FetchS3Options = {
	/** s3://BUCKET[/PREFIX]; the prefix may point anywhere in the CloudTrail layout. */
	uri: string;
	/** Only these account ids. */
	accounts?: string[];
	/** Only these regions. */
	regions?: string[];
	/** Only files that can hold events at or after this time. */
	since?: Date;
	/** Only files that can hold events at or before this time. */
	until?: Date;
	/** Where objects are mirrored, as <cacheDir>/<bucket>/<key> (see defaultCacheDir). */
	cacheDir: string;
	/** --profile */
	profile?: string;
	/** --region */
	region?: string;
	/** --endpoint-url */
	endpointUrl?: string;
	/** Also fetch CloudTrail-Digest objects, recording their signature metadata in the cache. */
	withDigests?: boolean;
	/**
	 * Every object under the prefix is a file to load, whatever its name (an Athena UNLOAD's output), instead of a
	 * trail's layout to search for AWSLogs/ folders and .json names.
	 */
	wholePrefix?: boolean;
	/** How long to wait on S3 (default: $CLICKTRAIL_S3_TIMEOUT, else defaultTimeouts). */
	timeouts?: S3Timeouts;
	/** Downloads at once (default: 4 per core, at most 16). */
	concurrency?: number;
	onProgress?: (progress: FetchS3Progress) => void;
	signal?: AbortSignal;
};

/** What {@link fetchS3} gives back. */
export type FetchS3Result = {
	/** Log files for the loader, by origin. Digests are not among them. */
	files: InputFile[];
	/** Digest files (with `withDigests`); their signature metadata is in the cache's record (readCacheRecord). */
	digests: InputFile[];
	/** Objects that failed after retries; the others were fetched. */
	failures: S3Failure[];
	stats: FetchS3Stats;
};

/** How often progress is reported while bytes arrive. */
const progressIntervalMs = 100;

/**
 * Fetch the CloudTrail objects under an S3 URI into the local cache. Listing failures are fatal
 * ({@link S3SourceError}); an object that fails after retries goes into `failures` and the rest go on.
 * Aborting `signal` rejects with its reason.
 */
export async function fetchS3(options: FetchS3Options): Promise<FetchS3Result> {
	const {bucket, prefix} = parseS3Uri(options.uri);
	const filters: LayoutFilters = {
		...(options.accounts === undefined ? {} : {accounts: options.accounts}),
		...(options.regions === undefined ? {} : {regions: options.regions}),
		...(options.since === undefined ? {} : {since: options.since}),
		...(options.until === undefined ? {} : {until: options.until}),
		withDigests: options.withDigests === true,
		now: new Date(),
	};
	const timeouts = options.timeouts ?? timeoutsFromEnv();
	const client = createS3Client({
		...(options.region === undefined ? {} : {region: options.region}),
		...(options.profile === undefined ? {} : {profile: options.profile}),
		...(options.endpointUrl === undefined ? {} : {endpointUrl: options.endpointUrl}),
		timeouts,
	});
	const stats: FetchS3Stats = {
		listed: 0,
		downloaded: 0,
		cached: 0,
		bytes: 0,
		failed: 0,
		listRequests: 0,
		getRequests: 0,
	};
	const files: InputFile[] = [];
	const digests: InputFile[] = [];
	const failures: S3Failure[] = [];
	let lastReport = 0;
	const report = (force: boolean): void => {
		const now = Date.now();
		if (options.onProgress && (force || now - lastReport >= progressIntervalMs)) {
			lastReport = now;
			const {listed, downloaded, cached, bytes, failed} = stats;
			options.onProgress({listed, downloaded, cached, bytes, failed});
		}
	};

	const pool = createPool(options.concurrency ?? defaultDownloadConcurrency);
	const signalOption = options.signal ? {signal: options.signal} : {};
	try {
		for await (const page of listObjects({
			client,
			bucket,
			steps: options.wholePrefix === true ? [{mode: 'all', prefix}] : planListing(prefix, filters),
			filters,
			...signalOption,
			onRequest() {
				stats.listRequests += 1;
			},
		})) {
			stats.listed += page.length;
			report(true);
			for (const object of page) {
				const digest = isDigestKey(object.key);

				await pool.add(async () => {
					const outcome = await downloadObject(
						{bucket, ...object, withMeta: digest},
						{
							client,
							cacheDir: options.cacheDir,
							idleMs: timeouts.idleMs,
							...signalOption,
							onBytes(bytes) {
								stats.bytes += bytes;
								report(false);
							},
							onRequest() {
								stats.getRequests += 1;
							},
						},
					);
					if (outcome.status === 'failed') {
						stats.failed += 1;
						failures.push({origin: outcome.origin, reason: outcome.reason});
					} else {
						stats[outcome.status] += 1;
						(digest ? digests : files).push(outcome.file);
					}

					report(true);
				});
				if (options.signal?.aborted) {
					throw options.signal.reason;
				}
			}
		}
	} finally {
		await pool.drain();
		client.destroy();
	}

	if (options.signal?.aborted) {
		throw options.signal.reason;
	}

	const byOrigin = (a: {origin: string}, b: {origin: string}): number =>
		a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0;
	files.sort(byOrigin);
	digests.sort(byOrigin);
	failures.sort(byOrigin);
	report(true);
	return {files, digests, failures, stats};
}
