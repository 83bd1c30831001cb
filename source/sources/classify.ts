/**
 * Decide how to read a file, or why not to, from its name and the first bytes of its (decompressed) content.
 */
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

type TextClassification = {kind: 'load'; format: Format} | {kind: 'skip'; reason: string} | {kind: 'fail'; reason: string};

/** Bytes of the file's start that classification looks at. */
export const HEAD_BYTES = 16 * 1024;

const DIGEST = 'CloudTrail digest file (not events; clicktrail verify checks them)';

/** Files skipped for their name alone, before anything is read. */
export function classifyByName(file: string): {kind: 'skip'; reason: string} | undefined {
	if (/CloudTrail-Digest/i.test(file)) return {kind: 'skip', reason: DIGEST};
	if (/CloudTrail-Insight/i.test(file)) return {kind: 'skip', reason: 'CloudTrail Insights file (not API events)'};
	const name = path.basename(file);
	if (name.endsWith('.meta.json') || name.endsWith('.s3.json')) return {kind: 'skip', reason: 'clicktrail S3 metadata sidecar'};
	return undefined;
}

/**
 * Classify from the file's first bytes (`head`, at most HEAD_BYTES) and last four (`tail`, the gzip trailer).
 */
export async function classifyBytes(head: Buffer, tail: Buffer, size: number): Promise<Classification> {
	if (size === 0) return {kind: 'fail', reason: 'empty file'};
	let text: string;
	let textBytes = size;
	if (head[0] === 0x1f && head[1] === 0x8b) {
		try {
			text = await gunzipHead(head);
		} catch (error) {
			return {kind: 'fail', reason: (error as Error).message};
		}
		// ISIZE: the decompressed size modulo 2^32 (of the last gzip member). Deflate cannot expand more than
		// about 1032:1, so a larger value means a truncated or corrupt file: keep the compressed size then.
		const isize = tail.length === 4 ? tail.readUInt32LE(0) : 0;
		if (isize <= size * 1032) textBytes = Math.max(size, isize);
	} else {
		text = head.toString('utf8');
	}
	const classification = classifyText(text);
	return classification.kind === 'load' ? {...classification, textBytes} : classification;
}

/** Decide from the (decompressed) head of a file. */
export function classifyText(head: string): TextClassification {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	if (text.length === 0) return {kind: 'fail', reason: 'empty file'};
	if (/^\{\s*"Records"\s*:/.test(text)) return {kind: 'load', format: 'records'};
	if (text.includes('"digestStartTime"') && text.includes('"logFiles"')) return {kind: 'skip', reason: DIGEST};
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

/** Decompress what the first bytes of a gzip stream hold; a cut-off tail is fine here, a bad header is not. */
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
			// Running out of input is expected: it was given only the head.
			if (error.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(error.message)) finish();
			else reject(new Error(`not a valid gzip file: ${error.message}`));
		});
		gunzip.end(bytes);
	});
}
