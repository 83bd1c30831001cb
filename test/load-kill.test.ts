import {spawn} from 'node:child_process';
import path from 'node:path';
import {expect, it} from 'vitest';
import {generateSample} from '../source/sample/index.js';
import {CaseFile} from '../source/store/database.js';
import {CLI, runCli} from './helpers/cli.js';
import {count, countsBy} from './helpers/counts.js';
import {tempDir} from './helpers/temp.js';

it('a load killed with SIGKILL leaves no half-loaded file, and a re-run gives exact counts', async () => {
	const dir = await tempDir();
	const archive = path.join(dir, 'archive');
	const db = path.join(dir, 'case.duckdb');
	const truth = await generateSample({outDir: archive, events: 60_000, seed: 4, recordsPerFile: 200, digests: false});

	// Small batches: many commits, so the kill lands between and inside them.
	const child = spawn(process.execPath, [CLI, 'load', archive, '--db', db], {
		env: {...process.env, CLICKTRAIL_BATCH_FILES: '4'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('close', (_code, signal) => resolve(signal)));
	// The first progress line comes once files are classified and loading starts.
	await new Promise<void>(resolve => child.stderr.once('data', () => resolve()));
	await new Promise(resolve => setTimeout(resolve, 1200));
	child.kill('SIGKILL');
	expect(await exited).toBe('SIGKILL');

	const partial = await CaseFile.open(db);
	const loadedEvents = await count(partial, 'SELECT count(*) FROM events');
	expect(loadedEvents).toBeGreaterThan(0);
	expect(loadedEvents).toBeLessThan(truth.iotEvents);
	// Every event belongs to a file the ledger says is loaded: no half-loaded file.
	expect(
		await count(partial, `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = e.sourceFile AND f.status = 'loaded')`),
	).toBe(0);
	// And every file the ledger says is loaded has all its events (redelivered ones may sit under the first file).
	expect(
		await count(
			partial,
			`SELECT count(*) FROM files f WHERE status = 'loaded' AND events > (SELECT count(*) FROM events e WHERE e.sourceFile = f.path) + ?`,
			[truth.duplicateDeliveries],
		),
	).toBe(0);
	partial.close();

	const rerun = await runCli(['load', archive, '--db', db]);
	expect(rerun.code).toBe(0);
	const whole = await CaseFile.open(db, {readOnly: true});
	expect(await count(whole, 'SELECT count(*) FROM events')).toBe(truth.iotEvents);
	expect(await countsBy(whole, 'eventName')).toEqual(truth.byEventName);
	expect(await countsBy(whole, 'deviceId')).toEqual(truth.byDeviceId);
	expect(await count(whole, `SELECT count(*) FROM files WHERE status = 'loaded'`)).toBe(truth.logFiles.length);
	whole.close();
}, 120_000);
