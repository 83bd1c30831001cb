/**
 * The events table's title counts: how many events match the filter, and how many the case file holds.
 */
import {EMPTY_FILTER, type FilterState} from '../../query/filters.js';
import {countQuery} from '../../query/paging.js';
import {summaryCountQuery, summaryPlan} from '../../query/summary.js';
import type {Query} from '../../store/reader.js';
import type {Counts} from '../model/data.js';
import {summariesUsable, type Freshness} from './summaries.js';

/**
 * Counts under `filter`. The total is counted once (pass it back as `total`, or it is taken from an unfiltered
 * count): the screen holds the case file's write lock, so no events arrive while it is open.
 */
export async function loadCounts(
	query: Query,
	filter: FilterState,
	total?: number,
	fresh?: Freshness,
): Promise<Counts> {
	const plan = filter.chips.length > 0 ? summaryPlan(filter) : undefined;
	const counted = plan && (await summariesUsable(fresh)) ? summaryCountQuery(plan) : countQuery(filter);
	const matching = Number((await query(counted))[0]?.['count'] ?? 0);
	if (filter.chips.length === 0) return {matching, total: matching};
	return {matching, total: total ?? Number((await query(countQuery(EMPTY_FILTER)))[0]?.['count'] ?? 0)};
}
