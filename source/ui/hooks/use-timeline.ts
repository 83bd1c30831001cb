/**
 * The timeline's data: the span of the filtered events (or the from/until window), a bucket width chosen to fit
 * the width, and the counts per bucket. The span follows where the events are: events far outside it (a record
 * dated 1970 or 9999) are counted as before/after and left out of the bars (see outlierSpanQuery).
 */
import type {FilterState} from '../../query/filters.js';
import {chooseBucket, histogramQuery, OUTLIER_FLOOR_MS, outlierSpanQuery, spanQuery, type Bucket} from '../../query/histogram.js';
import type {BarCount} from '../../query/bars.js';
import {useJob, type Loaded} from './use-job.js';

/** Bars over a span. */
export type Timeline = {
	bucket: Bucket;
	from: Date;
	until: Date;
	/** Start of each bucket, and its counts. */
	starts: Date[];
	counts: BarCount[];
	/** Events left out of the span because they lie far before or after the rest, and the outermost times. */
	outside?: {before: number; after: number; earliest: Date; latest: Date};
};

/** Epoch microseconds (a BIGINT) as a Date (to the millisecond). */
const fromMicros = (value: unknown): Date | undefined =>
	typeof value === 'bigint' || typeof value === 'number' ? new Date(Number(BigInt(value) / 1000n)) : undefined;

/** The histogram of the filtered events in at most `columns` bars; undefined data when nothing matches. */
export function useTimeline(filter: FilterState, columns: number): Loaded<Timeline | null> {
	return useJob('timeline', JSON.stringify([filter, columns]), async query => {
		const from = filter.chips.find(c => c.kind === 'from');
		const until = filter.chips.find(c => c.kind === 'until');
		let span: {from: Date; until: Date};
		let outside: Timeline['outside'];
		if (from?.kind === 'from' && until?.kind === 'until' && from.time < until.time) {
			// A time window (zoomed in, or typed): show all of it, empty ends included.
			span = {from: from.time, until: until.time};
		} else {
			const row = (await query(spanQuery(filter)))[0];
			const first = row?.['first'];
			const last = row?.['last'];
			if (!(first instanceof Date) || !(last instanceof Date)) return null;
			span = {from: first, until: new Date(last.getTime() + 1)};
			const outliers = last.getTime() - first.getTime() > OUTLIER_FLOOR_MS ? outlierSpanQuery(filter, Number(row?.['count'])) : undefined;
			const fenced = outliers ? (await query(outliers))[0] : undefined;
			const before = Number(fenced?.['before'] ?? 0);
			const after = Number(fenced?.['after'] ?? 0);
			const [inFirst, inLast] = [fromMicros(fenced?.['first']), fromMicros(fenced?.['last'])];
			if (before + after > 0 && inFirst && inLast) {
				span = {from: inFirst, until: new Date(inLast.getTime() + 1)};
				outside = {before, after, earliest: first, latest: last};
			}
		}
		const bucket = chooseBucket(span.from, span.until, Math.max(1, columns));
		const rows = await query(histogramQuery(filter, bucket, span));
		const tail = rows.slice(-Math.max(1, columns));
		return {
			bucket,
			from: span.from,
			until: span.until,
			starts: tail.map(r => r['bucket'] as Date),
			counts: tail.map(r => ({total: Number(r['total']), errors: Number(r['errors'])})),
			...(outside ? {outside} : {}),
		};
	});
}
