/**
 * The loader: files from any source -> the case file. Checks the ledger, classifies each file, loads files of
 * one format in batches (each batch one transaction), and counts everything for the summary.
 */
import type {InputFile} from '../sources/input-file.js';
import {classifyByName, type Format} from '../sources/classify.js';
import {createLimiter} from '../sources/pool.js';
import type {CaseFile} from '../store/database.js';
import {
	failed,
	ingestBatch,
	writeLedger,
	type BatchFile,
	type FileResult,
	type IngestOptions,
	type Rejected,
} from '../store/ingest.js';
import {readLedger, type LedgerEntry} from '../store/ledger.js';
import {contentPlan} from './content-filter.js';
import {createInspector} from './inspect-pool.js';
import {createLookAhead} from './look-ahead.js';
import {describeLoadError} from './describe-error.js';
import {describeRejected} from './rejected.js';
import {scanFile} from './scan-file.js';
import {emptySummary, type LoadSummary} from './summary.js';
import {WorkDir} from './work-dir.js';

export {emptySummary, type FileNote, type LoadSummary} from './summary.js';

export type LoadOptions = Omit<IngestOptions, 'describeError' | 'describeRejected'> & {
	/** Largest decompressed size of one file (default 4 GB): past it, the file fails unread by DuckDB. */
	maxFileBytes?: number;
	/** A {"Records":[...]} file larger than this (decompressed) is read through a JSON lines rewrite; default 128 MB. */
	rewriteRecordsAbove?: number;
	/** DuckDB's memory limit, named in the message when a file runs out of memory. */
	memoryLimit?: string;
	/** Reload files the ledger already holds unchanged. */
	force?: boolean;
	/** Compressed bytes per batch (one transaction, one DuckDB scan). */
	batchBytes?: number;
	/** Files per batch at most. */
	batchFiles?: number;
	/** Compressed bytes the content scan may run ahead of DuckDB (see look-ahead.ts). */
	lookAheadBytes?: number;
	onProgress?: (progress: LoadProgress) => void;
};

export type LoadProgress = {
	filesDone: number;
	filesTotal: number;
	bytesDone: number;
	bytesTotal: number;
	eventsKept: number;
	elapsedMs: number;
};

/**
 * Half what it was when DuckDB read whole files: its candidates' records are held twice in a batch (the temporary
 * table and the insert), and at 24 MB the 50% IoT corpus peaked at 0.97-1.07 GB RSS (12 MB: 0.87-0.91 GB, as fast).
 */
const DEFAULT_BATCH_BYTES = 12 * 1024 * 1024;
const DEFAULT_BATCH_FILES = 1000;
const INSPECT_CONCURRENCY = 8;
/** Twice a batch: the scan keeps the next batch ready while DuckDB loads one. */
const LOOK_AHEAD_BYTES = 32 * 1024 * 1024;
/** A batch this large is loaded while the scan of the next file is still running, not held for a full batch. */
const EARLY_BATCH_BYTES = 4 * 1024 * 1024;

export async function loadFiles(db: CaseFile, inputs: InputFile[], options: LoadOptions = {}): Promise<LoadSummary> {
	const started = performance.now();
	const summary: LoadSummary = {...emptySummary(), filesTotal: inputs.length};
	const bytesTotal = inputs.reduce((sum, file) => sum + file.size, 0);
	let filesDone = 0;
	let bytesDone = 0;
	const report = () =>
		options.onProgress?.({
			filesDone,
			filesTotal: inputs.length,
			bytesDone,
			bytesTotal,
			eventsKept: summary.eventsAdded,
			elapsedMs: performance.now() - started,
		});
	const done = (file: InputFile) => {
		filesDone++;
		bytesDone += file.size;
	};

	const ledger = await readLedger(db);
	const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
	const batchFiles = options.batchFiles ?? DEFAULT_BATCH_FILES;
	const ingestOptions: IngestOptions = {
		...options,
		describeError: (file, message) => describeLoadError(file.path, message, options.memoryLimit),
		describeRejected,
	};
	const work = new WorkDir();
	let passedOver: FileResult[] = [];
	const count = async (results: FileResult[], inserted: number, identityInserted: number) => {
		let kept = 0;
		let identity = 0;
		for (const result of results) {
			if (result.status === 'failed') {
				summary.filesFailed.push({origin: result.file.origin, reason: result.error ?? 'failed'});
			} else {
				summary.filesLoaded++;
				summary.records += result.records;
				summary.otherService += result.otherService;
				summary.badRecords += result.bad;
				for (const key of Object.keys(summary.rejected) as (keyof Rejected)[])
					summary.rejected[key] += result.rejected[key];
				summary.outOfRange += result.outOfRange;
				summary.bytes += result.file.size;
				kept += result.kept;
				identity += result.identity;
			}
			done(result.file);
		}
		summary.eventsAdded += inserted;
		summary.duplicates += kept - inserted;
		summary.identityAdded += identityInserted;
		summary.identityDuplicates += identity - identityInserted;
	};
	// Files the content scan passed over: their ledger rows, written with the next batch.
	const flushPassedOver = async () => {
		if (passedOver.length === 0) return;
		await writeLedger(db, passedOver, ingestOptions);
		await count(passedOver, 0, 0);
		summary.filesPassedOver += passedOver.length;
		passedOver = [];
	};
	const ingest = async (batch: BatchFile[]) => {
		await flushPassedOver();
		const {results, inserted, identityInserted} = await ingestBatch(db, batch, ingestOptions);
		for (const file of batch)
			if (file.path !== file.origin && /\.(rewrite|candidates)\.jsonl$/.test(file.path)) await work.remove(file.path);
		await count(results, inserted, identityInserted);
		report();
	};

	// Files are read (hashed, scanned and classified) a few at a time, ahead of DuckDB, which loads them in input
	// order in batches of one format: reading the next files overlaps loading the last ones.
	const limit = createLimiter(INSPECT_CONCURRENCY);
	const inspector = createInspector();
	const ahead = createLookAhead(options.lookAheadBytes ?? LOOK_AHEAD_BYTES);
	const inspections = inputs.map(input =>
		classifyByName(input.path)
			? undefined
			: limit(async () => {
					await ahead.enter(input.size);
					return inspector
						.inspect(input.path, {
							maxFileBytes: options.maxFileBytes,
							rewriteRecordsAbove: options.rewriteRecordsAbove,
							// Without --all-services only IoT 1-Click and identity events are kept: the scan sets them apart.
							...(options.allServices ? {} : {candidatesOut: await work.file('.candidates.jsonl')}),
						})
						.catch((error: Error) => error);
				}),
	);
	const settled = new Set<number>();
	for (const [index, inspection] of inspections.entries()) void inspection?.then(() => settled.add(index));
	const pending = new Map<Format, {files: BatchFile[]; bytes: number}>();
	const ingestReady = async () => {
		for (const batch of pending.values()) {
			if (batch.bytes < Math.min(batchBytes, EARLY_BATCH_BYTES)) continue;
			await ingest(batch.files);
			batch.files = [];
			batch.bytes = 0;
		}
	};
	const failures: FileResult[] = [];
	const fail = (file: BatchFile, reason: string) => {
		summary.filesFailed.push({origin: file.origin, reason});
		failures.push(failed(file, reason));
	};
	try {
		for (const [index, input] of inputs.entries()) {
			// DuckDB would wait for the scan of the next file: load what is ready meanwhile.
			if (inspections[index] && !settled.has(index)) await ingestReady();
			const inspection = await inspections[index];
			if (inspection) ahead.leave(input.size);
			const byName = classifyByName(input.path);
			if (byName || !inspection) {
				summary.filesSkipped.push({origin: input.origin, reason: byName?.reason ?? 'skipped'});
				done(input);
				continue;
			}
			if (inspection instanceof Error) {
				fail({...input, checksum: null, format: 'records', shape: 'unknown'}, `cannot read: ${inspection.message}`);
				done(input);
				continue;
			}
			const {checksum, classification, gzip, candidates} = inspection;
			const unused = async () => {
				if (candidates) await work.remove(candidates.path);
			};
			const known = ledger.get(input.origin);
			if (
				!options.force &&
				known?.status === 'loaded' &&
				known.checksum === checksum &&
				Number(known.size) === input.size &&
				windowCovers(known, options.since, options.until)
			) {
				summary.filesUnchanged++;
				done(input);
				await unused();
				continue;
			}
			if (classification.kind === 'skip') {
				summary.filesSkipped.push({origin: input.origin, reason: classification.reason});
				done(input);
				await unused();
				continue;
			}
			if (classification.kind === 'fail') {
				fail({...input, checksum, format: 'records', shape: classification.shape}, classification.reason);
				done(input);
				await unused();
				continue;
			}
			let file: BatchFile = {
				...input,
				checksum,
				format: classification.format,
				shape: classification.shape,
				textBytes: classification.textBytes,
				largestRecord: classification.largestRecord,
				...(classification.csv ? {csv: classification.csv} : {}),
			};
			const plan = contentPlan(classification, candidates, file);
			if (plan.kind !== 'candidates') await unused();
			if (plan.kind === 'none') {
				passedOver.push(plan.result);
				continue;
			}
			if (plan.kind === 'candidates') {
				file = plan.file;
			} else if (classification.rewrite) {
				// One record a line, without the records DuckDB must not see (counted here instead).
				file.path = await work.file('.rewrite.jsonl');
				const {scan} = await scanFile(input.path, {jsonLinesOut: file.path, maxTextBytes: options.maxFileBytes});
				file.textBytes = scan.textBytes;
				file.largestRecord = scan.largestRecord;
				file.dropped = {tooDeep: scan.tooDeep, tooLarge: scan.tooLarge, notObject: scan.notObjects};
			} else {
				file.path = await work.readable(input.path, gzip, file.format === 'csv' ? '.csv' : '.json');
			}
			const batch = pending.get(file.format) ?? {files: [], bytes: 0};
			if (
				batch.files.length > 0 &&
				(batch.bytes + input.size > batchBytes || batch.files.length >= batchFiles || file.format === 'csv')
			) {
				await ingest(batch.files);
				batch.files = [];
				batch.bytes = 0;
			}
			batch.files.push(file);
			batch.bytes += input.size;
			pending.set(file.format, batch);
		}
		for (const batch of pending.values()) if (batch.files.length > 0) await ingest(batch.files);
		await flushPassedOver();
		report();
		await writeLedger(db, failures, ingestOptions);
	} finally {
		await inspector.close();
		await work.close();
	}
	summary.elapsedMs = performance.now() - started;
	return summary;
}

/** A file loaded with a window holds only that window's events: it is unchanged only for a window inside it. */
function windowCovers(known: LedgerEntry, since: Date | undefined, until: Date | undefined): boolean {
	const from = known.loadedSince ? new Date(known.loadedSince) : undefined;
	const to = known.loadedUntil ? new Date(known.loadedUntil) : undefined;
	if (from && (!since || since < from)) return false;
	if (to && (!until || until > to)) return false;
	return true;
}
