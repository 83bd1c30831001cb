/**
 * End-to-end in a real pty (issue 19): a case file someone hands you holds a SQL view that would write files;
 * `clicktrail --view` opens it in the console, where the guard refuses it, and nothing is written.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {makeCase} from '../ui/case-file.js';
import {runCli} from './pty.js';

describe('a hostile SQL view (built CLI in a pty)', () => {
	it('--view on a view that calls enable_logging shows the refusal and writes nothing', async () => {
		const {db} = await makeCase({events: 300});
		const logs = path.join(path.dirname(db), 'logs');
		const writer = await CaseFile.open(db);
		try {
			await writer.run(`INSERT INTO views (name, sql, created, updated) VALUES ('evil', ?, now(), now())`, [
				`SELECT * FROM enable_logging(storage = 'file', storage_path = '${logs}')`,
			]);
		} finally {
			writer.close();
		}
		const run = runCli(['--db', db, '--view', 'evil']);
		try {
			await run.waitFor('error: refused: the table function enable_logging()');
			expect(existsSync(logs)).toBe(false);
			run.type('\u001b');
			await run.waitFor(t => t.includes('newest first') && !t.includes('sql›'));
			run.type('q');
			expect(await run.exited).toBe(0);
		} finally {
			run.pty.kill();
		}
	});
});
