import {describe, expect, test} from 'vitest';
import {BUCKETS, bucketCount, bucketStart, chooseBucket, histogramQuery, spanQuery, type Bucket} from '../../source/query/index.js';
import {centralQuantiles, OUTLIER_FLOOR_MS, outlierSpanQuery} from '../../source/query/histogram.js';
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

describe('histogramQuery', () => {
	const span = {from: t('2024-12-03T23:00Z'), until: t('2024-12-04T00:00Z')};

	test('buckets by integer arithmetic from the ladder, zero-filled, ordered', () => {
		const query = histogramQuery({chips: []}, bucket('5m'), span);
		expectWellFormed(query);
		const w = '300000000';
		const origin = '946857600000000';
		const index = (offset: string) => `(${offset} // ${w} - CAST(${offset} % ${w} < 0 AS BIGINT))`;
		expect(query.sql).toBe(
			`WITH counts AS ( SELECT ${index(`(epoch_us(eventTime) - ${origin})`)} AS b, count(*) AS total, count(errorCode) AS errors FROM events WHERE eventTime >= ? AND eventTime < ? GROUP BY b ), span AS (SELECT epoch_us(CAST(? AS TIMESTAMPTZ)) - ${origin} AS first, epoch_us(CAST(? AS TIMESTAMPTZ)) - 1 - ${origin} AS last ), buckets AS (SELECT unnest(range(${index('first')}, ${index('last')} + 1)) AS b FROM span ) SELECT CAST(make_timestamp(${origin} + buckets.b * ${w}) AS TIMESTAMPTZ) AS bucket, coalesce(counts.total, 0) AS total, coalesce(counts.errors, 0) AS errors FROM buckets LEFT JOIN counts ON counts.b = buckets.b ORDER BY buckets.b`,
		);
		expect(query.params).toEqual([span.from, span.until, span.from, span.until]);
	});

	test('the filter comes first, then the span', () => {
		const query = histogramQuery({chips: [{kind: 'field', field: 'eventName', value: 'A', exclude: false}]}, bucket('1h'), span);
		expectWellFormed(query);
		expect(query.sql).toContain('// 3600000000');
		expect(query.sql).toContain('WHERE eventName = ? AND eventTime >= ? AND eventTime < ?');
		expect(query.params).toEqual(['A', span.from, span.until, span.from, span.until]);
	});

	test('a bucket not from the ladder is refused', () => {
		const forged = {name: "1m') --", label: 'x', interval: "1 minute'); DROP TABLE events; --", ms: 60_000} as unknown as Bucket;
		expect(() => histogramQuery({chips: []}, forged, span)).toThrow(/Unknown histogram bucket/);
		const tampered = {...bucket('1m'), interval: "1 minute'); DROP TABLE events; --", ms: '1); DROP TABLE events; --'} as unknown as Bucket;
		expect(histogramQuery({chips: []}, tampered, span).sql).not.toContain('DROP');
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

describe('outlierSpanQuery', () => {
	test('binds the filter, then the central quantiles and the floor; nothing spliced', () => {
		const query = outlierSpanQuery({chips: [{kind: 'field', field: 'principal', value: "x'); DROP TABLE events; --", exclude: false}]}, 1001)!;
		expectWellFormed(query);
		expect(query.sql).not.toContain('DROP');
		expect(query.sql).toMatch(/^WITH f AS \(SELECT epoch_us\(eventTime\) AS t FROM events WHERE principal = \?\), q AS \(SELECT reservoir_quantile\(t, \?\) AS lo, reservoir_quantile\(t, \?\) AS hi FROM f\),/);
		// k = 1% of 1,001 = 10: the 10th smallest and largest (0-based) of 1,001 values.
		expect(query.params).toEqual(["x'); DROP TABLE events; --", 10.5 / 1000, 990.5 / 1000, OUTLIER_FLOOR_MS * 1000, OUTLIER_FLOOR_MS * 1000]);
	});

	test('k: 1% of the events, at least 3 when there are 7, none below 3 events', () => {
		const k = (n: number) => Math.round(centralQuantiles(n)![0] * (n - 1) - 0.5);
		expect([3, 4, 5, 6, 7, 100, 299, 300, 1000, 1_000_000].map(k)).toEqual([1, 1, 2, 2, 3, 3, 3, 3, 10, 10_000]);
		for (const n of [3, 10, 1000]) expect(centralQuantiles(n)![1] * (n - 1) - 0.5).toBeCloseTo(n - 1 - k(n));
		expect(centralQuantiles(2)).toBeUndefined();
		expect(centralQuantiles(Number.NaN)).toBeUndefined();
		expect(outlierSpanQuery({chips: []}, 0)).toBeUndefined();
	});
});
