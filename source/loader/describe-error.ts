/**
 * Turn DuckDB's message for a file that would not load into one short reason a person can act on.
 */
import {createReadStream} from 'node:fs';
import {createGunzip} from 'node:zlib';
import {pipeline} from 'node:stream/promises';
import {Writable} from 'node:stream';

export async function describeLoadError(file: string, message: string, memoryLimit = 'the default'): Promise<string> {
	const first = message.split('\n')[0]!.trim();
	if (/out of memory/i.test(first)) {
		return `DuckDB ran out of memory (limit ${memoryLimit}): raise it with --memory-limit or CLICKTRAIL_MEMORY_LIMIT (e.g. 4GB)`;
	}
	if (/unexpected end of data|Malformed JSON|gzip|zlib/i.test(first) && (await isGzip(file))) {
		const gzipProblem = await checkGzip(file);
		if (gzipProblem) return gzipProblem;
	}
	const malformed = /Malformed JSON in file "[^"]*", at byte (\d+) in (?:record\/value|line) (\d+): (.*)$/.exec(first);
	if (malformed) return `invalid JSON at byte ${malformed[1]}: ${malformed[3]!.replace(/\.\s*$/, '')}`;
	return first.replace(/^(Invalid Input|IO|Conversion|Binder) Error: /, '');
}

async function isGzip(file: string): Promise<boolean> {
	for await (const chunk of createReadStream(file, {start: 0, end: 1})) {
		const bytes = chunk as Buffer;
		return bytes[0] === 0x1f && bytes[1] === 0x8b;
	}
	return false;
}

/** Decompress the whole file; say what is wrong with the gzip stream, or nothing if it is whole. */
async function checkGzip(file: string): Promise<string | undefined> {
	try {
		await pipeline(createReadStream(file), createGunzip(), new Writable({write: (_chunk, _encoding, next) => next()}));
		return undefined;
	} catch (error) {
		const text = (error as Error).message;
		return /unexpected end of file/i.test(text)
			? 'truncated gzip: the file ends before its compressed stream does (an interrupted copy?)'
			: `corrupt gzip: ${text}`;
	}
}
