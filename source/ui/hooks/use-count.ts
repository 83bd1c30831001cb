/**
 * How many events match the filter, and how many the case file holds.
 */
import {countQuery} from '../../query/paging.js';
import {EMPTY_FILTER, type FilterState} from '../../query/filters.js';
import {useJob, type Loaded} from './use-job.js';

/** Matching and total event counts. */
export type Counts = {matching: number; total: number};

/** Counts under `filter` (the total is counted on the same lane, once per filter change; it is cheap). */
export function useCount(filter: FilterState): Loaded<Counts> {
	return useJob('count', JSON.stringify(filter), async query => {
		const matching = Number((await query(countQuery(filter)))[0]?.['count'] ?? 0);
		const total = filter.chips.length === 0 ? matching : Number((await query(countQuery(EMPTY_FILTER)))[0]?.['count'] ?? 0);
		return {matching, total};
	});
}
