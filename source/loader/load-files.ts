/**
 * The loader: files from any source -> the case file. Checks the ledger, classifies each file, loads files of
 * one format in batches (each batch one transaction), and counts everything for the summary.
 */
import type {InputFile} from '../sources/input-file.js';
import {classifyByName, type Format} from '../sources/classify.js';
import {createLimiter} from '../sources/pool.js';
import type {CaseFile} from '../store/database.js';
import {ingestBatch, writeLedger, type BatchFile, type FileResult, type IngestOptions} from '../store/ingest.js';
import {readLedger} from '../store/ledger.js';
import {inspectFile} from './inspect.js';
import {describeLoadError} from './describe-error.js';

export type LoadOptions = Omit<IngestOptions, 'describeError'> & {
	/** Reload files the ledger already holds unchanged. */
	force?: boolean;
	/** Compressed bytes per batch (one transaction, one DuckDB scan). */
	batchBytes?: number;
	/** Files per batch at most. */
	batchFiles?: number;
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

/** A file passed over or failed, with the reason. */
export type FileNote = {origin: string; reason: string};

export type LoadSummary = {
	filesTotal: number;
	filesLoaded: number;
	/** Already in the ledger, unchanged. */
	filesUnchanged: number;
	/** Not events on purpose (digests, Insights). */
	filesSkipped: FileNote[];
	filesFailed: FileNote[];
	records: number;
	/** New events added to the case file. */
	eventsAdded: number;
	/** Kept records whose eventID the case file already held (redeliveries, reloads). */
	duplicates: number;
	otherService: number;
	badRecords: number;
	outOfRange: number;
	bytes: number;
	elapsedMs: number;
};

const DEFAULT_BATCH_BYTES = 24 * 1024 * 1024;
const DEFAULT_BATCH_FILES = 1000;
const INSPECT_CONCURRENCY = 8;

export async function loadFiles(db: CaseFile, inputs: InputFile[], options: LoadOptions = {}): Promise<LoadSummary> {
	const started = performance.now();
	const summary: LoadSummary = {
		filesTotal: inputs.length,
		filesLoaded: 0,
		filesUnchanged: 0,
		filesSkipped: [],
		filesFailed: [],
		records: 0,
		eventsAdded: 0,
		duplicates: 0,
		otherService: 0,
		badRecords: 0,
		outOfRange: 0,
		bytes: 0,
		elapsedMs: 0,
	};
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
	const ingestOptions: IngestOptions = {...options, describeError: (file, message) => describeLoadError(file.path, message)};
	const ingest = async (batch: BatchFile[]) => {
		const {results, inserted} = await ingestBatch(db, batch, ingestOptions);
		let kept = 0;
		for (const result of results) {
			if (result.status === 'failed') {
				summary.filesFailed.push({origin: result.file.origin, reason: result.error ?? 'failed'});
			} else {
				summary.filesLoaded++;
				summary.records += result.records;
				summary.otherService += result.otherService;
				summary.badRecords += result.bad;
				summary.outOfRange += result.outOfRange;
				summary.bytes += result.file.size;
				kept += result.kept;
			}
			done(result.file);
		}
		summary.eventsAdded += inserted;
		summary.duplicates += kept - inserted;
		report();
	};

	// Files are read (hashed and classified) a few at a time, ahead of DuckDB, which loads them in input order
	// in batches of one format: reading the next files overlaps loading the last ones.
	const limit = createLimiter(INSPECT_CONCURRENCY);
	const inspections = inputs.map(input =>
		classifyByName(input.path) ? undefined : limit(() => inspectFile(input.path, input.size).catch((error: Error) => error)),
	);
	const pending = new Map<Format, {files: BatchFile[]; bytes: number}>();
	const failures: FileResult[] = [];
	for (const [index, input] of inputs.entries()) {
		const inspection = await inspections[index];
		const byName = classifyByName(input.path);
		if (byName || !inspection) {
			summary.filesSkipped.push({origin: input.origin, reason: byName?.reason ?? 'skipped'});
			done(input);
			continue;
		}
		if (inspection instanceof Error) {
			summary.filesFailed.push({origin: input.origin, reason: `cannot read: ${inspection.message}`});
			done(input);
			continue;
		}
		const {checksum, classification} = inspection;
		const known = ledger.get(input.origin);
		if (!options.force && known?.status === 'loaded' && known.checksum === checksum && Number(known.size) === input.size) {
			summary.filesUnchanged++;
			done(input);
			continue;
		}
		if (classification.kind === 'load') {
			const batch = pending.get(classification.format) ?? {files: [], bytes: 0};
			if (batch.files.length > 0 && (batch.bytes + input.size > batchBytes || batch.files.length >= batchFiles)) {
				await ingest(batch.files);
				batch.files = [];
				batch.bytes = 0;
			}
			batch.files.push({...input, checksum, format: classification.format, textBytes: classification.textBytes});
			batch.bytes += input.size;
			pending.set(classification.format, batch);
			continue;
		}
		const note = {origin: input.origin, reason: classification.reason};
		if (classification.kind === 'skip') {
			summary.filesSkipped.push(note);
		} else {
			summary.filesFailed.push(note);
			failures.push({
				file: {...input, checksum, format: 'records'},
				status: 'failed',
				error: classification.reason,
				records: 0,
				kept: 0,
				otherService: 0,
				bad: 0,
				outOfRange: 0,
			});
		}
		done(input);
	}
	for (const batch of pending.values()) if (batch.files.length > 0) await ingest(batch.files);
	await writeLedger(db, failures);
	summary.elapsedMs = performance.now() - started;
	return summary;
}
