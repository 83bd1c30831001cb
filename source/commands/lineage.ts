/**
 * `clicktrail lineage EVENT_ID...`: the credential lineage of events (source/lineage/), and `clicktrail sessions`:
 * one row per access key seen on IoT 1-Click events. The case file is opened read-only and sandboxed.
 */
import {EXIT, UserError} from '../exit-codes.js';
import {lineageJsonText, lineageText} from '../lineage/output.js';
import type {Options} from '../options.js';
import {writeRows} from '../output/write-rows.js';
import {sessionsQuery} from '../query/sessions.js';
import {readLineages} from '../store/lineage.js';
import {streamQuery} from '../store/stream.js';
import {jsonValue} from '../text/values.js';
import {withCase} from './inventory.js';

export async function runLineage(options: Options): Promise<number> {
	const {eventIDs, format} = options.lineage!;
	const {lineages, missing} = await withCase(options, db => readLineages(db, eventIDs));
	if (missing.length > 0)
		throw new UserError(
			`no event ${missing.map(id => jsonValue(id)).join(', ')} in ${options.db} (neither an IoT 1-Click event nor an identity event)`,
			EXIT.error,
		);
	process.stdout.write(
		format === 'text' ? lineages.map(lineage => lineageText(lineage)).join('\n') : lineageJsonText(lineages, format),
	);
	return EXIT.ok;
}

export async function runSessions(options: Options): Promise<number> {
	await withCase(options, db =>
		writeRows(
			streamQuery(db, sessionsQuery()),
			{format: options.format ?? 'table', wide: options.wide, maxRows: options.maxRows},
			process.stdout,
		),
	);
	return EXIT.ok;
}
