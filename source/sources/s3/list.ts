/** Execute a listing plan with ListObjectsV2, a few prefixes at a time. */
import './sdk-env.js';
import {ListObjectsV2Command, type S3Client} from '@aws-sdk/client-s3';
import {describeS3Error, S3SourceError} from './errors.js';
import {looksLikeLogFile} from './cloudtrail-key.js';
import {expandChild, keyWanted, type LayoutFilters, type ListStep} from './listing-plan.js';

/** One object a listing found. */
export type ListedObject = {
	key: string;
	size: number;
	/** As S3 gives it, quotes included. */
	etag: string;
};

/** Options for {@link listObjects}. */
export type ListOptions = {
	client: S3Client;
	bucket: string;
	/** The plan's first steps (see planListing); discover steps add more as folders are found. */
	steps: readonly ListStep[];
	filters: LayoutFilters;
	/** Prefixes listed at once. */
	concurrency?: number;
	signal?: AbortSignal;
	/** Called once per ListObjectsV2 request sent. */
	onRequest?: (request: {prefix: string; delimiter: boolean}) => void;
};

/**
 * Prefixes listed at once. Each listing is a chain of requests (a continuation token per 1,000 keys),
 * so parallelism comes from listing several prefixes (days, regions, accounts) together.
 */
export const defaultListConcurrency = 8;

/** Objects waiting for the consumer before listing pauses. */
const bufferLimit = 20_000;

/**
 * List every wanted object of a plan, once each, in pages. Throws {@link S3SourceError} when a listing fails
 * (after the client's retries).
 */
export async function* listObjects(options: ListOptions): AsyncGenerator<ListedObject[]> {
	const {client, bucket, filters} = options;
	const concurrency = Math.max(1, options.concurrency ?? defaultListConcurrency);
	const pending: ListStep[] = [...options.steps];
	const pages: ListedObject[][] = [];
	const seen = new Set<string>();
	// Folders already expanded: a server may repeat a common prefix on the next page.
	const planned = new Set<string>();
	const controller = new AbortController();
	const onAbort = (): void => {
		controller.abort(options.signal?.reason);
	};

	options.signal?.addEventListener('abort', onAbort, {once: true});
	let buffered = 0;
	let active = 0;
	let failure: unknown;
	let wake: (() => void) | undefined;
	let spaceWaiters: Array<() => void> = [];
	const notify = (): void => {
		const resume = wake;
		wake = undefined;
		resume?.();
	};

	const releaseSpace = (): void => {
		const waiters = spaceWaiters;
		spaceWaiters = [];
		for (const resume of waiters) {
			resume();
		}
	};

	const runStep = async (step: ListStep): Promise<void> => {
		let token: string | undefined;
		do {
			while (buffered > bufferLimit && !controller.signal.aborted) {
				await new Promise<void>(resolve => {
					spaceWaiters.push(resolve);
				});
			}

			if (controller.signal.aborted) {
				return;
			}

			options.onRequest?.({prefix: step.prefix, delimiter: step.mode === 'discover'});
			let response;
			try {
				response = await client.send(
					new ListObjectsV2Command({
						Bucket: bucket,
						Prefix: step.prefix,
						...(step.mode === 'discover' ? {Delimiter: '/'} : {}),
						...(token === undefined ? {} : {ContinuationToken: token}),
					}),
					{abortSignal: controller.signal},
				);
			} catch (error) {
				if (controller.signal.aborted) {
					throw options.signal?.reason ?? error;
				}

				throw new S3SourceError(describeS3Error(error, {action: 'list', bucket, prefix: step.prefix}), {cause: error});
			}

			const page: ListedObject[] = [];
			for (const object of response.Contents ?? []) {
				const key = object.Key;
				if (
					key === undefined ||
					seen.has(key) ||
					!keyWanted(key, filters) ||
					(step.mode === 'discover' && step.position.level === 'above' && !looksLikeLogFile(key))
				) {
					continue;
				}

				seen.add(key);
				page.push({key, size: object.Size ?? 0, etag: object.ETag ?? ''});
			}

			if (step.mode === 'discover') {
				const children = (response.CommonPrefixes ?? [])
					.map(common => common.Prefix)
					.filter((prefix): prefix is string => prefix !== undefined && !planned.has(prefix))
					.flatMap(prefix => {
						planned.add(prefix);
						return expandChild(step.position, prefix, filters);
					});
				pending.push(...children);
				pump();
			}

			if (page.length > 0) {
				pages.push(page);
				buffered += page.length;
				notify();
			}

			token = response.IsTruncated ? response.NextContinuationToken : undefined;
		} while (token !== undefined);
	};

	function pump(): void {
		while (failure === undefined && active < concurrency && pending.length > 0) {
			const step = pending.shift()!;
			active += 1;
			runStep(step).then(
				() => {
					active -= 1;
					pump();
					notify();
				},
				(error: unknown) => {
					active -= 1;
					failure ??= error;
					controller.abort(error);
					releaseSpace();
					notify();
				},
			);
		}
	}

	try {
		pump();
		for (;;) {
			if (options.signal?.aborted) {
				throw options.signal.reason;
			}

			const page = pages.shift();
			if (page) {
				buffered -= page.length;
				releaseSpace();
				yield page;
				continue;
			}

			if (failure !== undefined) {
				throw failure;
			}

			if (active === 0 && pending.length === 0) {
				return;
			}

			await new Promise<void>(resolve => {
				wake = resolve;
			});
		}
	} finally {
		options.signal?.removeEventListener('abort', onAbort);
		if (!controller.signal.aborted) {
			controller.abort();
		}

		releaseSpace();
	}
}
