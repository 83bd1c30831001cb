/**
 * The console's completion names: the case file's tables and columns, and JSON paths from a small sample of the
 * events' raw records (at most 200 records, 4 levels, 2,000 paths).
 */
import {columnsCatalogQuery, rawSampleQuery} from '../../query/catalog.js';
import type {Query} from '../../store/reader.js';
import {jsonPaths, type CompletionSource} from '../console/complete.js';
import {parseFirstWins} from '../json/parse.js';

/** Records sampled for JSON paths. */
export const PATH_SAMPLE = 200;

/** The completion names. */
export async function loadCompletions(query: Query): Promise<CompletionSource> {
	const tables = new Map<string, string[]>();
	for (const row of await query(columnsCatalogQuery())) {
		const table = String(row['table_name']);
		tables.set(table, [...(tables.get(table) ?? []), String(row['column_name'])]);
	}
	const samples = tables.has('events')
		? (await query(rawSampleQuery(PATH_SAMPLE))).flatMap(row => {
				try {
					return [parseFirstWins(String(row['raw'])).value];
				} catch {
					return [];
				}
			})
		: [];
	return {tables: [...tables].map(([name, columns]) => ({name, columns})), jsonPaths: jsonPaths(samples)};
}
