/**
 * End-to-end: the built CLI in a real pty (120x40, xterm-256color), one case file per test.
 */
import {describe, expect, it} from 'vitest';
import {makeCase} from '../ui/case-file.js';
import {runCli, type PtyRun} from './pty.js';

/** The screen has every pane's data (the status bar stops saying loading). */
const settled = (text: string) => / events │/.test(text) && !text.includes('loading');

/**
 * Moves the focused list's cursor (›) down to the line matching `line`, within one section of the list. It counts
 * the presses on a settled screen and types them at once, then waits for the cursor to be there: pressing one key
 * at a time and looking between presses read frames while they were being drawn, and pressed once too often.
 */
async function moveTo(run: PtyRun, line: RegExp): Promise<void> {
	const onTarget = (text: string) => text.split('\n').some(l => l.includes('›') && line.test(l));
	const text = await run.waitFor(
		t => onTarget(t) || (settled(t) && t.split('\n').some(l => line.test(l)) && t.includes('›')),
	);
	if (onTarget(text)) return;
	const lines = text.split('\n');
	const cursor = lines.findIndex(l => l.includes('›'));
	const target = lines.findIndex(l => line.test(l));
	run.type((target > cursor ? 'j' : 'k').repeat(Math.abs(target - cursor)));
	await run.waitFor(onTarget);
}

describe('clicktrail screen (built CLI in a pty)', {timeout: 90_000}, () => {
	it('finds the planted incident from the facets, drills into a record, pivots to its device, quits with 0', async () => {
		const {db, truth} = await makeCase({events: 1500});
		const run = runCli(['--db', db]);
		try {
			await run.waitFor(settled);
			run.type('\t\t'); // filters -> facets
			await run.waitFor('facets: Enter include');
			await moveTo(run, /^..UpdateDeviceState /); // the facets column: the events table beside it names events too
			run.type('\r');
			await run.waitFor(t => t.includes('[eventName=UpdateDeviceState]') && settled(t));
			run.type('l'); // next field: principal, whose top value now is the incident's session
			await run.waitFor(t => t.split('\n').some(l => l.includes('›') && l.includes('tmp-recovery-7f3c')));
			run.type('\r');
			await run.waitFor(t => t.includes('[principal=') && /12 of [\d,]+ events/.test(t) && settled(t));
			run.type('\t\t'); // facets -> timeline -> events
			await run.waitFor('events: Enter open');
			run.type('\r');
			// Wait for the whole record, not its first lines: a frame can be read while it is being drawn.
			const session = truth.incident.principal.split('/').at(-1)!;
			const record = await run.waitFor(
				t =>
					t.includes('"eventName": "UpdateDeviceState"') &&
					t.includes(session) &&
					truth.incident.deviceIds.some(id => t.includes(`"deviceId": "${id}"`)),
			);
			const device = truth.incident.deviceIds.find(id => record.includes(`"deviceId": "${id}"`));
			expect(device).toBeDefined();
			run.type('d');
			await run.waitFor(t => t.includes(`[deviceId=${device}]`) && /\d+ of [\d,]+ events · newest first/.test(t));
			run.type('q');
			expect(await run.exited).toBe(0);
		} finally {
			run.pty.kill();
		}
	});

	it('shows the hostile userAgent inert: its escape sequences never reach the terminal', async () => {
		const {db} = await makeCase({events: 1500});
		const run = runCli(['--db', db]);
		try {
			await run.waitFor(settled);
			run.type('&');
			await run.waitFor('filter raw text:');
			run.type('cGF5bG9hZA\r');
			// Every pane answered (keys that come before the page are ignored), one event left.
			await run.waitFor(t => /1 of [\d,]+ events/.test(t) && settled(t));
			run.type('\r');
			// The escaped value, whole (waiting for it rather than for its key: a frame can be read mid-line).
			await run.waitFor('"userAgent": "evil\\e[2J\\e]52;c;cGF5bG9hZA==\\x07agent\\r\\n\\0x"');
			run.type('q');
			expect(await run.exited).toBe(0);
			const output = run.output();
			// Ink writes its own escapes for colour and cursor; the payload's never appear un-escaped.
			expect(output).not.toContain('\u001b]52;c;cGF5bG9hZA==');
			expect(output).not.toContain(']52;c;cGF5bG9hZA==\u0007');
			expect(output).not.toContain('\u001b[2J');
			expect(output).toContain('\\e]52;c;cGF5bG9hZA==');
		} finally {
			run.pty.kill();
		}
	});

	it('says clearly that a missing case file does not exist, with status 1', async () => {
		const run = runCli(['--db', '/nonexistent/clicktrail-missing.duckdb']);
		expect(await run.exited).toBe(1);
		expect(run.output()).toContain('does not exist');
	});
});
