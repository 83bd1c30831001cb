import {spawn} from 'node:child_process';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {generateSample} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {CLI, runCli} from '../helpers/cli.js';
import {count, countsBy} from '../helpers/counts.js';
import {tempDir} from '../helpers/temp.js';

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
	// Kill once at least one batch of events has committed. DuckDB writes a big transaction's rows to the write-ahead
	// log before its commit (a kill at 256 KB found nothing committed), and a batch of 4 files is about 800 records of
	// about 1 KB: a WAL past 4 MB holds several batches, so at least one committed (state, not a fixed delay).
	await walHolds(`${db}.wal`, 4 * 1024 * 1024, exited);
	child.kill('SIGKILL');
	expect(await exited).toBe('SIGKILL');

	const partial = await CaseFile.open(db);
	const loadedEvents = await count(partial, 'SELECT count(*) FROM events');
	expect(loadedEvents).toBeGreaterThan(0);
	expect(loadedEvents).toBeLessThan(truth.iotEvents);
	// Every event belongs to a file the ledger says is loaded: no half-loaded file.
	expect(
		await count(
			partial,
			`SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = e.sourceFile AND f.status = 'loaded')`,
		),
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

/** Resolves once the file has reached `bytes`; rejects if the process ends first. */
async function walHolds(file: string, bytes: number, exited: Promise<unknown>): Promise<void> {
	let done = false;
	void exited.then(() => (done = true));
	for (;;) {
		if (done) throw new Error(`the load ended before its write-ahead log reached ${bytes} bytes`);
		const size = (await stat(file).catch(() => undefined))?.size ?? 0;
		if (size >= bytes) return;
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}
