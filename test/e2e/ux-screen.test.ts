/**
 * End-to-end (built CLI in a real pty): the help fits 80x24 and scrolls to its last line, listing every binding;
 * Esc after a pivot returns to the record and then to its row; the session comes back when the case file is
 * reopened, and --fresh opens without it.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {BINDINGS} from '../../source/ui/keys/bindings.js';
import {helpLines} from '../../source/ui/help-text.js';
import {tempDir} from '../helpers/temp.js';
import {makeCase} from '../ui/case-file.js';
import {runCli, type PtyRun} from './pty.js';

/** The events table has its page and count (the title says "N of M events") and nothing is loading. */
const settled = (text: string) =>
	/[\d,]+ (of [\d,]+ )?events · (newest|oldest) first/.test(text) && !text.includes('loading');
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

let db: string;

beforeAll(async () => {
	({db} = await makeCase({events: 1500}));
}, 60_000);

/** The events row under the cursor (›), from the cursor on, and its line number. */
function cursorRow(text: string): {line: number; row: string} {
	const lines = text.split('\n');
	const line = lines.findIndex(l => /›.{0,3}\d\d-\d\d \d\d:\d\d:\d\d/.test(l));
	const at = lines[line] ?? '';
	return {line, row: at.slice(at.indexOf('›') + 1)};
}

async function quit(run: PtyRun): Promise<void> {
	run.type('q');
	expect(await run.exited).toBe(0);
}

describe('the screen, as a user meets it (built CLI in a pty)', {timeout: 90_000}, () => {
	it('? fits 80x24: every help line whole, scrolled to with PgDn, G reaches the last; every binding is listed', async () => {
		const run = runCli(['--db', db, '--fresh'], {columns: 80, rows: 24});
		try {
			await run.waitFor(settled);
			run.type('?');
			const expected = helpLines(80);
			const title = /clicktrail keys (\d+)-(\d+)\/(\d+) · j\/k PgUp\/PgDn g\/G scroll · Esc closes/;
			/** The screen shows help lines first..last, each exactly as it should read (not cut, not wrapped). */
			const showing = (first: number) => (text: string) => {
				const lines = text.split('\n');
				const at = lines.findIndex(l => title.test(l));
				const match = title.exec(lines[at] ?? '');
				if (!match || Number(match[1]) !== first || Number(match[3]) !== expected.length) return false;
				const last = Number(match[2]);
				return expected.slice(first - 1, last).every((line, i) => lines[at + 1 + i] === line.trimEnd());
			};
			let text = await run.waitFor(showing(1));
			const seen: string[] = [];
			for (;;) {
				const [, first, last] = title.exec(text)!.map(Number);
				seen.splice(first! - 1, last! - first! + 1, ...expected.slice(first! - 1, last));
				if (last === expected.length) break;
				run.type('\u001b[6~'); // PgDn
				text = await run.waitFor(showing(Math.min(last! + 1, expected.length - (last! - first!))));
			}
			expect(seen).toEqual(expected);
			for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
			const listed = squeeze(seen.join(' '));
			for (const binding of BINDINGS) expect(listed, binding.action).toContain(squeeze(binding.help));
			expect(listed).toContain("! half or more of the bucket's events failed");
			run.type('g');
			await run.waitFor(showing(1));
			run.type('G');
			const end = await run.waitFor(showing(expected.length - 19));
			expect(end).toContain(expected.at(-1)!.trimEnd());
			run.type('\u001b');
			await run.waitFor(settled);
			await quit(run);
		} finally {
			run.pty.kill();
		}
	});

	it('Esc after a pivot returns to the record, filter restored and said so, then the cursor to its row', async () => {
		const run = runCli(['--db', db, '--fresh']);
		try {
			const start = cursorRow(await run.waitFor(t => settled(t) && cursorRow(t).line > 0));
			run.type('jj');
			const moved = cursorRow(await run.waitFor(t => cursorRow(t).line === start.line + 2));
			run.type('\r');
			// The record view's title: its eventName, time and eventID (the line under the filter bar).
			const record = await run.waitFor(
				t =>
					t.includes('"eventName": "') && /^\w+ · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · /.test(t.split('\n')[1] ?? ''),
			);
			const title = record.split('\n')[1]!;
			run.type('e'); // pivot: the events with the same eventName
			await run.waitFor(t => t.includes('[eventName=') && settled(t) && cursorRow(t).line === start.line);
			run.type('j');
			await run.waitFor(t => cursorRow(t).line === start.line + 1);
			run.type('\u001b');
			const back = await run.waitFor(t => t.includes('back: filter restored') && t.split('\n')[1] === title);
			expect(back).not.toContain('[eventName=');
			run.type('\u001b');
			const table = await run.waitFor(t => settled(t) && cursorRow(t).row === moved.row);
			expect(cursorRow(table).line).toBe(moved.line);
			expect(table).toContain('filters: none');
			await quit(run);
		} finally {
			run.pty.kill();
		}
	});

	it('reopening the case file restores filters, focus and cursor; --fresh opens without them', async () => {
		const state = await tempDir('clicktrail-state-test-');
		const env = {XDG_STATE_HOME: state};
		const first = runCli(['--db', db], {env});
		let selected = '';
		try {
			await first.waitFor(settled);
			first.type('E');
			const start = cursorRow(await first.waitFor(t => t.includes('[errors]') && settled(t) && cursorRow(t).line > 0));
			first.type('jjj');
			selected = cursorRow(await first.waitFor(t => cursorRow(t).line === start.line + 3)).row;
			first.type('\t\t\t'); // events -> filters -> facets -> timeline
			await first.waitFor(t => t.includes('timeline: '));
			await quit(first);
		} finally {
			first.pty.kill();
		}
		const files = readdirSync(path.join(state, 'clicktrail'));
		expect(files).toHaveLength(1);
		const kept = JSON.parse(readFileSync(path.join(state, 'clicktrail', files[0]!), 'utf8')) as Record<string, unknown>;
		expect(kept).toMatchObject({
			version: 1,
			caseFile: path.resolve(db),
			focus: 'timeline',
			filter: {chips: [{kind: 'errors'}]},
		});
		expect(existsSync(db)).toBe(true);

		const second = runCli(['--db', db], {env});
		try {
			const text = await second.waitFor(
				t =>
					t.includes('restored the last session') && t.includes('[errors]') && settled(t) && t.includes(`·${selected}`),
			);
			expect(text).toContain('timeline: ');
			// The events table is not focused: its cursor row shows ·, on the same event.
			await quit(second);
		} finally {
			second.pty.kill();
		}

		const fresh = runCli(['--db', db, '--fresh'], {env});
		try {
			const text = await fresh.waitFor(t => settled(t) && t.includes('filters: none'));
			expect(text).not.toContain('[errors]');
			expect(text).not.toContain('restored the last session');
			expect(text).toContain('events: ');
			await quit(fresh);
		} finally {
			fresh.pty.kill();
		}
	});
});
