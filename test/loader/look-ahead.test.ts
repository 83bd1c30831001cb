import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {createLookAhead} from '../../source/loader/look-ahead.js';
import {generateSample} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {tempDir} from '../helpers/temp.js';

/** Lets every promise that can settle settle. */
const tick = () => new Promise(resolve => setImmediate(resolve));

describe('the look-ahead bound', () => {
	it('admits files in order while their bytes fit, and a file larger than the bound alone', async () => {
		const ahead = createLookAhead(100);
		const entered: number[] = [];
		const sizes = [40, 50, 30, 250, 10, 10];
		const all = sizes.map((size, i) => ahead.enter(size).then(() => entered.push(i)));
		await tick();
		expect(entered).toEqual([0, 1]);
		expect(ahead.bytes).toBe(90);
		ahead.leave(40);
		await tick();
		expect(entered).toEqual([0, 1, 2]);
		ahead.leave(50);
		ahead.leave(30);
		await tick();
		// 250 is past the bound: it enters only when nothing else is ahead, and nothing after it enters meanwhile.
		expect(entered).toEqual([0, 1, 2, 3]);
		expect(ahead.bytes).toBe(250);
		ahead.leave(250);
		await Promise.all(all);
		expect(entered).toEqual([0, 1, 2, 3, 4, 5]);
		expect(ahead.bytes).toBe(20);
	});

	it('loads the same whether the scan runs one file or the whole archive ahead of DuckDB', async () => {
		const dir = await tempDir();
		const archive = path.join(dir, 'logs');
		const truth = await generateSample({outDir: archive, events: 8000, seed: 21, recordsPerFile: 200, iotShare: 0.4});
		const {files} = await expandLocalSources(truth.logFiles.map(file => path.join(archive, file)));
		const load = async (name: string, lookAheadBytes: number) => {
			const db = await CaseFile.open(path.join(dir, `${name}.duckdb`));
			try {
				const summary = await loadFiles(db, files, {lookAheadBytes, batchBytes: 64 * 1024});
				const [events] = await db.all('SELECT count(*) AS n, count(DISTINCT eventID) AS ids FROM events');
				const [identity] = await db.all('SELECT count(*) AS n FROM identity_events');
				const ledger = await db.all('SELECT path, records, events, otherService FROM files ORDER BY path');
				return {summary: {...summary, elapsedMs: 0}, events, identity, ledger};
			} finally {
				db.close();
			}
		};
		const oneAhead = await load('one', 1);
		const allAhead = await load('all', 1024 ** 3);
		expect(oneAhead).toEqual(allAhead);
		expect(Number(oneAhead.events!['n'])).toBe(truth.iotEvents);
		expect(oneAhead.ledger.length).toBeGreaterThan(40);
	});
});
