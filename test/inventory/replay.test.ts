import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {assembleInventory} from '../../source/inventory/assemble.js';
import {inventoryJson} from '../../source/inventory/json.js';
import {loadFiles} from '../../source/loader/load-files.js';
import {expectedInventory, generateLifecycle, type LifecycleTruth} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {readInventory} from '../../source/store/inventory.js';
import {tempDir} from '../helpers/temp.js';

/** The inventory as its JSON text reads back (attributes and all), for comparing with the generator's truth. */
async function inventoryAt(db: CaseFile, at?: Date): Promise<unknown> {
	return JSON.parse(inventoryJson(assembleInventory(await readInventory(db, at))));
}

function truthAt(truth: LifecycleTruth, atMs: number): unknown {
	return JSON.parse(inventoryJson(expectedInventory(truth, atMs)));
}

describe('the inventory replayed from a generated lifecycle', () => {
	let truth: LifecycleTruth;
	let db: CaseFile;

	beforeAll(async () => {
		const dir = await tempDir();
		const archive = path.join(dir, 'archive');
		truth = await generateLifecycle({outDir: archive, seed: 5, cycles: 6, recordsPerFile: 40});
		db = await CaseFile.open(path.join(dir, 'case.duckdb'));
		const {files, errors} = await expandLocalSources([archive]);
		expect(errors).toEqual([]);
		const summary = await loadFiles(db, files, {});
		expect(summary.filesFailed).toEqual([]);
		expect(summary.eventsAdded).toBe(truth.events);
	});

	it('equals the truth after every one of 40 instants, and at the end', async () => {
		const times = [...new Set(truth.calls.map(call => call.timeMs))].sort((a, b) => a - b);
		const step = Math.max(1, Math.floor(times.length / 40));
		for (let i = 0; i < times.length; i += step) {
			const at = times[i]!;
			expect(await inventoryAt(db, new Date(at)), `at ${new Date(at).toISOString()}`).toEqual(truthAt(truth, at));
		}
		const end = await inventoryAt(db);
		const newest = Math.max(...truth.calls.map(c => c.timeMs), ...truth.failures.map(f => f.timeMs));
		expect(end).toEqual(truthAt(truth, newest));
	});
});
