/**
 * Whether the reads may use the case file's summaries (source/query/summary.ts): only when they were built from the
 * events the table holds now.
 */
import {summaryFreshQuery} from '../../query/summary.js';
import type {Query} from '../../store/reader.js';

/** True when the summaries match the events table (one small query). */
export async function summariesFresh(query: Query): Promise<boolean> {
	return (await query(summaryFreshQuery()))[0]?.['fresh'] === true;
}
