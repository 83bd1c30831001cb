/**
 * The timeline's data: the span of the filtered events (or the from/until window), a bucket width chosen to fit
 * the width, and the counts per bucket. The span follows where the events are: when a few events lie far from the
 * rest (a record dated 1970 or 2099), they are counted as before/after and left out of the bars (see outlierFence).
 */
import type {FilterState} from '../../query/filters.js';
import {
	chooseBucket,
	fencedSpanQuery,
	fillBuckets,
	histogramCountsQuery,
	outlierFence,
	spanQuery,
	type Bucket,
	type BucketCounts,
} from '../../query/histogram.js';
import {summaryHistogramQuery, summaryPlan, summarySpanQuery, type SummaryPlan} from '../../query/summary.js';
import type {TimeRange} from '../../query/time.js';
import type {Query} from '../../store/reader.js';
import type {Timeline} from '../model/data.js';
import {summariesUsable, type Freshness} from './summaries.js';

async function bucketCounts(
	query: Query,
	filter: FilterState,
	bucket: Bucket,
	span: TimeRange,
	plan: SummaryPlan | undefined,
	spanHoldsAll = false,
): Promise<BucketCounts[]> {
	const summarised = plan && summaryHistogramQuery(plan, bucket, span, spanHoldsAll);
	const rows = await query(summarised ?? histogramCountsQuery(filter, bucket, span));
	return rows.map(r => ({index: Number(r['b']), total: Number(r['total']), errors: Number(r['errors'])}));
}

/**
 * The timeline of the filtered events in at most `columns` bars, or null when nothing matches. Two reads (the span,
 * the non-empty buckets); two more only when some events lie far from the rest (their exact count, and the buckets
 * of the span without them).
 */
export async function loadTimeline(
	query: Query,
	filter: FilterState,
	columns: number,
	fresh?: Freshness,
): Promise<Timeline | null> {
	const from = filter.chips.find(c => c.kind === 'from');
	const until = filter.chips.find(c => c.kind === 'until');
	let span: TimeRange;
	let outside: Timeline['outside'];
	let window = false;
	// From the summaries when the filter allows and they are fresh (query/summary.ts), else from the events.
	const planned = summaryPlan(filter);
	const plan = planned && (await summariesUsable(fresh)) ? planned : undefined;
	if (from?.kind === 'from' && until?.kind === 'until' && from.time < until.time) {
		// A time window (zoomed in, or typed): show all of it, empty ends included.
		span = {from: from.time, until: until.time};
		window = true;
	} else {
		const row = (await query((plan && summarySpanQuery(plan)) ?? spanQuery(filter)))[0];
		const first = row?.['first'];
		const last = row?.['last'];
		if (!(first instanceof Date) || !(last instanceof Date)) return null;
		span = {from: first, until: new Date(last.getTime() + 1)};
	}

	let bucket = chooseBucket(span.from, span.until, Math.max(1, columns));
	// Unless zoomed, the span holds every event under the filter (spanQuery's first and last).
	let counts = await bucketCounts(query, filter, bucket, span, plan, !window);
	const fence = window ? undefined : outlierFence(counts, bucket);
	if (fence) {
		const row = (await query(fencedSpanQuery(filter, fence)))[0];
		const first = row?.['first'];
		const last = row?.['last'];
		if (first instanceof Date && last instanceof Date) {
			outside = {
				before: Number(row?.['before'] ?? 0),
				after: Number(row?.['after'] ?? 0),
				earliest: span.from,
				latest: new Date(span.until.getTime() - 1),
			};
			span = {from: first, until: new Date(last.getTime() + 1)};
			bucket = chooseBucket(span.from, span.until, Math.max(1, columns));
			counts = await bucketCounts(query, filter, bucket, span, plan);
		}
	}

	const bars = fillBuckets(counts, bucket, span, Math.max(1, columns));
	return {
		bucket,
		from: span.from,
		until: span.until,
		starts: bars.map(b => b.start),
		counts: bars.map(b => ({total: b.total, errors: b.errors})),
		...(outside ? {outside} : {}),
	};
}
