/**
 * The newest event's time in the case file: what relative times typed in the filter prompt (`from=-2h`) count back
 * from, so that a case from last year reads the same today as on the day it was loaded.
 */
import {EMPTY_FILTER} from '../../query/filters.js';
import {spanQuery} from '../../query/histogram.js';
import type {Query} from '../../store/reader.js';

/** The newest eventTime, or null when the case file holds no events. */
export async function loadNewest(query: Query): Promise<Date | null> {
	const last = (await query(spanQuery(EMPTY_FILTER)))[0]?.['last'];
	return last instanceof Date ? last : null;
}
