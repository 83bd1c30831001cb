/**
 * The newest event's time in the case file: what relative times typed in the filter prompt (`from=-2h`) count back
 * from, so that a case from last year reads the same today as on the day it was loaded.
 */
import {EMPTY_FILTER} from '../../query/filters.js';
import {spanQuery} from '../../query/histogram.js';
import {useJob} from './use-job.js';

/** The newest eventTime, or undefined while unknown (or when the case file holds no events). */
export function useNewest(): Date | undefined {
	const newest = useJob('newest', 'newest', async query => {
		const last = (await query(spanQuery(EMPTY_FILTER)))[0]?.['last'];
		return last instanceof Date ? last : null;
	});
	return newest.data ?? undefined;
}
