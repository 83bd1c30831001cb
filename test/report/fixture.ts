/**
 * A case file for the report tests: a generated sample with its planted incident, one more IoT 1-Click event whose
 * text is hostile (a userAgent holding <script> and terminal escapes, quotes in the address), the shipped hunt run,
 * and the first incident event marked with a note that holds markup.
 */
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {expect} from 'vitest';
import {generateSample, type GroundTruth} from '../../source/sample/index.js';
import {runCli} from '../helpers/cli.js';

export const HOSTILE_ID = 'hostile-0001';
export const HOSTILE_AGENT = '<script>alert("pwned")</script>\u001b[2J\u001b]52;c;cGF5bG9hZA==\u0007 \'quoted\' & more';
export const HOSTILE_IP = '"><img src=x onerror=alert(1)>';
export const MARK_NOTE = 'first disable <b>by</b> "mallory"';
/** The window every report test selects: the incident's half hour. */
export const WINDOW = ['--since', '2024-12-03T23:20Z', '--until', '2024-12-03T23:50Z'];

export type Fixture = {dir: string; db: string; truth: GroundTruth};

export async function reportFixture(dir: string): Promise<Fixture> {
	const archive = path.join(dir, 'archive');
	const truth = await generateSample({outDir: archive, events: 3000, seed: 7});
	const hostile = {
		eventVersion: '1.08',
		eventID: HOSTILE_ID,
		eventTime: '2024-12-03T23:40:00Z',
		eventSource: 'iot1click.amazonaws.com',
		eventName: 'DescribeDevice',
		awsRegion: 'us-east-1',
		sourceIPAddress: HOSTILE_IP,
		userAgent: HOSTILE_AGENT,
		userIdentity: {type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/<i>eve</i>', accountId: '111122223333'},
		requestParameters: {deviceId: 'G030<script>x</script>'},
		recipientAccountId: '111122223333',
	};
	await writeFile(path.join(archive, 'hostile.jsonl'), `${JSON.stringify(hostile)}\n`);
	const db = path.join(dir, 'case.duckdb');
	const load = await runCli(['load', archive, '--db', db, '--quiet']);
	expect(load.stderr).toBe('');
	expect(load.code).toBe(0);
	const hunt = await runCli(['hunt', '--db', db, '--format', 'json']);
	expect(hunt.code).toBe(5);
	const mark = await runCli(['marks', 'add', truth.incident!.eventIDs[0]!, '--note', MARK_NOTE, '--db', db]);
	expect(mark.stderr).toContain('marked');
	expect(mark.code).toBe(0);
	return {dir, db, truth};
}

/** The window's events as the case file holds them: eventID -> sourceFile. */
export async function windowEvents(db: string): Promise<Map<string, string>> {
	const query = await runCli([
		'query',
		'--db',
		db,
		'--format',
		'json',
		`SELECT eventID, sourceFile FROM events WHERE eventTime >= TIMESTAMPTZ '2024-12-03 23:20:00+00' AND eventTime < TIMESTAMPTZ '2024-12-03 23:50:00+00'`,
	]);
	expect(query.code).toBe(0);
	const rows = JSON.parse(query.stdout) as {eventID: string; sourceFile: string}[];
	return new Map(rows.map(row => [row.eventID, row.sourceFile]));
}
