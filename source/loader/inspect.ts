/**
 * One read of each file: its SHA-256 (for the ledger) and, from a scan of its whole decompressed content, how to
 * load it, or why not to. A file that would expand past the cap (a decompression bomb) or whose gzip stream is
 * broken fails here, before DuckDB sees it.
 */
import {classifyContent, type Classification} from '../sources/classify.js';
import type {ScanResult} from './json-scan.js';
import {mayBeKept} from './candidate.js';
import {GzipError, TooLargeError, hashFile, scanFile} from './scan-file.js';

/** The records that may be kept (see candidate.ts), written one a line to `path` during the scan. */
export type Candidates = {path: string; count: number; scan: ScanResult};

export type Inspection = {checksum: string; gzip: boolean; classification: Classification; candidates?: Candidates};

export type InspectOptions = {
	/** Largest decompressed size a file may have (see scan-file.ts). */
	maxFileBytes?: number;
	/** A {"Records":[...]} file larger than this is read through a JSON lines rewrite (see classify.ts). */
	rewriteRecordsAbove?: number;
	/** Write the records that may be kept to this file (JSON lines) in the same read. */
	candidatesOut?: string;
};

export async function inspectFile(file: string, options: InspectOptions = {}): Promise<Inspection> {
	try {
		const out = options.candidatesOut;
		const {checksum, gzip, head, scan, written} = await scanFile(file, {
			hash: true,
			maxTextBytes: options.maxFileBytes,
			...(out ? {jsonLinesOut: out, keepRecord: mayBeKept} : {}),
		});
		return {
			checksum: checksum!,
			gzip,
			classification: classifyContent({...scan, head}, options.rewriteRecordsAbove),
			...(out ? {candidates: {path: out, count: written, scan}} : {}),
		};
	} catch (error) {
		if (error instanceof TooLargeError) {
			const reason = error.gzip
				? `${error.message} when decompressed (a decompression bomb?); --max-file-size raises the limit`
				: `${error.message}; --max-file-size raises the limit`;
			return {
				checksum: await hashFile(file),
				gzip: error.gzip,
				classification: {kind: 'fail', reason, shape: error.gzip ? 'gzip' : 'unknown'},
			};
		}
		if (error instanceof GzipError) {
			return {
				checksum: await hashFile(file),
				gzip: true,
				classification: {kind: 'fail', reason: error.message, shape: 'gzip'},
			};
		}
		throw error;
	}
}
