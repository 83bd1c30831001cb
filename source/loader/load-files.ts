/**
 * The loader: files from any source -> the case file. Checks the ledger, classifies each file, loads files of
 * one format in batches (each batch one transaction), and counts everything for the summary.
 */
import type {InputFile} from '../sources/input-file.js';
import {classifyFile, type Format} from '../sources/classify.js';
import type {CaseFile} from '../store/database.js';
import {ingestBatch, writeLedger, type BatchFile, type IngestOptions} from '../store/ingest.js';
import {readLedger} from '../store/ledger.js';
import {sha256File} from './checksum.js';
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

const DEFAULT_BATCH_BYTES = 48 * 1024 * 1024;
const DEFAULT_BATCH_FILES = 400;

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
	const pending = new Map<Format, BatchFile[]>();
	for (const input of inputs) {
		const checksum = await sha256File(input.path).catch((error: Error) => error);
		if (checksum instanceof Error) {
			summary.filesFailed.push({origin: input.origin, reason: `cannot read: ${checksum.message}`});
			done(input);
			continue;
		}
		const known = ledger.get(input.origin);
		if (!options.force && known?.status === 'loaded' && known.checksum === checksum && Number(known.size) === input.size) {
			summary.filesUnchanged++;
			done(input);
			continue;
		}
		const classification = await classifyFile(input.path, input.size);
		if (classification.kind !== 'load') {
			const note = {origin: input.origin, reason: classification.reason};
			if (classification.kind === 'skip') {
				summary.filesSkipped.push(note);
			} else {
				summary.filesFailed.push(note);
				await writeLedger(db, {
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
			continue;
		}
		const list = pending.get(classification.format) ?? [];
		list.push({...input, checksum, format: classification.format, textBytes: classification.textBytes});
		pending.set(classification.format, list);
	}
	report();

	const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
	const batchFiles = options.batchFiles ?? DEFAULT_BATCH_FILES;
	const ingestOptions: IngestOptions = {...options, describeError: (file, message) => describeLoadError(file.path, message)};
	for (const files of pending.values()) {
		for (const batch of batches(files, batchBytes, batchFiles)) {
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
		}
	}
	summary.elapsedMs = performance.now() - started;
	return summary;
}

/** Split files into batches of at most maxBytes (a larger file goes alone) and maxFiles. */
export function batches<T extends {size: number}>(files: T[], maxBytes: number, maxFiles: number): T[][] {
	const out: T[][] = [];
	let current: T[] = [];
	let bytes = 0;
	for (const file of files) {
		if (current.length > 0 && (bytes + file.size > maxBytes || current.length >= maxFiles)) {
			out.push(current);
			current = [];
			bytes = 0;
		}
		current.push(file);
		bytes += file.size;
	}
	if (current.length > 0) out.push(current);
	return out;
}
