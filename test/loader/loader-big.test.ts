/**
 * Big files (issue 10): a {"Records":[...]} file too large to read as one JSON object goes through a JSON lines
 * rewrite, and JSON lines files are read with a buffer the size of their largest record, not of the file. The
 * always-run test does this at 24 MB with the rewrite threshold lowered; CLICKTRAIL_BIG_TEST=1 runs the 2 GB files
 * through the built CLI and checks peak RSS (slow: minutes, 4 GB of temporary disk).
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {writeLargeLogFile} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {CLI} from '../helpers/cli.js';
import {count} from '../helpers/counts.js';
import {tempDir} from '../helpers/temp.js';

describe('big files', () => {
	it('a Records file above the rewrite threshold loads through JSON lines, every event once, recorded as records', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'big.json.gz');
		const iot = await writeLargeLogFile(file, 24 * 1024 * 1024, 5);
		const jsonl = path.join(dir, 'big.jsonl');
		const iotLines = await writeLargeLogFile(jsonl, 24 * 1024 * 1024, 6, 'jsonl');
		const db = await CaseFile.open(path.join(dir, 'case.duckdb'));
		const summary = await loadFiles(db, (await expandLocalSources([file, jsonl])).files, {
			rewriteRecordsAbove: 8 * 1024 * 1024,
		});
		expect(summary.filesFailed).toEqual([]);
		expect(summary.eventsAdded).toBe(iot + iotLines);
		expect(summary.badRecords).toBe(0);
		expect(await db.all(`SELECT format, events FROM files ORDER BY path`)).toEqual([
			{format: 'records', events: iot},
			{format: 'jsonl', events: iotLines},
		]);
		expect(await count(db, `SELECT count(DISTINCT eventID) FROM events`)).toBe(iot + iotLines);
		db.close();
	});
});

/** Run the built CLI under /usr/bin/time; peak RSS in bytes. */
function loadMeasured(
	args: string[],
): Promise<{code: number | null; stdout: string; peakRss: number; seconds: number}> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, CLI, 'load', ...args], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => {
			const kb = /peak-rss-kb (\d+)/.exec(stderr);
			resolve({
				code,
				stdout,
				peakRss: kb ? Number(kb[1]) * 1024 : Number.NaN,
				seconds: (performance.now() - started) / 1000,
			});
		});
	});
}

describe.runIf(process.env['CLICKTRAIL_BIG_TEST'] === '1' && existsSync('/usr/bin/time'))(
	'2 GB files (CLICKTRAIL_BIG_TEST=1)',
	() => {
		it.each([
			['JSON lines', 'big.jsonl', 'jsonl'],
			['one {"Records":[...]} object', 'big-records.json', 'records'],
			['gzip JSON lines', 'big.jsonl.gz', 'jsonl'],
		] as const)(
			'%s of 2 GB loads under the default memory limit with peak RSS under 1.5 GB',
			async (_name, name, format) => {
				const dir = await tempDir();
				const file = path.join(dir, name);
				const iot = await writeLargeLogFile(file, 2 * 1024 ** 3, 7, format);
				const result = await loadMeasured([file, '--db', path.join(dir, 'case.duckdb'), '-q']);
				console.log(`${name}: ${result.seconds.toFixed(0)} s, peak RSS ${(result.peakRss / 1024 ** 3).toFixed(2)} GB`);
				expect(result.code).toBe(0);
				expect(result.peakRss).toBeLessThan(1.5 * 1024 ** 3);
				const db = await CaseFile.open(path.join(dir, 'case.duckdb'), {readOnly: true});
				expect(await count(db, `SELECT count(*) FROM events`)).toBe(iot);
				db.close();
			},
			30 * 60_000,
		);
	},
);
