import {cp} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadFiles, type LoadSummary} from '../../source/loader/load-files.js';
import {generateSample, type GroundTruth} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {count, countsBy} from '../helpers/counts.js';
import {tempDir} from '../helpers/temp.js';

async function load(
	db: CaseFile,
	sources: string[],
	options: Parameters<typeof loadFiles>[2] = {},
): Promise<LoadSummary> {
	const {files, errors} = await expandLocalSources(sources);
	expect(errors).toEqual([]);
	return loadFiles(db, files, options);
}

describe('loading a generated archive', () => {
	let dir: string;
	let archive: string;
	let truth: GroundTruth;
	let db: CaseFile;
	let first: LoadSummary;

	beforeAll(async () => {
		dir = await tempDir();
		archive = path.join(dir, 'archive');
		truth = await generateSample({outDir: archive, events: 6000, seed: 11, recordsPerFile: 300});
		db = await CaseFile.open(path.join(dir, 'case.duckdb'));
		first = await load(db, [archive], {batchFiles: 7});
	});

	it('keeps exactly the IoT 1-Click events, once each', async () => {
		expect(first.filesFailed).toEqual([]);
		expect(first.filesLoaded).toBe(truth.logFiles.length);
		expect(first.records).toBe(truth.totalRecords);
		expect(first.eventsAdded).toBe(truth.iotEvents);
		expect(await count(db, 'SELECT count(*) FROM events')).toBe(truth.iotEvents);
		expect(await count(db, `SELECT count(*) FROM events WHERE eventSource <> 'iot1click.amazonaws.com'`)).toBe(0);
	});

	it('counts by eventName, principal, principalType and deviceId equal the ground truth', async () => {
		expect(await countsBy(db, 'eventName')).toEqual(truth.byEventName);
		expect(await countsBy(db, 'principal')).toEqual(truth.byPrincipal);
		expect(await countsBy(db, 'principalType')).toEqual(truth.byPrincipalType);
		expect(await countsBy(db, 'deviceId')).toEqual(truth.byDeviceId);
		expect(await countsBy(db, 'awsRegion')).toEqual(truth.byRegion);
		expect(await count(db, 'SELECT count(*) FROM events WHERE errorCode IS NOT NULL')).toBe(truth.errors);
	});

	it('counts the duplicate delivery and the other services it skipped', async () => {
		const iotDuplicates = await count(
			db,
			`SELECT count(*) FROM events WHERE list_contains(string_split(?, ','), eventID)`,
			[truth.duplicateEventIDs.join(',')],
		);
		expect(truth.duplicateDeliveries).toBeGreaterThan(0);
		expect(first.duplicates).toBe(iotDuplicates);
		expect(first.otherService).toBe(truth.totalRecords - truth.iotEvents - iotDuplicates);
		expect(first.badRecords).toBe(0);
	});

	it('skips digest files with a note, not an error', () => {
		expect(first.filesSkipped).toHaveLength(truth.digestFiles.length);
		for (const note of first.filesSkipped) expect(note.reason).toMatch(/digest/);
	});

	it('keeps the incident findable: 12 devices disabled by one principal from one IP', async () => {
		const incident = truth.incident!;
		const rows = await db.all(
			`SELECT DISTINCT deviceId FROM events WHERE principal = ? AND sourceIPAddress = ? AND eventName = 'UpdateDeviceState' ORDER BY 1`,
			[incident.principal, incident.sourceIPAddress],
		);
		expect(rows.map(row => row['deviceId'])).toEqual([...incident.deviceIds].sort());
	});

	it('records every file in the ledger', async () => {
		expect(await count(db, `SELECT count(*) FROM files WHERE status = 'loaded'`)).toBe(truth.logFiles.length);
		expect(await count(db, `SELECT sum(events) FROM files`)).toBe(truth.iotEvents + first.duplicates);
	});

	it('a re-run skips every file the ledger holds unchanged', async () => {
		const again = await load(db, [archive]);
		expect(again.filesUnchanged).toBe(truth.logFiles.length);
		expect(again.filesLoaded).toBe(0);
		expect(again.eventsAdded).toBe(0);
		expect(await count(db, 'SELECT count(*) FROM events')).toBe(truth.iotEvents);
	});

	it('--force reloads, adding nothing: every event is a duplicate', async () => {
		const forced = await load(db, [archive], {force: true});
		expect(forced.filesLoaded).toBe(truth.logFiles.length);
		expect(forced.eventsAdded).toBe(0);
		expect(forced.duplicates).toBe(truth.iotEvents + first.duplicates);
		expect(await count(db, 'SELECT count(*) FROM events')).toBe(truth.iotEvents);
	});

	it('the same archive copied elsewhere adds nothing', async () => {
		const copy = path.join(dir, 'copy');
		await cp(archive, copy, {recursive: true});
		const again = await load(db, [copy]);
		expect(again.filesLoaded).toBe(truth.logFiles.length);
		expect(again.eventsAdded).toBe(0);
		expect(await count(db, 'SELECT count(*) FROM events')).toBe(truth.iotEvents);
	});

	it('--all-services keeps every service', async () => {
		const all = await CaseFile.open(path.join(dir, 'all.duckdb'));
		const summary = await load(all, [archive], {allServices: true});
		expect(summary.eventsAdded).toBe(truth.iotEvents + truth.otherServiceEvents);
		expect(summary.otherService).toBe(0);
		all.close();
	});
});

describe('--since and --until', () => {
	it('keep only events in the window and count the rest', async () => {
		const dir = await tempDir();
		const truth = await generateSample({outDir: path.join(dir, 'a'), events: 3000, seed: 5});
		const since = new Date('2024-12-01T00:00:00Z');
		const until = new Date('2024-12-05T00:00:00Z');
		const everything = await CaseFile.open(path.join(dir, 'all.duckdb'));
		await load(everything, [path.join(dir, 'a')]);
		const expected = await count(
			everything,
			`SELECT count(*) FROM events WHERE eventTime >= '2024-12-01T00:00:00Z' AND eventTime < '2024-12-05T00:00:00Z'`,
		);
		everything.close();
		expect(expected).toBeGreaterThan(0);
		expect(expected).toBeLessThan(truth.iotEvents);

		const db = await CaseFile.open(path.join(dir, 'window.duckdb'));
		const summary = await load(db, [path.join(dir, 'a')], {since, until});
		expect(summary.eventsAdded).toBe(expected);
		expect(
			await count(db, `SELECT count(*) FROM events WHERE eventTime < ? OR eventTime >= ?`, [
				since.toISOString(),
				until.toISOString(),
			]),
		).toBe(0);
		expect(summary.outOfRange).toBeGreaterThan(0);
		db.close();
	});
});
