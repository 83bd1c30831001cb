/**
 * Issue 11 item 7: the screen's hold on the case file (SharedCase) lets clicktrail query and views read it at the
 * same time; a view is saved by opening the file for writing for that moment, and a save that cannot get the file
 * fails with a message (the screen keeps what was typed); the console's history is written when the screen closes.
 */
import {spawn} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {listHistory} from '../../source/store/history.js';
import {SharedCase} from '../../source/store/shared-case.js';
import {CLI, runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';
import {makeCase} from '../ui/case-file.js';

let db: string;

beforeAll(async () => {
	({db} = await makeCase({events: 1000}));
}, 120_000);

const count = (shared: SharedCase) =>
	shared.run('test', async query =>
		Number((await query({sql: 'SELECT count(*) AS n FROM events', params: []}))[0]?.['n']),
	);

describe('the screen and the CLI on one case file', {timeout: 120_000}, () => {
	it('clicktrail query and views run while the screen holds the file; the screen saves a view meanwhile', async () => {
		const shared = await SharedCase.open(db);
		try {
			const events = await count(shared);
			expect(events).toBeGreaterThan(0);
			const query = await runCli(['query', '--db', db, '--format', 'csv', 'SELECT count(*) AS n FROM events']);
			expect(query.stderr).toBe('');
			expect(query.code).toBe(0);
			expect(query.stdout).toBe(`n\n${events}\n`);

			await shared.store.saveView({name: 'from-screen', sql: 'SELECT count(*) AS n FROM events'});
			expect((await shared.store.listViews()).map(view => view.name)).toContain('from-screen');
			const run = await runCli(['views', 'run', 'from-screen', '--db', db, '--format', 'csv']);
			expect(run.stderr).toBe('');
			expect(run.stdout).toBe(`n\n${events}\n`);
			// The panes' lanes work on the file opened again, and nothing else changed it: answers may still be reused.
			expect(await count(shared)).toBe(events);
			expect(shared.stable).toBe(true);
		} finally {
			await shared.close();
		}
	});

	it('a save while another process holds the file says so and changes nothing; it works once that process is done', async () => {
		const writer = await CaseFile.open(db);
		await writer.run(`INSERT INTO views (name, sql, created, updated) VALUES ('big', ?, now(), now())`, [
			'SELECT range AS n, md5(CAST(range AS VARCHAR)) AS h FROM range(400000000)',
		]);
		writer.close();
		const shared = await SharedCase.open(db);
		const tmp = await tempDir('clicktrail-tmp-');
		const out = path.join(tmp, 'big.parquet');
		const child = spawn(process.execPath, [CLI, 'views', 'export', 'big', '--out', out, '--db', db], {
			env: {...process.env, TMPDIR: tmp},
			stdio: 'ignore',
		});
		const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
		try {
			// Wait for the state: the other process holds the file and is writing its export.
			const started = Date.now();
			while (!staged(tmp) && Date.now() - started < 60_000) await new Promise(resolve => setTimeout(resolve, 20));
			expect(staged(tmp)).toBe(true);
			await expect(shared.store.saveView({name: 'while-busy', sql: 'SELECT 1 AS one'})).rejects.toThrow(
				'the case file is in use by another process (a query, views, load or another screen), so nothing was saved; try again when it is done',
			);
			expect(await count(shared)).toBeGreaterThan(0);
			child.kill('SIGINT');
			expect(await exited).toBe(130);
			const saved = await shared.store.saveView({name: 'while-busy', sql: 'SELECT 1 AS one'});
			expect(saved.name).toBe('while-busy');
		} finally {
			child.kill('SIGKILL');
			await shared.close();
		}
		expect(existsSync(out)).toBe(false);
	});

	it("the console's history is kept in memory and written when the screen closes", async () => {
		const shared = await SharedCase.open(db);
		await shared.store.addHistory('SELECT 1 AS one');
		await shared.store.addHistory('SELECT 2 AS two');
		expect((await shared.store.listHistory()).slice(-2)).toEqual(['SELECT 1 AS one', 'SELECT 2 AS two']);
		expect(await shared.close()).toBeUndefined();
		const reader = await CaseFile.open(db, {readOnly: true});
		try {
			expect((await listHistory(reader)).slice(-2)).toEqual(['SELECT 1 AS one', 'SELECT 2 AS two']);
		} finally {
			reader.close();
		}
	});
});

function staged(tmp: string): boolean {
	return readdirSync(tmp).some(
		folder =>
			folder.startsWith('clicktrail-sql-') &&
			readdirSync(path.join(tmp, folder)).some(name => name.startsWith('export-')),
	);
}
