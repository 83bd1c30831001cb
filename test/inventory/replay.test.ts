import {copyFile} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {assembleInventory} from '../../source/inventory/assemble.js';
import {inventoryJson} from '../../source/inventory/json.js';
import type {Inventory} from '../../source/inventory/types.js';
import {loadFiles} from '../../source/loader/load-files.js';
import {expectedInventory, generateLifecycle, type LifecycleTruth} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {readDeviceDossier, readInventory} from '../../source/store/inventory.js';
import {assembleDossier} from '../../source/inventory/dossier.js';
import {tempDir} from '../helpers/temp.js';

/** The inventory as its JSON text reads back (attributes and all), for comparing with the generator's truth. */
async function inventoryAt(db: CaseFile, at?: Date): Promise<Inventory> {
	return JSON.parse(inventoryJson(assembleInventory(await readInventory(db, at)))) as Inventory;
}

function truthAt(truth: LifecycleTruth, atMs: number): Inventory {
	return JSON.parse(inventoryJson(expectedInventory(truth, atMs))) as Inventory;
}

async function lifecycleCase(
	cycles: number,
	seed: number,
): Promise<{truth: LifecycleTruth; db: CaseFile; file: string; dir: string}> {
	const dir = await tempDir();
	const archive = path.join(dir, 'archive');
	const truth = await generateLifecycle({outDir: archive, seed, cycles, recordsPerFile: 40});
	const file = path.join(dir, 'case.duckdb');
	const db = await CaseFile.open(file);
	const {files, errors} = await expandLocalSources([archive]);
	expect(errors).toEqual([]);
	const summary = await loadFiles(db, files, {});
	expect(summary.filesFailed).toEqual([]);
	expect(summary.eventsAdded).toBe(truth.events);
	return {truth, db, file, dir};
}

describe('the inventory replayed from a generated lifecycle (6 stories)', () => {
	let truth: LifecycleTruth;
	let db: CaseFile;
	let file: string;
	let dir: string;

	beforeAll(async () => {
		({truth, db, file, dir} = await lifecycleCase(6, 5));
	});

	it('equals the truth at 40 instants through the stories, and after the newest event', async () => {
		const times = [...new Set(truth.calls.map(call => call.timeMs))].sort((a, b) => a - b);
		const step = Math.max(1, Math.floor(times.length / 40));
		let checked = 0;
		for (let i = 0; i < times.length; i += step) {
			const at = times[i]!;
			expect(await inventoryAt(db, new Date(at)), `at ${new Date(at).toISOString()}`).toEqual(truthAt(truth, at));
			checked++;
		}
		expect(checked).toBeGreaterThanOrEqual(40);
		const newest = Math.max(...truth.calls.map(c => c.timeMs), ...truth.failures.map(f => f.timeMs));
		const end = await inventoryAt(db);
		expect(end).toEqual(truthAt(truth, newest));
		// What the stories leave: deleted and active projects, unknown ones, placed, disabled, unclaimed devices.
		const states = new Set(end.projects.map(p => p.state));
		expect([...states].sort()).toEqual(['active', 'deleted', 'unknown']);
		expect(end.devices.some(d => d.placement !== null)).toBe(true);
		expect(end.devices.some(d => d.enabled === false)).toBe(true);
		expect(end.devices.some(d => d.enabled === null && d.claimed === null && d.placement === null)).toBe(true);
		expect(end.devices.some(d => d.claimed?.state === 'unclaimed')).toBe(true);
	});

	it('is empty before the first call, with the instant asked for', async () => {
		const first = Math.min(...truth.calls.map(c => c.timeMs), ...truth.failures.map(f => f.timeMs));
		expect(await inventoryAt(db, new Date(first - 1000))).toEqual({
			at: new Date(first - 1000).toISOString().replace('Z', '000Z'),
			projects: [],
			devices: [],
		});
	});

	it('orders two state changes in the same second by eventID', async () => {
		expect(truth.ties.length).toBe(6);
		for (const tie of truth.ties) {
			const [a, b] = tie.eventIDs;
			const call = (id: string) => truth.calls.find(c => c.eventID === id)!;
			const at = call(a).timeMs;
			expect(call(b).timeMs).toBe(at);
			const winner = a > b ? call(a) : call(b);
			const device = (await inventoryAt(db, new Date(at))).devices.find(d => d.deviceId === tie.deviceId)!;
			expect(device.enabledSetBy?.eventID).toBe(winner.eventID);
			expect(device.enabled).toBe(winner.effect.kind === 'enable' && winner.effect.enabled);
		}
	});

	it("ends every device's dossier in the state the inventory gives it", async () => {
		const end = await inventoryAt(db);
		expect(end.devices.length).toBeGreaterThan(20);
		for (const device of end.devices) {
			const dossier = assembleDossier(device.deviceId, await readDeviceDossier(db, device.deviceId));
			const {enabled, enabledSetBy, placement, claimed} = device;
			expect(dossier.events.at(-1)!.after, device.deviceId).toEqual({enabled, enabledSetBy, placement, claimed});
			expect(dossier.events.map(e => e.eventID)).toContain(device.lastEvent.eventID);
		}
	});

	it('changes nothing for a failed call: the same inventory with every failed call removed, and just before each', async () => {
		expect(truth.failures.length).toBe(6 * 11);
		expect(await db.all(`SELECT count(*) AS n FROM events WHERE errorCode IS NOT NULL`)).toEqual([
			{n: truth.failures.length},
		]);
		for (const failure of truth.failures.filter((_, i) => i % 6 === 0)) {
			const before = await inventoryAt(db, new Date(failure.timeMs - 1));
			const after = await inventoryAt(db, new Date(failure.timeMs));
			expect({...after, at: null}, `${failure.eventName} ${failure.eventID}`).toEqual({...before, at: null});
		}
		const copy = path.join(dir, 'without-failures.duckdb');
		db.close();
		await copyFile(file, copy);
		db = await CaseFile.open(file, {readOnly: true});
		const without = await CaseFile.open(copy);
		try {
			expect(await without.run(`DELETE FROM events WHERE errorCode IS NOT NULL`)).toBe(truth.failures.length);
			const at = new Date(truth.endMs);
			const mid = new Date(truth.calls[Math.floor(truth.calls.length / 2)]!.timeMs);
			expect(await inventoryAt(without, at)).toEqual(await inventoryAt(db, at));
			expect(await inventoryAt(without, mid)).toEqual(await inventoryAt(db, mid));
		} finally {
			without.close();
		}
	});
});

describe('the inventory at a real size', () => {
	it('equals the truth for 300 stories (over 10,000 events) at 6 instants', async () => {
		const {truth, db} = await lifecycleCase(300, 9);
		expect(truth.events).toBeGreaterThan(10_000);
		const times = truth.calls.map(c => c.timeMs).sort((a, b) => a - b);
		for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 1]) {
			const at = times[Math.min(times.length - 1, Math.floor(times.length * fraction))]!;
			const started = performance.now();
			const inventory = await inventoryAt(db, new Date(at));
			const ms = performance.now() - started;
			expect(inventory, `at ${new Date(at).toISOString()}`).toEqual(truthAt(truth, at));
			expect(ms).toBeLessThan(10_000);
		}
		db.close();
	}, 180_000);
});
