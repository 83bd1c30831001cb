/** One big uncompressed CloudTrail log file, for the loader's size limits (read_json's maximum_object_size). */
import {once} from 'node:events';
import {createWriteStream} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import {pipeline} from 'node:stream/promises';
import {createGzip} from 'node:zlib';
import path from 'node:path';
import {RecordFactory} from './factory.js';
import type {CallScope} from './iot-operations.js';
import {Random} from './random.js';
import {DAY, parseIso} from './time.js';
import {buildWorld} from './world.js';

/** Share of IoT 1-Click events in the large file. */
export const LARGE_FILE_IOT_SHARE = 0.9;

/**
 * Writes {"Records":[...]} on one line (or, with format 'jsonl', one record a line), larger than minBytes,
 * streaming (never all records in memory); gzip'd when the name ends in .gz.
 * @returns the number of IoT 1-Click events in it (every eventID unique).
 */
export async function writeLargeLogFile(
	file: string,
	minBytes: number,
	seed = 1,
	format: 'records' | 'jsonl' = 'records',
): Promise<number> {
	const world = buildWorld(seed);
	const factory = new RecordFactory(world, LARGE_FILE_IOT_SHARE);
	const rng = new Random(seed, 5);
	const scope: CallScope = {rng, world, account: world.accounts[0] as string, region: 'us-east-1'};
	const startMs = parseIso('2024-12-01T00:00:00Z');
	await mkdir(path.dirname(file), {recursive: true});
	const zip = file.endsWith('.gz') ? createGzip({level: 1}) : undefined;
	const out = zip ?? createWriteStream(file);
	const done = zip ? pipeline(zip, createWriteStream(file)) : undefined;
	let bytes = 0;
	let iot = 0;
	let first = true;
	const push = async (chunk: string): Promise<void> => {
		bytes += Buffer.byteLength(chunk);
		if (!out.write(chunk)) await once(out, 'drain');
	};
	const [open, separator, close] = format === 'jsonl' ? ['', '\n', '\n'] : ['{"Records":[', ',', ']}'];
	await push(open);
	while (bytes + 2 <= minBytes) {
		const parts: string[] = [];
		for (let i = 0; i < 500; i++) {
			const built = factory.next(scope, startMs + Math.floor(rng.next() * DAY));
			if (built.meta.iot) iot++;
			parts.push(JSON.stringify(built.record));
		}
		await push((first ? '' : separator) + parts.join(separator));
		first = false;
	}
	await push(close);
	out.end();
	await (done ?? once(out, 'finish'));
	return iot;
}
