/**
 * End-to-end (issue 11 item 7): the screen in a pty and `clicktrail query` / `views` on the same case file at once.
 */
import {describe, expect, it} from 'vitest';
import {runCli as runPlain} from '../helpers/cli.js';
import {makeCase} from '../ui/case-file.js';
import {runCli} from './pty.js';

const settled = (text: string) => / events │/.test(text) && !text.includes('loading');

describe('the screen and the CLI on one case file (built CLI)', () => {
	it('query and views run while the screen is open; the screen saves a view; the CLI sees it', async () => {
		const {db} = await makeCase({events: 1000});
		const screen = runCli(['--db', db]);
		try {
			await screen.waitFor(settled);
			const query = await runPlain(['query', '--db', db, '--format', 'csv', 'SELECT count(*) AS n FROM events']);
			expect(query.stderr).toBe('');
			expect(query.code).toBe(0);
			expect(query.stdout).toMatch(/^n\n[1-9]\d*\n$/);
			screen.type(':');
			await screen.waitFor('sql›');
			screen.type('SELECT eventName FROM events LIMIT 2');
			await screen.waitFor('LIMIT 2▏');
			screen.type('\u0013'); // Ctrl-S
			await screen.waitFor('save as view, name:');
			screen.type('two\r');
			await screen.waitFor('description of two');
			screen.type('\r');
			await screen.waitFor('saved view two');
			const list = await runPlain(['views', 'list', '--db', db, '--format', 'csv']);
			expect(list.stderr).toBe('');
			expect(list.stdout).toMatch(/^name,kind,description,updated\ntwo,sql,,/);
			screen.type('\u001b');
			await screen.waitFor(t => t.includes('newest first') && !t.includes('sql›'));
			screen.type('q');
			expect(await screen.exited).toBe(0);
		} finally {
			screen.pty.kill();
		}
	});
});
