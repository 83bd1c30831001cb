import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {FACT_COLUMNS} from '../../source/inventory/rows.js';
import type {Dossier} from '../../source/inventory/dossier.js';
import type {Inventory} from '../../source/inventory/types.js';
import {expectedInventory, generateLifecycle, isoMicros, type LifecycleTruth} from '../../source/sample/index.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

function truthAt(truth: LifecycleTruth, atMs: number): Inventory {
	return JSON.parse(JSON.stringify(expectedInventory(truth, atMs))) as Inventory;
}

describe('clicktrail inventory and clicktrail device', () => {
	let truth: LifecycleTruth;
	let db: string;

	beforeAll(async () => {
		const dir = await tempDir();
		const archive = path.join(dir, 'archive');
		truth = await generateLifecycle({outDir: archive, seed: 21, cycles: 4});
		db = path.join(dir, 'case.duckdb');
		const load = await runCli(['load', archive, '--db', db, '--quiet']);
		expect(load.stderr).toBe('');
		expect(load.code).toBe(0);
	}, 60_000);

	it('--format json: after the newest event by default, and as of --at', async () => {
		const newest = Math.max(...truth.calls.map(c => c.timeMs), ...truth.failures.map(f => f.timeMs));
		const all = await runCli(['inventory', '--db', db, '--format', 'json']);
		expect(all.stderr).toBe('');
		expect(all.code).toBe(0);
		expect(JSON.parse(all.stdout)).toEqual(truthAt(truth, newest));
		const mid = truth.calls[Math.floor(truth.calls.length / 2)]!.timeMs;
		const at = await runCli([
			'inventory',
			'--db',
			db,
			'--format',
			'json',
			'--at',
			isoMicros(mid).replace('.000000Z', 'Z'),
		]);
		expect(at.code).toBe(0);
		expect(JSON.parse(at.stdout)).toEqual(truthAt(truth, mid));
		expect(JSON.parse(at.stdout)).not.toEqual(JSON.parse(all.stdout));
	});

	it('table, csv and ndjson: one row per fact with the event that set it', async () => {
		const inventory = truthAt(truth, truth.endMs);
		const placements = inventory.projects.flatMap(p => p.placements);
		const facts =
			inventory.projects.length +
			placements.length * 2 +
			placements.reduce((n, p) => n + p.devices.length, 0) +
			inventory.devices.length * 3;
		const ndjson = await runCli(['inventory', '--db', db, '--format', 'ndjson']);
		expect(ndjson.code).toBe(0);
		const rows = ndjson.stdout
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(rows).toHaveLength(facts);
		expect(Object.keys(rows[0]!)).toEqual([...FACT_COLUMNS]);
		const disabled = inventory.devices.find(d => d.enabled === false)!;
		expect(rows).toContainEqual(
			expect.objectContaining({
				kind: 'device',
				deviceId: disabled.deviceId,
				fact: 'enabled',
				value: 'false',
				eventID: disabled.enabledSetBy!.eventID,
			}),
		);
		const csv = await runCli(['inventory', '--db', db, '--format', 'csv']);
		expect(csv.stdout.split('\n')[0]).toBe(FACT_COLUMNS.join(','));
		expect(csv.stdout.trimEnd().split('\n')).toHaveLength(facts + 1);
		const table = await runCli(['inventory', '--db', db, '--max-rows', '5000'], {COLUMNS: '300'});
		expect(table.code).toBe(0);
		expect(table.stdout.split('\n')[0]).toMatch(/^kind\s*│accountId/);
		expect(table.stderr).toBe(`${facts.toLocaleString('en-US')} rows\n`);
	});

	it('device: every event that touched it, failed calls included, with its state after each', async () => {
		// Story 0 deletes its project while d2 is still in a placement: that DeleteProject takes it out, unnamed.
		const deviceId = truth.ties[0]!.deviceId;
		const result = await runCli(['device', deviceId, '--db', db, '--format', 'json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const dossier = JSON.parse(result.stdout) as Dossier;
		expect(dossier.deviceId).toBe(deviceId);
		const named = [
			...truth.calls.filter(c => c.deviceId === deviceId),
			...truth.failures.filter(f => f.deviceId === deviceId),
		];
		const ids = dossier.events.map(e => e.eventID);
		for (const event of named) expect(ids).toContain(event.eventID);
		const last = dossier.events.at(-1)!;
		expect(last.eventName).toBe('DeleteProject');
		expect(last.after.placement).toBeNull();
		expect(dossier.events.filter(e => e.errorCode !== null).length).toBe(
			truth.failures.filter(f => f.deviceId === deviceId).length,
		);
		expect(ids.length).toBe(named.length + 1);
		const order = dossier.events.map(e => `${e.eventTime} ${e.eventID}`);
		expect(order).toEqual([...order].sort());
		const tied = new Set(truth.ties[0]!.eventIDs);
		for (const event of dossier.events) {
			if (tied.has(event.eventID)) continue;
			const expected = truthAt(truth, Date.parse(event.eventTime)).devices.find(d => d.deviceId === deviceId);
			const {enabled = null, enabledSetBy = null, placement = null, claimed = null} = expected ?? {};
			expect(event.after, `${event.eventName} ${event.eventID}`).toEqual({enabled, enabledSetBy, placement, claimed});
		}
		const table = await runCli(['device', deviceId, '--db', db], {COLUMNS: '400'});
		expect(table.stdout.split('\n')[0]).toMatch(/^eventTime\s*│eventName\s*│principal/);
		expect(table.stderr).toBe(`${ids.length} rows\n`);
	});

	it('errors: an unknown device (1), a bad --at, arguments (2); --help', async () => {
		const unknown = await runCli(['device', 'G030PM0000000000', '--db', db]);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toMatch(/no IoT 1-Click event names device "G030PM0000000000"/);
		const badAt = await runCli(['inventory', '--db', db, '--at', 'yesterday-ish']);
		expect(badAt.code).toBe(2);
		expect(badAt.stderr).toMatch(/--at: Cannot read time/);
		expect((await runCli(['inventory', 'extra', '--db', db])).code).toBe(2);
		expect((await runCli(['device', '--db', db])).code).toBe(2);
		expect((await runCli(['inventory', '--db', db, '--format', 'xml'])).code).toBe(2);
		const missing = await runCli(['inventory', '--db', `${db}.missing`]);
		expect(missing.code).toBe(1);
		const help = await runCli(['inventory', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/--at TIME/);
		expect((await runCli(['device', '-h'])).stdout).toMatch(/clicktrail device DEVICE_ID/);
	});
});
