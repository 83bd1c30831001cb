/**
 * One streaming read of a file: its SHA-256 (of the bytes as stored), its decompressed bytes run through the JSON
 * scanner, the first bytes of its text kept for classification, and a cap on how far it may expand (a gzip bomb
 * is stopped at the cap, not decompressed to the end). Optionally the scanner's records are written out as JSON
 * lines.
 */
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {once} from 'node:events';
import {Transform, Writable} from 'node:stream';
import {open} from 'node:fs/promises';
import {pipeline} from 'node:stream/promises';
import {createGunzip} from 'node:zlib';
import {JsonScanner, type ScanResult} from './json-scan.js';

/** Largest decompressed size a file may have by default: twice the 2 GB the loader is measured to take. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 ** 3;

/** Bytes of a file's text kept for classification (a CSV header, a digest's keys). */
export const HEAD_BYTES = 64 * 1024;

export type FileScan = {
	/** SHA-256 of the bytes as stored (hex); undefined when not asked for. */
	checksum?: string;
	gzip: boolean;
	/** The first HEAD_BYTES of the (decompressed) text. */
	head: Buffer;
	scan: ScanResult;
	/** Records written to jsonLinesOut. */
	written: number;
};

/** The file expands past the cap. */
export class TooLargeError extends Error {
	constructor(
		message: string,
		readonly gzip: boolean,
	) {
		super(message);
	}
}

/** A gzip stream that is not whole. */
export class GzipError extends Error {}

export type ScanFileOptions = {
	/** Hash the stored bytes. */
	hash?: boolean;
	/** Stop, with TooLargeError, once the text passes this many bytes. */
	maxTextBytes?: number;
	/** Write each record kept to this file, one a line. */
	jsonLinesOut?: string;
	/** Of the records, write only those this keeps (see candidate.ts); FileScan.written counts them. */
	keepRecord?: (record: Buffer) => boolean;
};

export async function scanFile(file: string, options: ScanFileOptions = {}): Promise<FileScan> {
	const hash = options.hash ? createHash('sha256') : undefined;
	const max = options.maxTextBytes ?? DEFAULT_MAX_FILE_BYTES;
	const out = options.jsonLinesOut ? createWriteStream(options.jsonLinesOut) : undefined;
	let pendingLines: Buffer[] = [];
	let written = 0;
	const keep = options.keepRecord;
	const scanner = new JsonScanner(
		out
			? record => {
					written++;
					pendingLines.push(record, NEWLINE);
				}
			: undefined,
		keep,
	);
	const head: Buffer[] = [];
	let headLength = 0;
	let textBytes = 0;

	const gzip = await startsWithGzipMagic(file);
	const text = new Writable({
		highWaterMark: 1024 * 1024,
		write(chunk: Buffer, _encoding, next) {
			textBytes += chunk.length;
			if (textBytes > max) {
				next(
					new TooLargeError(
						gzip ? `expands to more than ${formatBytes(max)}` : `larger than ${formatBytes(max)}`,
						gzip,
					),
				);
				return;
			}
			if (headLength < HEAD_BYTES) {
				const part = chunk.subarray(0, HEAD_BYTES - headLength);
				head.push(Buffer.from(part));
				headLength += part.length;
			}
			scanner.write(chunk);
			if (!out || pendingLines.length === 0) {
				next();
				return;
			}
			const lines = Buffer.concat(pendingLines);
			pendingLines = [];
			if (out.write(lines)) next();
			else out.once('drain', () => next());
		},
	});
	const hashing = new Transform({
		transform(chunk: Buffer, _encoding, next) {
			hash?.update(chunk);
			next(null, chunk);
		},
	});
	try {
		if (gzip)
			await pipeline(
				createReadStream(file, {highWaterMark: 1024 * 1024}),
				hashing,
				createGunzip({chunkSize: 256 * 1024}),
				text,
			);
		else await pipeline(createReadStream(file, {highWaterMark: 1024 * 1024}), hashing, text);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (gzip && typeof code === 'string' && code.startsWith('Z_'))
			throw new GzipError(describeGzipError(error as Error));
		throw error;
	} finally {
		if (out) {
			out.end();
			await once(out, 'close').catch(() => undefined);
		}
	}
	return {
		...(hash ? {checksum: hash.digest('hex')} : {}),
		gzip,
		head: Buffer.concat(head),
		scan: scanner.end(),
		written,
	};
}

const NEWLINE = Buffer.from('\n');

function describeGzipError(error: Error): string {
	return /unexpected end of file/i.test(error.message)
		? 'truncated gzip: the file ends before its compressed stream does (an interrupted copy?)'
		: `corrupt gzip: ${error.message}`;
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
	const handle = await open(file, 'r');
	try {
		const {bytesRead, buffer} = await handle.read(Buffer.alloc(2), 0, 2, 0);
		return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
	} finally {
		await handle.close();
	}
}

/** SHA-256 of a file's bytes, alone (for a file whose scan stopped early). */
export async function hashFile(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file, {highWaterMark: 1024 * 1024})) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** 4294967296 -> "4 GB". */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
	if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
	if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} bytes`;
}
