/**
 * The histogram query on real DuckDB: its integer bucketing gives exactly time_bucket's buckets, before and after
 * the origin, for every width of the ladder.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {BUCKETS, histogramQuery} from '../../source/query/histogram.js';
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
