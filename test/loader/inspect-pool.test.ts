import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gunzipSync, gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {inspectFile} from '../../source/loader/inspect.js';
import {generateSample} from '../../source/sample/index.js';
import {tempDir} from '../helpers/temp.js';

type Inspector = {
	inspect(file: string, options: object): Promise<unknown>;
	close(): Promise<void>;
	threads: number;
};

// The compiled module: only there does the worker script exist beside it (`npm test` builds first).
const {createInspector} = (await import(path.resolve('dist/loader/inspect-pool.js'))) as {
	createInspector: (threads?: number) => Inspector;
};

describe('the content scan in worker threads', () => {
	it('answers exactly as in this thread, candidates included, for every file of a generated archive', async () => {
		const dir = await tempDir();
		const truth = await generateSample({
			outDir: path.join(dir, 'logs'),
			events: 6000,
			seed: 7,
			iotShare: 0.3,
			recordsPerFile: 200,
		});
		const files = truth.logFiles.map(file => path.join(dir, 'logs', file));
		// Odd shapes too: pretty-printed, a broken gzip, a file that is not there.
		const pretty = path.join(dir, 'pretty.json');
		const first = files.find(file => file.endsWith('.json.gz'))!;
		await writeFile(pretty, JSON.stringify(JSON.parse(gunzipSync(await readFile(first)).toString()), null, 2));
		const broken = path.join(dir, 'broken.json.gz');
		await writeFile(broken, gzipSync('{"Records":[]}').subarray(0, 20));
		const all = [...files.filter(file => file.endsWith('.gz')), pretty, broken];
		expect(all.length).toBeGreaterThan(20);

		const pool = createInspector(2);
		expect(pool.threads).toBe(2);
		try {
			const viaPool = await Promise.all(
				all.map((file, i) => pool.inspect(file, {candidatesOut: path.join(dir, `pool-${i}.jsonl`)})),
			);
			const here = [];
			for (const [i, file] of all.entries())
				here.push(await inspectFile(file, {candidatesOut: path.join(dir, `here-${i}.jsonl`)}));
			for (const [i] of all.entries()) {
				const a = viaPool[i] as {candidates?: {path: string}};
				const b = here[i]!;
				expect({...a, candidates: {...a.candidates, path: ''}}).toEqual({
					...b,
					candidates: {...b.candidates, path: ''},
				});
				if (a.candidates && b.candidates)
					expect(await readFile(a.candidates.path, 'utf8')).toBe(await readFile(b.candidates.path, 'utf8'));
			}
			const kept = here.reduce((sum, inspection) => sum + (inspection.candidates?.count ?? 0), 0);
			expect(kept).toBeGreaterThan(500);
			await expect(pool.inspect(path.join(dir, 'missing.json.gz'), {})).rejects.toThrow(/ENOENT.*missing\.json\.gz/);
		} finally {
			await pool.close();
		}
	});

	it('runs in this thread when asked for no workers', async () => {
		const pool = createInspector(0);
		expect(pool.threads).toBe(0);
		await pool.close();
	});
});
