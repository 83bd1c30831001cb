/**
 * How many events match the filter, and how many the case file holds.
 */
import {countQuery} from '../../query/paging.js';
import {EMPTY_FILTER, type FilterState} from '../../query/filters.js';
import {useRef} from 'react';
import {useJob, type Loaded} from './use-job.js';

/** Matching and total event counts. */
export type Counts = {matching: number; total: number};

/**
 * Counts under `filter`. The total is counted once (with the first filter, or taken from an unfiltered count): the
 * screen holds the case file's write lock, so no events arrive while it is open.
 */
export function useCount(filter: FilterState): Loaded<Counts> {
	const total = useRef<number>(undefined);
	return useJob('count', JSON.stringify(filter), async query => {
		const matching = Number((await query(countQuery(filter)))[0]?.['count'] ?? 0);
		if (filter.chips.length === 0) total.current = matching;
		total.current ??= Number((await query(countQuery(EMPTY_FILTER)))[0]?.['count'] ?? 0);
		return {matching, total: total.current};
	});
}
