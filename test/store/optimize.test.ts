import {describe, expect, test} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {orderEventsByTime} from '../../source/store/optimize.js';

async function caseWith(times: string[]): Promise<CaseFile> {
	const db = await CaseFile.open(':memory:');
	for (const [i, time] of times.entries()) {
		const raw = JSON.stringify({
			eventID: `e${i}`,
			eventTime: time,
			userIdentity: {type: 'IAMUser', arn: `arn:aws:iam::1:user/u${i}`},
		});
		await db.run(
			`INSERT INTO events (eventID, eventTime, principal, eventName, raw) VALUES (?, ?::TIMESTAMPTZ, ?, 'X', ?)`,
			[`e${i}`, time, `u${i}`, raw],
		);
	}
	return db;
}

describe('orderEventsByTime', () => {
	test('rewrites the events in (eventTime, eventID) order, keeping every row and the computed columns', async () => {
		const db = await caseWith([
			'2024-12-03T10:00:00Z',
			'2024-12-01T00:00:00Z',
			'2024-12-03T10:00:00Z',
			'2024-11-30T23:59:59Z',
		]);
		try {
			const before = await db.all('SELECT * FROM events ORDER BY eventID');
			const result = await orderEventsByTime(db);
			expect(result).toMatchObject({reordered: true, events: 4});
			const order = await db.all('SELECT eventID FROM events ORDER BY rowid');
			expect(order.map(r => r['eventID'])).toEqual(['e3', 'e1', 'e0', 'e2']);
			expect(await db.all('SELECT * FROM events ORDER BY eventID')).toEqual(before);
			const [identity] = await db.all(`SELECT userIdentity->>'arn' AS arn FROM events WHERE eventID = 'e1'`);
			expect(identity?.['arn']).toBe('arn:aws:iam::1:user/u1');
			// NOT NULL constraints and the schema version stay.
			await expect(db.run(`INSERT INTO events (eventID, eventTime) VALUES ('x', now())`)).rejects.toThrow(/NOT NULL/);
			expect(await db.schemaVersion()).toBeGreaterThan(0);
		} finally {
			db.close();
		}
	});

	test('leaves a table already in order (or empty) alone', async () => {
		const db = await caseWith(['2024-12-01T00:00:00Z', '2024-12-02T00:00:00Z']);
		try {
			expect(await orderEventsByTime(db)).toMatchObject({reordered: false, events: 2});
		} finally {
			db.close();
		}
		const empty = await CaseFile.open(':memory:');
		try {
			expect(await orderEventsByTime(empty)).toMatchObject({reordered: false, events: 0});
		} finally {
			empty.close();
		}
	});
});
