import {describe, expect, test} from 'vitest';
import {
	BUCKETS,
	bucketCount,
	bucketStart,
	chooseBucket,
	fillBuckets,
	histogramCountsQuery,
	spanQuery,
	type Bucket,
} from '../../source/query/index.js';
import {BUCKET_ORIGIN_MS, fencedSpanQuery, outlierFence, outlierRank} from '../../source/query/histogram.js';
import {expectWellFormed} from './helpers.js';

const t = (iso: string) => new Date(iso);
const bucket = (name: Bucket['name']) => BUCKETS.find(b => b.name === name)!;

describe('chooseBucket', () => {
	test.each([
		// from, until, maxBars, expected
		['2024-12-03T23:00Z', '2024-12-03T23:30Z', 60, '1m'],
		['2024-12-03T23:00Z', '2024-12-04T00:00Z', 60, '1m'],
		['2024-12-03T23:00:30Z', '2024-12-04T00:00Z', 60, '1m'],
		['2024-12-03T23:00:30Z', '2024-12-04T00:00:30Z', 60, '5m'], // 61 partial minutes
		['2024-12-03T23:00Z', '2024-12-04T00:00Z', 12, '5m'],
		['2024-12-03T23:00Z', '2024-12-04T00:00Z', 11, '15m'],
		['2024-12-03T00:00Z', '2024-12-04T00:00Z', 96, '15m'],
		['2024-12-03T00:00Z', '2024-12-04T00:00Z', 80, '1h'],
		['2024-12-03T00:00Z', '2024-12-04T00:00Z', 4, '6h'],
		['2024-12-03T00:00Z', '2024-12-04T00:00Z', 3, '1d'],
		['2024-11-01T00:00Z', '2024-12-16T00:00Z', 80, '1d'],
		['2024-01-01T00:00Z', '2024-12-16T00:00Z', 80, '7d'],
		['2020-01-01T00:00Z', '2024-12-16T00:00Z', 80, '7d'], // too long for any: the widest
		['2024-12-03T23:38Z', '2024-12-03T23:38Z', 1, '1m'], // empty span
		['2024-12-03T17:00Z', '2024-12-03T19:00Z', 0, '1d'], // maxBars below 1 counts as 1
	])('[%s, %s) in %i bars -> %s', (from, until, maxBars, expected) => {
		expect(chooseBucket(t(from), t(until), maxBars).name).toBe(expected);
	});

	test('the ladder, with labels and interval text', () => {
		expect(BUCKETS.map(b => [b.name, b.label, b.interval])).toEqual([
			['1m', '1 minute', '1 minute'],
			['5m', '5 minutes', '5 minutes'],
			['15m', '15 minutes', '15 minutes'],
			['1h', '1 hour', '1 hour'],
			['6h', '6 hours', '6 hours'],
			['1d', '1 day', '1 day'],
			['7d', '7 days', '7 days'],
		]);
	});

	test('bucketCount counts partial buckets; weeks start on Monday', () => {
		expect(bucketCount(t('2024-12-03T23:00Z'), t('2024-12-04T00:00Z'), bucket('1h'))).toBe(1);
		expect(bucketCount(t('2024-12-03T23:30Z'), t('2024-12-04T00:30Z'), bucket('1h'))).toBe(2);
		expect(bucketStart(t('2024-12-05T10:00Z'), bucket('7d')).toISOString()).toBe('2024-12-02T00:00:00.000Z');
		expect(bucketStart(t('2024-12-05T10:00Z'), bucket('6h')).toISOString()).toBe('2024-12-05T06:00:00.000Z');
	});
});

describe('histogramCountsQuery', () => {
	const span = {from: t('2024-12-03T23:00Z'), until: t('2024-12-04T00:00Z')};

	test('buckets by integer arithmetic from the ladder, non-empty buckets only, ordered', () => {
		const query = histogramCountsQuery({chips: []}, bucket('5m'), span);
		expectWellFormed(query);
		const w = '300000000';
		const origin = '946857600000000';
		const offset = `(epoch_us(eventTime) - ${origin})`;
		expect(query.sql).toBe(
			`SELECT (${offset} // ${w} - CAST(${offset} % ${w} < 0 AS BIGINT)) AS b, count(*) AS total, count(errorCode) AS errors FROM events WHERE eventTime >= ? AND eventTime < ? GROUP BY b ORDER BY b`,
		);
		expect(query.params).toEqual([span.from, span.until]);
	});

	test('the filter comes first, then the span', () => {
		const query = histogramCountsQuery(
			{chips: [{kind: 'field', field: 'eventName', value: 'A', exclude: false}]},
			bucket('1h'),
			span,
		);
		expectWellFormed(query);
		expect(query.sql).toContain('// 3600000000');
		expect(query.sql).toContain('WHERE eventName = ? AND eventTime >= ? AND eventTime < ?');
		expect(query.params).toEqual(['A', span.from, span.until]);
	});

	test('a bucket not from the ladder is refused', () => {
		const forged = {
			name: "1m') --",
			label: 'x',
			interval: "1 minute'); DROP TABLE events; --",
			ms: 60_000,
		} as unknown as Bucket;
		expect(() => histogramCountsQuery({chips: []}, forged, span)).toThrow(/Unknown histogram bucket/);
		const tampered = {
			...bucket('1m'),
			interval: "1 minute'); DROP TABLE events; --",
			ms: '1); DROP TABLE events; --',
		} as unknown as Bucket;
		expect(histogramCountsQuery({chips: []}, tampered, span).sql).not.toContain('DROP');
	});

	test('fillBuckets adds the empty buckets, and keeps the last N', () => {
		const h = bucket('1h');
		const index = (iso: string) => Math.floor((Date.parse(iso) - BUCKET_ORIGIN_MS) / h.ms);
		const counts = [
			{index: index('2024-12-03T01:00Z'), total: 4, errors: 1},
			{index: index('2024-12-03T03:00Z'), total: 2, errors: 0},
		];
		const range = {from: t('2024-12-03T00:30Z'), until: t('2024-12-03T04:00Z')};
		expect(
			fillBuckets(counts, h, range, 10).map(b => [b.start.toISOString().slice(11, 16), b.total, b.errors]),
		).toEqual([
			['00:00', 0, 0],
			['01:00', 4, 1],
			['02:00', 0, 0],
			['03:00', 2, 0],
		]);
		expect(fillBuckets(counts, h, range, 2).map(b => b.total)).toEqual([0, 2]);
		// A span of centuries fills only what is shown.
		expect(fillBuckets(counts, h, {from: t('1970-01-01T00:00Z'), until: range.until}, 3)).toHaveLength(3);
	});
});

test('spanQuery', () => {
	expect(spanQuery({chips: []})).toEqual({
		sql: 'SELECT min(eventTime) AS first, max(eventTime) AS last, count(*) AS count FROM events',
		params: [],
	});
	const query = spanQuery({chips: [{kind: 'errors'}, {kind: 'text', text: 'X'}]});
	expectWellFormed(query);
	expect(query).toEqual({
		sql: 'SELECT min(eventTime) AS first, max(eventTime) AS last, count(*) AS count FROM events WHERE errorCode IS NOT NULL AND contains(lower(CAST(raw AS VARCHAR)), ?)',
		params: ['x'],
	});
});

describe('outliers', () => {
	const day = bucket('1d');
	const at = (iso: string) => Math.floor((Date.parse(iso) - BUCKET_ORIGIN_MS) / day.ms);

	test('outlierRank: 1% of the events, at least 3 when there are 7, none below 3 events', () => {
		expect([0, 2, 3, 4, 5, 6, 7, 100, 299, 300, 1000, 1_000_000, Number.NaN].map(outlierRank)).toEqual([
			0, 0, 1, 1, 2, 2, 3, 3, 3, 3, 10, 10_000, 0,
		]);
	});

	test('outlierFence: a fence one central width out (at least 7 days) when some bucket lies beyond it', () => {
		// 30 days of 10 events, one in 1970 and one in 9999.
		const days = Array.from({length: 30}, (_, i) => ({index: at('2024-11-05') + i, total: 10, errors: 0}));
		const counts = [
			{index: at('1970-01-01'), total: 1, errors: 0},
			...days,
			{index: at('9999-12-31'), total: 1, errors: 0},
		];
		// k = 3: the central span is the 30 days; the fence 30 days out on each side.
		expect(outlierFence(counts, day)).toEqual({from: t('2024-10-06T00:00Z'), until: t('2025-01-04T00:00Z')});
		expect(outlierFence(days, day)).toBeUndefined();
		// Within the floor of 7 days: kept.
		expect(outlierFence([...days.slice(0, 2), {index: at('2024-11-12'), total: 1, errors: 0}], day)).toBeUndefined();
		expect(outlierFence([...days.slice(0, 1), {index: at('2024-11-12'), total: 1, errors: 0}], day)).toBeUndefined();
		expect(
			outlierFence(
				[
					{index: at('2024-11-05'), total: 300, errors: 0},
					{index: at('2024-11-14'), total: 1, errors: 0},
				],
				day,
			),
		).toEqual({from: t('2024-10-29T00:00Z'), until: t('2024-11-13T00:00Z')});
		expect(outlierFence([], day)).toBeUndefined();
	});

	test('fencedSpanQuery binds the fence, then the filter', () => {
		const fence = {from: t('2024-10-06T00:00Z'), until: t('2025-01-03T00:00Z')};
		const query = fencedSpanQuery(
			{chips: [{kind: 'field', field: 'principal', value: "x'); DROP TABLE events; --", exclude: false}]},
			fence,
		);
		expectWellFormed(query);
		expect(query.sql).toBe(
			'SELECT min(eventTime) FILTER (WHERE eventTime >= ? AND eventTime < ?) AS first, max(eventTime) FILTER (WHERE eventTime >= ? AND eventTime < ?) AS last, count(*) FILTER (WHERE eventTime < ?) AS before, count(*) FILTER (WHERE eventTime >= ?) AS after FROM events WHERE principal = ?',
		);
		expect(query.params).toEqual([
			fence.from,
			fence.until,
			fence.from,
			fence.until,
			fence.from,
			fence.until,
			"x'); DROP TABLE events; --",
		]);
	});
});
