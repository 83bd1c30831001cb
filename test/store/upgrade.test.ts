/**
 * A case file from an older clicktrail opens in the read-only commands too (query, views, the screen): its schema is
 * upgraded first, with a moment's write access, and nothing else changes.
 */
import path from 'node:path';
import {expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {SCHEMA_VERSION} from '../../source/store/schema.js';
import {summariesFresh} from '../../source/store/summaries.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

it('a schema-3 case file opened read-only is upgraded first, its screen summaries built; query answers on it', async () => {
	const db = path.join(await tempDir(), 'old.duckdb');
	const writer = await CaseFile.open(db);
	await writer.run(
		`INSERT INTO events (eventID, eventTime, eventName, principal, raw, sourceFile) SELECT 'e' || i, TIMESTAMPTZ '2024-12-03 10:00:00+00', 'ListDevices', 'p', '{}', 'f' FROM range(1000) t(i)`,
	);
	// What migrations 4 to 9 added, taken back: the file as clicktrail wrote it before.
	await writer.run(
		`ALTER TABLE files DROP COLUMN loadedSince; ALTER TABLE files DROP COLUMN loadedUntil; ALTER TABLE files DROP COLUMN rejected`,
	);
	await writer.run(`DROP TABLE identity_events`);
	await writer.run(`DROP TABLE finding_events; DROP TABLE findings; DROP TABLE hunts`);
	await writer.run(`DROP TABLE athena_files; DROP TABLE athena_queries`);
	await writer.run(`DROP TABLE marks`);
	await writer.run(`DROP TABLE summary_hours; DROP TABLE summary_pairs; DROP TABLE summary_state`);
	await writer.run(`UPDATE clicktrail_meta SET value = '3' WHERE key = 'schema_version'`);
	writer.close();

	const notes: string[] = [];
	const holder = await CaseFile.open(db, {readOnly: true, onUpgrade: note => notes.push(note)}).catch(
		(error: unknown) => error,
	);
	expect(holder).toBeInstanceOf(CaseFile);
	(holder as CaseFile).close();
	// The one long step of the upgrade is announced (a progress line on a terminal), once.
	expect(notes).toEqual(["upgrading the case file: the screen's summaries of 1,000 events …"]);
	(await CaseFile.open(db, {readOnly: true, onUpgrade: note => notes.push(note)})).close();
	expect(notes).toHaveLength(1);

	const result = await runCli(['query', '--db', db, '--format', 'csv', 'SELECT count(*) AS n FROM events']);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	expect(result.stdout).toBe('n\n1000\n');
	const reader = await CaseFile.open(db, {readOnly: true});
	expect(await reader.schemaVersion()).toBe(SCHEMA_VERSION);
	expect(await reader.all(`SELECT count(*) AS n FROM identity_events`)).toEqual([{n: 0}]);
	expect(await reader.all(`SELECT count(*) AS n FROM marks`)).toEqual([{n: 0}]);
	// The screen reads the summaries, not the events table, from the first open after the upgrade.
	expect(await summariesFresh(reader)).toBe(true);
	expect(await reader.all(`SELECT sum(total)::INTEGER AS n FROM summary_hours WHERE field = 'eventName'`)).toEqual([
		{n: 1000},
	]);
	reader.close();
});
