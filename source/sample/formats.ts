/** Writers of the other input formats a loader accepts: JSON lines and the console's Event history JSON export. */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {gzip as gzipCallback} from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Options of writeJsonLines. */
export type JsonLinesOptions = {
	/** gzip the file (default: when the path ends in .gz). */
	gzip?: boolean;
};

async function write(file: string, text: string, compress: boolean): Promise<void> {
	await mkdir(path.dirname(file), {recursive: true});
	await writeFile(file, compress ? await gzip(text, {level: 6}) : text);
}

/** Writes one record a line (JSON lines), each line ending in \n. */
export async function writeJsonLines(
	file: string,
	records: readonly unknown[],
	options: JsonLinesOptions = {},
): Promise<void> {
	const text = records.map(r => JSON.stringify(r) + '\n').join('');
	await write(file, text, options.gzip ?? file.endsWith('.gz'));
}

/** Writes {"Records":[...]} pretty printed (two-space indent), as the console's Event history JSON download. */
export async function writeEventHistoryJson(file: string, records: readonly unknown[]): Promise<void> {
	await write(file, JSON.stringify({Records: records}, null, 2) + '\n', false);
}
