/**
 * `clicktrail demo`: generate the built-in sample into a temporary folder, load it into a temporary case file,
 * and open the screen on it (both removed on exit). Needs no AWS account.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {Options} from '../options.js';
import {generateSample} from '../sample/index.js';
import {loadSources} from './load.js';
import {openScreen} from './screen.js';

export async function runDemo(options: Options): Promise<number> {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'clicktrail-demo-'));
	try {
		const archive = path.join(folder, 'archive');
		process.stderr.write(
			`generating a sample archive (${options.events} records, seed ${options.seed}) in ${archive}\n`,
		);
		// Small files: deliveries every few minutes, so the timeline has texture.
		await generateSample({outDir: archive, events: options.events, seed: options.seed, recordsPerFile: 60});
		const demo: Options = {...options, db: path.join(folder, 'demo.duckdb'), sources: [archive]};
		await loadSources(demo);
		return await openScreen(demo.db, options.tz, undefined, {fresh: true, keep: false});
	} finally {
		await rm(folder, {recursive: true, force: true});
	}
}
