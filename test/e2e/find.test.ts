/**
 * End-to-end: find in the built CLI in a real pty (120x40: 30 event rows a page) on a case generated with 1,000 events.
 * `/` finds a piece of JSON typed as the record view shows it (with spaces) in the minified records, n goes to a match
 * on a later page, N comes back, G then n wraps around and says so, "row k of N" follows; in a record, `/` finds the
 * minified form on its spaced line; `:q` quits.
 */
import {describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {makeCase} from '../ui/case-file.js';
import {runCli} from './pty.js';

const settled = (text: string) => / events │/.test(text) && !text.includes('loading');
const PAGE = 30;

/** A deviceId whose events (in the table's order) start on the first page and go on past it, with their positions. */
async function pickDevice(db: string): Promise<{deviceId: string; positions: number[]; total: number}> {
	const caseFile = await CaseFile.open(db, {readOnly: true});
	try {
		const rows = await caseFile.all(
			`SELECT eventID, deviceId, CAST(raw AS VARCHAR) AS raw FROM events ORDER BY eventTime DESC, eventID DESC`,
		);
		expect(rows.length).toBeGreaterThan(500);
		const devices = [...new Set(rows.map(r => r['deviceId']).filter((d): d is string => typeof d === 'string'))];
		for (const deviceId of devices.sort()) {
			const needle = `"deviceid":"${deviceId.toLowerCase()}"`;
			const positions = rows.flatMap((r, i) => (String(r['raw']).toLowerCase().includes(needle) ? [i] : []));
			const [first, second] = positions;
			if (first && first < PAGE && second !== undefined && second >= PAGE && positions.at(-1)! < rows.length - 1)
				return {deviceId, positions, total: rows.length};
		}
		throw new Error('no deviceId fits the test');
	} finally {
		caseFile.close();
	}
}

describe('find on the screen (built CLI in a pty)', {timeout: 90_000}, () => {
	it('/, n, N across pages with row k of N, wrapping; / in a record; :q quits', async () => {
		const {db} = await makeCase({events: 1000});
		const {deviceId, positions, total} = await pickDevice(db);
		const [p0, p1] = positions as [number, number];
		const n = (v: number) => v.toLocaleString('en-US');
		const row = (k: number) => `row ${n(k + 1)} of ${n(total)}`;
		const run = runCli(['--db', db]);
		try {
			await run.waitFor(t => settled(t) && t.includes(row(0)));
			run.type('/');
			await run.waitFor('find:');
			run.type(`"deviceId": "${deviceId}"\r`);
			// On the first page: the cursor moves there, the page stays.
			await run.waitFor(t => t.includes(row(p0)) && settled(t));
			run.type('n');
			// Past the first page: a page that starts at the match.
			const next = await run.waitFor(t => t.includes(row(p1)) && settled(t));
			expect(next.split('\n').find(l => l.includes('›'))).toContain(deviceId);
			run.type('N');
			await run.waitFor(t => t.includes(row(p0)) && settled(t));
			run.type('G');
			await run.waitFor(t => t.includes(row(total - 1)) && settled(t));
			run.type('n');
			// Back on the first page; the status bar carries the message where it says "events │" when settled.
			const wrapped = await run.waitFor(
				t => t.includes(row(p0)) && t.includes('search hit BOTTOM, continuing at TOP') && !t.includes('loading'),
			);
			// The top page, the cursor p0 rows below its first row.
			const lines = wrapped.split('\n');
			const heading = lines.findIndex(l => l.includes('time UTC'));
			expect(lines.findIndex(l => l.includes(' › '))).toBe(heading + 1 + p0);
			// The record of the match: find the spaced line with the minified form.
			run.type('\r');
			await run.waitFor(t => t.includes(`"deviceId": "${deviceId}"`) && t.includes('› {'));
			run.type('/');
			await run.waitFor('find:');
			run.type(`"DEVICEID":"${deviceId}"\r`);
			await run.waitFor(t => t.split('\n').some(l => /^› +"deviceId": "/.test(l) && l.includes(deviceId)));
			run.type('\u001b');
			await run.waitFor(t => t.includes(row(p0)) && settled(t));
			run.type(':');
			await run.waitFor('sql›');
			run.type('q');
			await run.waitFor('sql› q▏');
			run.type('\r');
			expect(await run.exited).toBe(0);
		} finally {
			run.pty.kill();
		}
	});
});
