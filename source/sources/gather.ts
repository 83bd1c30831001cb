/**
 * SOURCE arguments -> local files for the loader: local paths and globs as they are, s3:// URIs fetched into the
 * local cache first (only the prefixes that can hold the accounts, regions and days asked for).
 */
import {EXIT, UserError} from '../exit-codes.js';
import type {Options} from '../options.js';
import {inert} from '../text/inert.js';
import type {InputFile} from './input-file.js';
import {expandLocalSources} from './local.js';

export type Gathered = {
	files: InputFile[];
	failures: {origin: string; reason: string}[];
	ignored: number;
	/** Passed over on purpose, with the reason (a folder already walked through another link). */
	notes: {origin: string; reason: string}[];
};

export async function gatherSources(
	options: Options,
	io: {quiet: boolean; stderr: NodeJS.WriteStream},
): Promise<Gathered> {
	const local = options.sources.filter(source => !source.startsWith('s3://'));
	const remote = options.sources.filter(source => source.startsWith('s3://'));
	const expansion = await expandLocalSources(local);
	const gathered: Gathered = {
		files: expansion.files,
		failures: expansion.errors,
		ignored: expansion.ignored,
		notes: expansion.notes,
	};
	if (remote.length === 0) return gathered;

	// Loaded only when needed: the AWS SDK costs start-up time.
	const {fetchS3, defaultCacheDir, S3SourceError} = await import('./s3/index.js');
	// A bucket that cannot be listed stops the load with its one-line message (no stack trace).
	const fetchS3WithMessages: typeof fetchS3 = async fetchOptions => {
		try {
			return await fetchS3(fetchOptions);
		} catch (error) {
			if (error instanceof S3SourceError) throw new UserError(inert(error.message), EXIT.error);
			throw error;
		}
	};
	for (const uri of remote) {
		const started = performance.now();
		const line = (text: string) => {
			if (io.quiet) return;
			io.stderr.write(io.stderr.isTTY ? `\r\u001b[2K${text}` : `${text}\n`);
		};
		let last = 0;
		const result = await fetchS3WithMessages({
			uri,
			accounts: options.s3.accounts.length > 0 ? options.s3.accounts : undefined,
			regions: options.s3.regions.length > 0 ? options.s3.regions : undefined,
			since: options.since,
			until: options.until,
			cacheDir: options.s3.cacheDir ?? defaultCacheDir(),
			profile: options.s3.profile,
			region: options.s3.bucketRegion,
			endpointUrl: options.s3.endpointUrl,
			withDigests: options.s3.withDigests,
			...(options.s3.wholePrefix === true ? {wholePrefix: true} : {}),
			onProgress(p) {
				const now = performance.now();
				if (now - last < (io.stderr.isTTY ? 100 : 5000)) return;
				last = now;
				const seconds = (now - started) / 1000;
				line(
					`${uri}: ${p.listed.toLocaleString('en-US')} objects listed, ${p.downloaded.toLocaleString('en-US')} downloaded, ${p.cached.toLocaleString('en-US')} cached, ${(p.bytes / 1024 / 1024).toFixed(1)} MB (${(p.bytes / 1024 / 1024 / Math.max(seconds, 0.001)).toFixed(1)} MB/s)${p.failed > 0 ? `, ${p.failed} failed` : ''}`,
				);
			},
		});
		const {stats} = result;
		if (!io.quiet) {
			if (io.stderr.isTTY) io.stderr.write('\r\u001b[2K');
			io.stderr.write(
				`${uri}: ${stats.listed.toLocaleString('en-US')} objects (${stats.downloaded.toLocaleString('en-US')} downloaded, ${stats.cached.toLocaleString('en-US')} from cache, ${stats.failed.toLocaleString('en-US')} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${stats.listRequests} list requests\n`,
			);
		}
		gathered.files.push(...result.files);
		gathered.failures.push(...result.failures);
	}
	return gathered;
}
