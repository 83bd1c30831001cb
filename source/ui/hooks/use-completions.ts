/**
 * The console's completion names: the case file's tables and columns, and JSON paths from a small sample of the
 * events' raw records (at most 200 records, 4 levels, 2,000 paths). Read once, when the console first opens.
 */
import {jsonPaths, NO_COMPLETIONS, type CompletionSource} from '../console/complete.js';
import {useJob} from './use-job.js';
import {parseFirstWins} from '../json/parse.js';

/** Records sampled for JSON paths. */
export const PATH_SAMPLE = 200;

/** Completion names, once `enabled`. */
export function useCompletions(enabled: boolean): CompletionSource {
	const loaded = useJob('complete', enabled ? 'once' : undefined, async query => {
		const rows = await query({
			sql: `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
			params: [],
		});
		const tables = new Map<string, string[]>();
		for (const row of rows) {
			const table = String(row['table_name']);
			tables.set(table, [...(tables.get(table) ?? []), String(row['column_name'])]);
		}
		const samples = tables.has('events')
			? (await query({sql: `SELECT CAST(raw AS VARCHAR) AS raw FROM events LIMIT ?`, params: [PATH_SAMPLE]})).flatMap(
					row => {
						try {
							return [parseFirstWins(String(row['raw'])).value];
						} catch {
							return [];
						}
					},
				)
			: [];
		return {tables: [...tables].map(([name, columns]) => ({name, columns})), jsonPaths: jsonPaths(samples)};
	});
	return loaded.data ?? NO_COMPLETIONS;
}
