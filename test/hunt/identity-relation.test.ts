/**
 * Rules read the identity events too: when the case file has identity_events (the lineage's table, the events
 * columns plus its own), hunt_events is events UNION ALL BY NAME identity_events, an event in both read once.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {makeRecords, type CloudTrailRecord} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {tempDir} from '../helpers/temp.js';
import {hunt, loadRecords, rule} from './helpers.js';

describe('hunt_events with identity_events', () => {
	let db: string;
	let records: CloudTrailRecord[];

	beforeAll(async () => {
		records = makeRecords({count: 1000, seed: 11, iotShare: 0.5});
		db = await loadRecords(await tempDir(), 'identity', records);
		const writer = await CaseFile.open(db);
		try {
			// The load kept the STS events in identity_events (and, loaded with every service, in events too). All but
			// one leave events: that one is in both tables.
			const [kept] = await writer.all(`SELECT count(*) AS n FROM identity_events WHERE eventName = 'AssumeRole'`);
			expect(Number(kept?.['n'])).toBeGreaterThan(20);
			await writer.run(
				`DELETE FROM events WHERE eventSource = 'sts.amazonaws.com' AND eventID <> (SELECT min(eventID) FROM identity_events)`,
			);
		} finally {
			writer.close();
		}
	}, 60_000);

	it('an identity rule finds every AssumeRole once, whichever table holds it', async () => {
		const expected = records
			.filter(r => r.eventName === 'AssumeRole')
			.map(r => r.eventID)
			.sort();
		expect(expected.length).toBeGreaterThan(20);
		const result = await hunt(
			db,
			rule('  sel:\n    eventSource: sts.amazonaws.com\n    eventName: AssumeRole\n  condition: sel'),
		);
		expect(result.findings.flatMap(f => f.eventIDs).sort()).toEqual(expected);
		const iot = await hunt(db, rule('  sel:\n    eventSource: iot1click.amazonaws.com\n  condition: sel'));
		expect(iot.findings.reduce((n, f) => n + f.count, 0)).toBe(
			records.filter(r => r.eventSource === 'iot1click.amazonaws.com').length,
		);
	});
});
