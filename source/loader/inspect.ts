/**
 * One read of each file: its SHA-256 (for the ledger) and, from a scan of its whole decompressed content, how to
 * load it, or why not to. A file that would expand past the cap (a decompression bomb) or whose gzip stream is
 * broken fails here, before DuckDB sees it.
 */
import {classifyContent, type Classification} from '../sources/classify.js';
import {GzipError, TooLargeError, hashFile, scanFile} from './scan-file.js';

export type Inspection = {checksum: string; gzip: boolean; classification: Classification};

export type InspectOptions = {
	/** Largest decompressed size a file may have (see scan-file.ts). */
	maxFileBytes?: number;
	/** A {"Records":[...]} file larger than this is read through a JSON lines rewrite (see classify.ts). */
	rewriteRecordsAbove?: number;
};

export async function inspectFile(file: string, options: InspectOptions = {}): Promise<Inspection> {
	try {
		const {checksum, gzip, head, scan} = await scanFile(file, {hash: true, maxTextBytes: options.maxFileBytes});
		return {checksum: checksum!, gzip, classification: classifyContent({...scan, head}, options.rewriteRecordsAbove)};
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
