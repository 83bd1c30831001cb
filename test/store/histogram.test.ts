/**
 * The histogram query on real DuckDB: its integer bucketing gives exactly time_bucket's buckets, before and after
 * the origin, for every width of the ladder; and the timeline's span follows where the events are.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {FilterState} from '../../source/query/filters.js';
import {BUCKETS, fillBuckets, histogramCountsQuery} from '../../source/query/histogram.js';
import {loadTimeline} from '../../source/ui/reads/timeline.js';
import {CaseFile} from '../../source/store/database.js';
import {read} from '../../source/store/read.js';

let db: CaseFile;
beforeAll(async () => {
	db = await CaseFile.open(':memory:');
	// Times on both sides of the origin (2000-01-03) and on bucket edges; every third one failed.
	await db.run(`INSERT INTO events (eventID, eventTime, principal, errorCode)
		SELECT 'e' || i, TIMESTAMPTZ '1999-12-20 00:00:00+00' + to_microseconds(i * 7777777777 + (i % 5) * 59999999), 'p', CASE WHEN i % 3 = 0 THEN 'Denied' END
		FROM range(400) t(i)`);
});
afterAll(() => db.close());

describe('histogramCountsQuery on DuckDB', () => {
	test.each(BUCKETS.map(b => [b.name, b] as const))(
		'%s buckets match time_bucket, zero-filled by fillBuckets',
		async (_name, bucket) => {
			const from = new Date('1999-12-25T03:17:11.5Z');
			const span = {from, until: new Date(from.getTime() + 50 * bucket.ms + 1234)};
			const counts = (await read(db, histogramCountsQuery({chips: []}, bucket, span))).map(r => ({
				index: Number(r['b']),
				total: Number(r['total']),
				errors: Number(r['errors']),
			}));
			const rows = fillBuckets(counts, bucket, span, 1000).map(b => ({
				bucket: b.start,
				total: b.total,
				errors: b.errors,
			}));
			const expected = await db.all(
				`WITH c AS (SELECT time_bucket(INTERVAL '${bucket.interval}', CAST(eventTime AS TIMESTAMP)) AS bucket, count(*) AS total, count(errorCode) AS errors
			FROM events WHERE eventTime >= ?::TIMESTAMPTZ AND eventTime < ?::TIMESTAMPTZ GROUP BY 1)
			SELECT CAST(bucket AS TIMESTAMPTZ) AS bucket, total, errors FROM c ORDER BY 1`,
				[span.from.toISOString(), span.until.toISOString()],
			);
			expect(rows.filter(r => r.total > 0)).toEqual(expected);
			// Zero-filled: every bucket from the one holding from to the one holding until's last microsecond.
			const first = rows[0]!.bucket;
			const last = rows.at(-1)!.bucket;
			expect(first.getTime()).toBeLessThanOrEqual(from.getTime());
			expect(first.getTime() + bucket.ms).toBeGreaterThan(from.getTime());
			expect(last.getTime()).toBeLessThan(span.until.getTime());
			expect(last.getTime() + bucket.ms).toBeGreaterThanOrEqual(span.until.getTime());
			expect(rows).toHaveLength((last.getTime() - first.getTime()) / bucket.ms + 1);
			// The last N only.
			expect(fillBuckets(counts, bucket, span, 7).map(b => b.start)).toEqual(rows.slice(-7).map(r => r.bucket));
		},
	);
});

describe('the timeline follows where the events are (loadTimeline on DuckDB)', () => {
	const DAY = 86_400_000;
	const base = Date.parse('2024-11-05T00:00:00Z');

	/** A case file holding events at these times (principal p1, unless given). */
	async function caseWith(
		times: ReadonlyArray<number | string>,
		principal: (i: number) => string = () => 'p1',
	): Promise<CaseFile> {
		const file = await CaseFile.open(':memory:');
		const rows = times.map((time, i) => ({
			id: `e${i}`,
			time: typeof time === 'number' ? new Date(time).toISOString() : time,
			principal: principal(i),
		}));
		for (let i = 0; i < rows.length; i += 500) {
			const chunk = rows.slice(i, i + 500);

			await file.run(
				`INSERT INTO events (eventID, eventTime, principal) VALUES ${chunk.map(() => '(?, CAST(? AS TIMESTAMPTZ), ?)').join(', ')}`,
				chunk.flatMap(row => [row.id, row.time, row.principal]),
			);
		}

		return file;
	}

	/** What the timeline shows at 80 columns, and how many reads it took. */
	async function timeline(file: CaseFile, filter: FilterState = {chips: []}) {
		let reads = 0;
		const shown = await loadTimeline(
			async q => {
				reads++;
				return read(file, q);
			},
			filter,
			80,
		);
		const total = shown?.counts.reduce((sum, c) => sum + c.total, 0);
		return {
			bucket: shown?.bucket.name,
			from: shown?.from.toISOString(),
			until: shown?.until.toISOString(),
			total,
			outside: shown?.outside,
			reads,
		};
	}

	const spread = (n: number, from: number, days: number) =>
		Array.from({length: n}, (_, i) => from + Math.floor((i * days * DAY) / n));
	const iso = (ms: number) => new Date(ms).toISOString();

	test('a record in 1970 and one in 9999 are left out of 1,000 events over 30 days', async () => {
		const times = spread(1000, base, 30);
		const file = await caseWith([...times, '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z']);
		expect(await timeline(file)).toEqual({
			bucket: '1d',
			from: iso(base),
			until: iso(times.at(-1)! + 1),
			total: 1000,
			reads: 4,
			outside: {
				before: 1,
				after: 1,
				earliest: new Date('1970-01-01T00:00:00Z'),
				latest: new Date('9999-12-31T23:59:59Z'),
			},
		});
		file.close();
	});

	test('with few events too: 51 in a day and one in 9999; 10 in an hour and two in 9999', async () => {
		const a = await caseWith([...spread(51, base, 1), '9999-12-31T23:59:59Z']);
		expect(await timeline(a)).toMatchObject({bucket: '1h', total: 51, outside: {before: 0, after: 1}});
		a.close();
		const hour = spread(10, base, 1 / 24);
		const b = await caseWith([...hour, '9999-01-01T00:00:00Z', '9999-12-31T23:59:59Z']);
		expect(await timeline(b)).toMatchObject({
			bucket: '1m',
			until: iso(hour.at(-1)! + 1),
			total: 10,
			outside: {before: 0, after: 2},
		});
		b.close();
	});

	test('leaves everything in, in two reads, when nothing lies far away: a year of even days, a burst and its quiet week', async () => {
		const even = await caseWith(spread(1000, base, 365));
		expect(await timeline(even)).toMatchObject({bucket: '7d', total: 1000, outside: undefined, reads: 2});
		even.close();
		const burst = await caseWith([...spread(990, base, 1 / 24), ...spread(10, base + DAY, 5)]);
		expect(await timeline(burst)).toMatchObject({total: 1000, outside: undefined, reads: 2});
		burst.close();
	});

	test('applies the filter first; a from/until window is shown whole', async () => {
		const file = await caseWith([...spread(100, base, 10), '9999-12-31T23:59:59Z'], i => (i === 100 ? 'p1' : 'p2'));
		expect(
			await timeline(file, {chips: [{kind: 'field', field: 'principal', value: 'p2', exclude: false}]}),
		).toMatchObject({total: 100, outside: undefined});
		expect(await timeline(file)).toMatchObject({total: 100, outside: {after: 1}});
		const window: FilterState = {
			chips: [
				{kind: 'from', time: new Date(base), label: 'a'},
				{kind: 'until', time: new Date(base + 400 * DAY), label: 'b'},
			],
		};
		expect(await timeline(file, window)).toMatchObject({bucket: '7d', total: 100, outside: undefined, reads: 1});
		file.close();
	});
});
