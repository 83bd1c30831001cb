/**
 * One read of each file: its SHA-256 (for the ledger) and, from its first and last bytes, how to load it.
 */
import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {HEAD_BYTES, classifyBytes, type Classification} from '../sources/classify.js';

export type Inspection = {checksum: string; classification: Classification};

export async function inspectFile(file: string, size: number): Promise<Inspection> {
	const hash = createHash('sha256');
	const head: Buffer[] = [];
	let headLength = 0;
	let tail: Buffer = Buffer.alloc(0);
	for await (const chunk of createReadStream(file, {highWaterMark: 1024 * 1024})) {
		const bytes = chunk as Buffer;
		hash.update(bytes);
		if (headLength < HEAD_BYTES) {
			head.push(bytes.subarray(0, HEAD_BYTES - headLength));
			headLength += Math.min(bytes.length, HEAD_BYTES - headLength);
		}
		tail = Buffer.from(bytes.length >= 4 ? bytes.subarray(bytes.length - 4) : Buffer.concat([tail, bytes]).subarray(-4));
	}
	return {checksum: hash.digest('hex'), classification: await classifyBytes(Buffer.concat(head), Buffer.from(tail), size)};
}
