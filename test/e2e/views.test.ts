/**
 * End-to-end in a real pty: a query typed in the console, saved as a view, the screen quit and reopened on the view
 * with --view shows the same rows.
 */
import {describe, expect, it} from 'vitest';
import {makeCase} from '../ui/case-file.js';
import {runCli} from './pty.js';

const settled = (text: string) => / events │/.test(text) && !text.includes('loading');
const SQL = 'SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, eventName LIMIT 5';

/** The result table's lines (header to the status bar). */
function tableOf(screen: string): string[] {
	const lines = screen.split('\n');
	const start = lines.findIndex(line => /^eventName\s*│/.test(line));
	return lines.slice(start, start + 7).map(line => line.trimEnd());
}

describe('SQL console and saved views (built CLI in a pty)', {timeout: 90_000}, () => {
	it('types a query, saves it as a view, quits, and --view reopens it with the same rows', async () => {
		const {db} = await makeCase({events: 1500});
		const first = runCli(['--db', db]);
		let rows: string[];
		try {
			await first.waitFor(settled);
			first.type(':');
			await first.waitFor('sql›');
			first.type(SQL);
			await first.waitFor('LIMIT 5▏');
			first.type('\r');
			// The header, the rule and five rows drawn (a frame can be read while it is being drawn).
			const result = await first.waitFor(
				t => /5 rows · [\d.]+ m?s/.test(t) && tableOf(t).filter(line => line.includes('│')).length === 6,
			);
			rows = tableOf(result);
			expect(rows[0]).toMatch(/eventName\s*│\s+n/);
			first.type('\u0013'); // Ctrl-S
			await first.waitFor('save as view, name:');
			first.type('top-names\r');
			await first.waitFor('description of top-names');
			first.type('five most frequent\r');
			await first.waitFor('saved view top-names');
			first.type('\u001b'); // close the console: the events again, the notice in the status bar
			await first.waitFor(t => t.includes('newest first') && t.includes('saved view top-names'));
			first.type('q');
			expect(await first.exited).toBe(0);
		} finally {
			first.pty.kill();
		}

		const second = runCli(['--db', db, '--view', 'top-names']);
		try {
			const screen = await second.waitFor(
				t => /5 rows · [\d.]+ m?s/.test(t) && tableOf(t).filter(line => line.includes('│')).length === 6,
			);
			expect(screen).toContain(`sql› ${SQL}`);
			expect(tableOf(screen)).toEqual(rows);
			second.type('\u001b');
			await second.waitFor(t => t.includes('newest first') && !t.includes('sql›'));
			second.type('q');
			expect(await second.exited).toBe(0);
		} finally {
			second.pty.kill();
		}
	});

	it('an unknown --view is a clear error with status 1', async () => {
		const {db} = await makeCase({events: 200});
		const run = runCli(['--db', db, '--view', 'nope']);
		expect(await run.exited).toBe(1);
		expect(run.output()).toContain('no view named "nope"');
	});
});
