/**
 * The histogram query on real DuckDB: its integer bucketing gives exactly time_bucket's buckets, before and after
 * the origin, for every width of the ladder.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {BUCKETS, centralQuantiles, histogramQuery, outlierSpanQuery, spanQuery} from '../../source/query/histogram.js';
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

describe('histogramQuery on DuckDB', () => {
	test.each(BUCKETS.map(b => [b.name, b] as const))('%s buckets match time_bucket', async (_name, bucket) => {
		const from = new Date('1999-12-25T03:17:11.5Z');
		const span = {from, until: new Date(from.getTime() + 50 * bucket.ms + 1234)};
		const rows = await read(db, histogramQuery({chips: []}, bucket, span));
		const expected = await db.all(
			`WITH c AS (SELECT time_bucket(INTERVAL '${bucket.interval}', CAST(eventTime AS TIMESTAMP)) AS bucket, count(*) AS total, count(errorCode) AS errors
			FROM events WHERE eventTime >= ?::TIMESTAMPTZ AND eventTime < ?::TIMESTAMPTZ GROUP BY 1)
			SELECT CAST(bucket AS TIMESTAMPTZ) AS bucket, total, errors FROM c ORDER BY 1`,
			[span.from.toISOString(), span.until.toISOString()],
		);
		expect(rows.filter(r => Number(r['total']) > 0)).toEqual(expected);
		// Zero-filled: every bucket from the one holding from to the one holding until's last microsecond.
		const first = rows[0]!['bucket'] as Date;
		const last = rows.at(-1)!['bucket'] as Date;
		expect(first.getTime()).toBeLessThanOrEqual(from.getTime());
		expect(first.getTime() + bucket.ms).toBeGreaterThan(from.getTime());
		expect(last.getTime()).toBeLessThan(span.until.getTime());
		expect(last.getTime() + bucket.ms).toBeGreaterThanOrEqual(span.until.getTime());
		expect(rows).toHaveLength((last.getTime() - first.getTime()) / bucket.ms + 1);
	});
});

describe('outlierSpanQuery on DuckDB', () => {
	const DAY = 86_400_000;
	const base = Date.parse('2024-11-05T00:00:00Z');

	/** A case file holding events at these times (principal p1, unless given). */
	async function caseWith(times: ReadonlyArray<number | string>, principal: (i: number) => string = () => 'p1'): Promise<CaseFile> {
		const file = await CaseFile.open(':memory:');
		const rows = times.map((time, i) => ({id: `e${i}`, time: typeof time === 'number' ? new Date(time).toISOString() : time, principal: principal(i)}));
		for (let i = 0; i < rows.length; i += 500) {
			const chunk = rows.slice(i, i + 500);
			// eslint-disable-next-line no-await-in-loop
			await file.run(`INSERT INTO events (eventID, eventTime, principal) VALUES ${chunk.map(() => '(?, CAST(? AS TIMESTAMPTZ), ?)').join(', ')}`,
				chunk.flatMap(row => [row.id, row.time, row.principal]));
		}

		return file;
	}

	async function fenced(file: CaseFile, state: Parameters<typeof outlierSpanQuery>[0] = {chips: []}) {
		const [{count} = {count: 0}] = await read(file, spanQuery(state));
		const query = outlierSpanQuery(state, Number(count));
		if (!query) return undefined;
		const [row = {}] = await read(file, query);
		const date = (value: unknown) => new Date(Number(BigInt(value as bigint) / 1000n)).toISOString();
		return {first: date(row['first']), last: date(row['last']), before: Number(row['before']), after: Number(row['after'])};
	}

	const spread = (n: number, from: number, days: number) => Array.from({length: n}, (_, i) => from + Math.floor((i * days * DAY) / n));

	test('a record in 1970 and one in 9999 are left out of 1,000 events over 30 days', async () => {
		const file = await caseWith([...spread(1000, base, 30), '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z']);
		expect(await fenced(file)).toEqual({first: new Date(base).toISOString(), last: new Date(spread(1000, base, 30).at(-1)!).toISOString(), before: 1, after: 1});
		file.close();
	});

	test('with few events too: 51 in a day and one in 9999; 10 in an hour and two in 9999', async () => {
		const a = await caseWith([...spread(51, base, 1), '9999-12-31T23:59:59Z']);
		expect(await fenced(a)).toMatchObject({before: 0, after: 1});
		a.close();
		const b = await caseWith([...spread(10, base, 1 / 24), '9999-01-01T00:00:00Z', '9999-12-31T23:59:59Z']);
		expect(await fenced(b)).toMatchObject({before: 0, after: 2, last: new Date(spread(10, base, 1 / 24).at(-1)!).toISOString()});
		b.close();
	});

	test('leaves everything in when nothing lies far away: 3 even years, a burst and its quiet week', async () => {
		const even = await caseWith(spread(1000, base, 3 * 365));
		expect(await fenced(even)).toMatchObject({before: 0, after: 0});
		even.close();
		const burst = await caseWith([...spread(990, base, 1 / 24), ...spread(10, base + DAY, 5)]);
		expect(await fenced(burst)).toMatchObject({before: 0, after: 0});
		burst.close();
	});

	test('applies the filter first, and needs at least 3 events', async () => {
		const file = await caseWith([...spread(100, base, 10), '9999-12-31T23:59:59Z'], i => (i === 100 ? 'p1' : 'p2'));
		expect(await fenced(file, {chips: [{kind: 'field', field: 'principal', value: 'p2', exclude: false}]})).toMatchObject({before: 0, after: 0});
		expect(await fenced(file)).toMatchObject({after: 1});
		file.close();
		expect(outlierSpanQuery({chips: []}, 2)).toBeUndefined();
		// With 3 events both ends of the central span are the middle one.
		expect(centralQuantiles(3)).toEqual([0.75, 0.75]);
	});
});
