/**
 * The triage screen. Until it lands, load any SOURCEs and say how to look at the case file.
 */
import {EXIT} from '../exit-codes.js';
import type {Options} from '../options.js';
import {loadSources} from './load.js';

export async function runScreen(options: Options): Promise<number> {
	if (options.sources.length > 0) {
		const summary = await loadSources(options);
		if (summary.filesFailed.length > 0) return EXIT.partial;
	}
	process.stdout.write(`case file: ${options.db}\ntry: clicktrail query --db ${options.db} "SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC"\n`);
	return EXIT.ok;
}
