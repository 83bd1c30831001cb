/**
 * Look at the head of a file and decide how to read it, or why not to. Cheap: reads at most a few KB.
 */
import {open} from 'node:fs/promises';
import path from 'node:path';
import {createGunzip} from 'node:zlib';

/** How the loader reads a file. */
export type Format =
	/** CloudTrail's own {"Records":[...]} (also the console's Event history JSON export). */
	| 'records'
	/** One event per line. */
	| 'jsonl'
	/** A JSON array of events. */
	| 'array'
	/** The console's Event history CSV export. */
	| 'csv';

export type Classification =
	/** `textBytes`: the decompressed size (from the gzip trailer), which bounds the JSON reader's buffer. */
	| {kind: 'load'; format: Format; textBytes: number}
	/** Not events, on purpose (digests, Insights): noted, not an error. */
	| {kind: 'skip'; reason: string}
	/** Should have been events and is not: an error naming the reason. */
	| {kind: 'fail'; reason: string};

const HEAD_BYTES = 16 * 1024;

export async function classifyFile(file: string, size: number): Promise<Classification> {
	const name = path.basename(file);
	if (/CloudTrail-Digest/i.test(file)) return {kind: 'skip', reason: 'CloudTrail digest file (not events; clicktrail verify checks them)'};
	if (/CloudTrail-Insight/i.test(file)) return {kind: 'skip', reason: 'CloudTrail Insights file (not API events)'};
	if (name.endsWith('.meta.json')) return {kind: 'skip', reason: 'S3 metadata sidecar'};
	if (size === 0) return {kind: 'fail', reason: 'empty file'};

	let head: {text: string; textBytes: number};
	try {
		head = await readHead(file, size);
	} catch (error) {
		return {kind: 'fail', reason: (error as Error).message};
	}
	const classification = classifyText(head.text);
	return classification.kind === 'load' ? {...classification, textBytes: head.textBytes} : classification;
}

type TextClassification = {kind: 'load'; format: Format} | {kind: 'skip'; reason: string} | {kind: 'fail'; reason: string};

/** Decide from the (decompressed) head of a file. Exported for tests. */
export function classifyText(head: string): TextClassification {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	if (text.length === 0) return {kind: 'fail', reason: 'empty file'};
	if (/^\{\s*"Records"\s*:/.test(text)) return {kind: 'load', format: 'records'};
	if (text.includes('"digestStartTime"') && text.includes('"logFiles"')) {
		return {kind: 'skip', reason: 'CloudTrail digest file (not events; clicktrail verify checks them)'};
	}
	if (text.startsWith('[')) return {kind: 'load', format: 'array'};
	if (text.startsWith('{')) {
		const newline = text.indexOf('\n');
		if (newline > 0) {
			const first = parseObject(text.slice(0, newline));
			if (first) {
				if ('Records' in first) return {kind: 'load', format: 'records'};
				if ('eventID' in first || 'eventTime' in first || 'eventSource' in first) return {kind: 'load', format: 'jsonl'};
				return {kind: 'fail', reason: 'not a CloudTrail log: a JSON object with neither a Records array nor event fields'};
			}
		}
		// One object that does not start with Records, pretty-printed or longer than the head: the reader decides.
		return {kind: 'load', format: 'records'};
	}
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	if (/(^|,)\s*"?(Event ID|eventID)"?\s*(,|$)/.test(firstLine)) return {kind: 'load', format: 'csv'};
	return {kind: 'fail', reason: 'not a CloudTrail log: expected {"Records":[...]}, JSON lines, or an Event history export'};
}

function parseObject(line: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(line);
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

async function readHead(file: string, size: number): Promise<{text: string; textBytes: number}> {
	const handle = await open(file, 'r');
	try {
		const buffer = Buffer.alloc(HEAD_BYTES);
		const {bytesRead} = await handle.read(buffer, 0, HEAD_BYTES, 0);
		const bytes = buffer.subarray(0, bytesRead);
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
			const text = await gunzipHead(bytes);
			// The gzip trailer's ISIZE: the decompressed size modulo 2^32 (of the last member).
			const trailer = Buffer.alloc(4);
			await handle.read(trailer, 0, 4, Math.max(0, size - 4));
			const isize = trailer.readUInt32LE(0);
			return {text, textBytes: Math.max(isize, size)};
		}
		return {text: bytes.toString('utf8'), textBytes: size};
	} finally {
		await handle.close();
	}
}

/** Decompress what the first bytes of a gzip stream hold; a truncated tail is fine here, a bad header is not. */
function gunzipHead(bytes: Buffer): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let length = 0;
		const gunzip = createGunzip();
		const finish = () => resolve(Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8'));
		gunzip.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			length += chunk.length;
			if (length >= HEAD_BYTES) {
				gunzip.removeAllListeners();
				gunzip.destroy();
				finish();
			}
		});
		gunzip.on('end', finish);
		gunzip.on('error', (error: NodeJS.ErrnoException) => {
			// Running out of input is expected: we gave it only the head.
			if (error.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(error.message)) finish();
			else reject(new Error(`not a valid gzip file: ${error.message}`));
		});
		gunzip.end(bytes);
	});
}
