import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {generateLineage, type LineageTruth} from '../../source/sample/index.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

async function all(db: string, sql: string): Promise<Record<string, unknown>[]> {
	const caseFile = await CaseFile.open(db, {readOnly: true});
	try {
		return await caseFile.all(sql);
	} finally {
		caseFile.close();
	}
}

describe('every load keeps identity events in identity_events', () => {
	let truth: LineageTruth;
	let dir: string;
	let archive: string;

	beforeAll(async () => {
		dir = await tempDir();
		archive = path.join(dir, 'archive');
		truth = await generateLineage({outDir: archive, seed: 9, background: 1500});
	}, 60_000);

	it('without --all-services: events holds the IoT 1-Click events only, identity_events every identity event', async () => {
		const db = path.join(dir, 'iot.duckdb');
		const load = await runCli(['load', archive, '--db', db]);
		expect(load.code).toBe(0);
		const [counts] = await all(
			db,
			`SELECT (SELECT count(*) FROM events) AS events,
				(SELECT count(*) FROM events WHERE eventSource <> 'iot1click.amazonaws.com') AS other,
				(SELECT count(*) FROM identity_events) AS identity`,
		);
		expect(Number(counts!['events'])).toBe(truth.iotEvents);
		expect(Number(counts!['other'])).toBe(0);
		const ids = new Set((await all(db, 'SELECT eventID FROM identity_events')).map(row => String(row['eventID'])));
		for (const id of truth.identityEventIDs) expect(ids.has(id)).toBe(true);
		// Background records hold other identity events (the sample's AssumeRole calls) too.
		expect(Number(counts!['identity'])).toBeGreaterThan(truth.identityEventIDs.length);
		expect(load.stdout).toContain(
			`identity events (for lineage): ${Number(counts!['identity']).toLocaleString('en-US')} added, 0 duplicates`,
		);
		// The ledger's counts are unchanged: identity events are still other-service records of events' accounting.
		const [ledger] = await all(
			db,
			'SELECT sum(records) AS records, sum(events) AS events, sum(otherService) AS other FROM files',
		);
		expect(Number(ledger!['records'])).toBe(truth.records);
		expect(Number(ledger!['events'])).toBe(truth.iotEvents);
		expect(Number(ledger!['other'])).toBe(truth.records - truth.iotEvents);

		const [columns] = await all(
			db,
			`SELECT count(issuedAccessKeyId) AS keys, count(roleArn) AS roles, count(roleSessionName) AS sessions,
				count(expiration) AS expirations, count(sharedEventID) AS shared, count(*) FILTER (WHERE principal = '') AS empty
			FROM identity_events WHERE eventID IN (${truth.identityEventIDs.map(id => `'${id}'`).join(', ')})`,
		);
		expect(Number(columns!['keys'])).toBe(truth.identityEventIDs.length - 1); // the caller's cross-account copy has none
		expect(Number(columns!['roles'])).toBe(truth.identityEventIDs.length);
		expect(Number(columns!['sessions'])).toBe(truth.identityEventIDs.length);
		expect(Number(columns!['expirations'])).toBe(truth.identityEventIDs.length - 1);
		expect(Number(columns!['shared'])).toBe(2);
		expect(Number(columns!['empty'])).toBe(0);

		// A second load adds nothing: every identity event is a duplicate.
		const again = await runCli(['load', archive, '--db', db, '--force']);
		expect(again.stdout).toContain(
			`identity events (for lineage): 0 added, ${Number(counts!['identity']).toLocaleString('en-US')} duplicates`,
		);
		const [after] = await all(db, 'SELECT count(*) AS n FROM identity_events');
		expect(Number(after!['n'])).toBe(Number(counts!['identity']));
	}, 60_000);

	it('with --all-services: the same identity events, and events holds every record', async () => {
		const iot = path.join(dir, 'iot.duckdb');
		const db = path.join(dir, 'all.duckdb');
		const load = await runCli(['load', archive, '--db', db, '--all-services', '--quiet']);
		expect(load.code).toBe(0);
		const [counts] = await all(
			db,
			'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM identity_events) AS identity',
		);
		expect(Number(counts!['events'])).toBe(truth.records);
		const [before] = await all(iot, 'SELECT count(*) AS identity FROM identity_events');
		expect(Number(counts!['identity'])).toBe(Number(before!['identity']));
	}, 60_000);
});
