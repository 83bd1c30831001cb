/**
 * `clicktrail verify SOURCE`: check a copy of a trail (a local folder, or s3:// fetched into the cache) against
 * CloudTrail's digest files, offline; print the report; record each log file's integrity in the case file's ledger.
 */
import {access, readFile, stat} from 'node:fs/promises';
import {EXIT, UserError} from '../exit-codes.js';
import type {Options, VerifyOptions} from '../options.js';
import {defaultCacheDir} from '../sources/s3/cache.js';
import {CaseFile} from '../store/database.js';
import {recordIntegrity} from '../store/integrity.js';
import {inert} from '../text/inert.js';
import {
	formatText,
	loadPublicKeys,
	localTree,
	signatureMap,
	verifyTree,
	type SignatureMap,
	type Tree,
} from '../verify/index.js';

export async function runVerify(options: Options): Promise<number> {
	const verify = options.verify!;
	const publicKeys =
		verify.publicKeys.length > 0 ? await asUserError(() => loadPublicKeys(verify.publicKeys)) : undefined;
	const signatures = verify.signatures === undefined ? undefined : await readSignatures(verify.signatures);
	const source = verify.source.startsWith('s3://')
		? await fetchTree(options, verify)
		: await folderTree(options, verify.source);
	if (source.tree.digests.length === 0 && source.tree.logs.length === 0) {
		throw new UserError(
			`${inert(source.tree.source)}: no CloudTrail log or digest files in it (expected the AWSLogs/... layout)`,
			EXIT.error,
		);
	}
	if (source.tree.digests.length === 0 && !options.quiet) {
		process.stderr.write(
			`clicktrail: no CloudTrail-Digest files in ${inert(source.tree.source)}: nothing vouches for the log files (copy the CloudTrail-Digest/ folders too)\n`,
		);
	}
	const bucket = verify.bucket ?? source.bucket;
	const {report, ledger} = await verifyTree(source.tree, {
		...(publicKeys ? {publicKeys} : {}),
		...(signatures ? {signatures} : {}),
		...(bucket === undefined ? {} : {bucket}),
	});
	process.stdout.write(verify.format === 'json' ? JSON.stringify(report, null, '\t') + '\n' : formatText(report));

	if (verify.recordDb !== undefined) {
		const exists = await access(verify.recordDb).then(
			() => true,
			() => false,
		);
		if (exists) {
			const db = await CaseFile.open(verify.recordDb);
			try {
				const rows = await recordIntegrity(db, ledger, new Date());
				if (!options.quiet)
					process.stderr.write(
						`recorded the integrity of ${rows.toLocaleString('en-US')} loaded files in ${inert(verify.recordDb)}\n`,
					);
			} finally {
				db.close();
			}
		} else if (!options.quiet) {
			process.stderr.write(
				`clicktrail: ${inert(verify.recordDb)} does not exist: integrity not recorded (load the files first)\n`,
			);
		}
	}
	return report.summary.ok ? EXIT.ok : EXIT.problems;
}

async function folderTree(options: Options, folder: string): Promise<{tree: Tree; bucket?: string}> {
	const info = await stat(folder).catch(() => undefined);
	if (!info?.isDirectory())
		throw new UserError(
			`${inert(folder)}: ${info ? 'not a folder' : 'no such folder'} (verify reads a folder copied off S3, or s3://BUCKET[/PREFIX])`,
			EXIT.error,
		);
	return {tree: await localTree(folder, {cacheDir: options.s3.cacheDir ?? defaultCacheDir()})};
}

/** Fetches logs and digests (with their signature metadata) into the cache, and verifies what was fetched. */
async function fetchTree(options: Options, verify: VerifyOptions): Promise<{tree: Tree; bucket: string}> {
	// Loaded only when needed: the AWS SDK costs start-up time.
	const {fetchS3, parseS3Uri, S3SourceError} = await import('../sources/s3/index.js');
	const {s3Tree} = await import('../verify/tree.js');
	const cacheDir = options.s3.cacheDir ?? defaultCacheDir();
	const {bucket} = parseS3Uri(verify.source);
	const started = performance.now();
	let result;
	try {
		result = await fetchS3({
			uri: verify.source,
			...(options.s3.accounts.length > 0 ? {accounts: options.s3.accounts} : {}),
			...(options.s3.regions.length > 0 ? {regions: options.s3.regions} : {}),
			...(options.since ? {since: options.since} : {}),
			...(options.until ? {until: options.until} : {}),
			cacheDir,
			...(options.s3.profile === undefined ? {} : {profile: options.s3.profile}),
			...(options.s3.bucketRegion === undefined ? {} : {region: options.s3.bucketRegion}),
			...(options.s3.endpointUrl === undefined ? {} : {endpointUrl: options.s3.endpointUrl}),
			withDigests: true,
		});
	} catch (error) {
		if (error instanceof S3SourceError) throw new UserError(inert(error.message), EXIT.error);
		throw error;
	}
	for (const failure of result.failures)
		process.stderr.write(`failed: ${inert(failure.origin)}: ${inert(failure.reason)}\n`);
	if (!options.quiet) {
		const {stats} = result;
		process.stderr.write(
			`${inert(verify.source)}: ${stats.listed.toLocaleString('en-US')} objects (${stats.downloaded.toLocaleString('en-US')} downloaded, ${stats.cached.toLocaleString('en-US')} from cache, ${stats.failed.toLocaleString('en-US')} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
		);
	}
	return {tree: s3Tree({uri: verify.source, bucket, cacheDir, files: [...result.files, ...result.digests]}), bucket};
}

async function readSignatures(file: string): Promise<SignatureMap> {
	return asUserError(async () => {
		try {
			return signatureMap(await readFile(file, 'utf8'));
		} catch (error) {
			throw new Error(`--signatures ${file}: ${error instanceof Error ? error.message : String(error)}`, {
				cause: error,
			});
		}
	});
}

async function asUserError<T>(body: () => Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (error) {
		throw new UserError(inert(error instanceof Error ? error.message : String(error)), EXIT.error);
	}
}
