/**
 * clicktrail report through the built CLI over a generated incident: every selected event cited with its source file
 * and integrity, every link an anchor of the page, hostile values escaped, the SVG timeline inline (HTML) or beside
 * (Markdown). And clicktrail marks: add, list, replace, delete.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {escapeHtml} from '../../source/report/escape.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';
import {HOSTILE_AGENT, HOSTILE_ID, MARK_NOTE, reportFixture, windowEvents, WINDOW, type Fixture} from './fixture.js';

/** The unsafe things a report must never hold raw. */
function expectInert(text: string): void {
	expect(text).not.toMatch(/<script/i);
	expect(text).not.toMatch(/<img/i);
	// No element with a src, and every href an anchor of the page (text may mention URLs: it is text).
	expect(text).not.toMatch(/<[a-z][^<>]*\bsrc\s*=/i);
	expect(text).not.toMatch(/<[a-z][^<>]*\bhref\s*=\s*(?!["']?#)/i);
	expect(text).not.toMatch(/url\(/i);
	expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}

describe('clicktrail report', () => {
	let fixture: Fixture;
	let selected: Map<string, string>;
	beforeAll(async () => {
		fixture = await reportFixture(await tempDir());
		selected = await windowEvents(fixture.db);
	}, 120_000);

	it('HTML: cites every selected eventID with its source file, links only to its own anchors, escapes the logs', async () => {
		const out = path.join(fixture.dir, 'incident.html');
		const result = await runCli(['report', '--db', fixture.db, '--out', out, ...WINDOW]);
		expect(result.stderr).toBe(`report of ${selected.size} events written to ${out}\n`);
		expect(result.code).toBe(0);
		const html = await readFile(out, 'utf8');
		expect(selected.size).toBeGreaterThan(100);
		expect(selected.has(HOSTILE_ID)).toBe(true);

		const rows = [...html.matchAll(/<tr id="(e\d+)">(.*?)<\/tr>/g)];
		const cited = new Map<string, string>();
		for (const [, , cells] of rows) {
			const values = [...cells!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(cell => cell[1]!.replace(/<\/?code>/g, ''));
			expect(values).toHaveLength(11);
			cited.set(values[8]!, values[9]!);
			expect(values[10]).toBe('unverified');
		}
		expect(cited).toEqual(new Map([...selected].map(([id, file]) => [escapeHtml(id), escapeHtml(file)])));

		const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map(match => match[1]));
		const hrefs = [...html.matchAll(/\bhref="([^"]*)"/g)].map(match => match[1]!);
		expect(hrefs.length).toBeGreaterThan(150);
		for (const href of hrefs) {
			expect(href).toMatch(/^#/);
			expect(ids.has(href.slice(1))).toBe(true);
		}
		expectInert(html);
		expect(html).toContain(escapeHtml(HOSTILE_AGENT));
		expect(escapeHtml(HOSTILE_AGENT)).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;\\e[2J');
		expect(html).toContain(escapeHtml(MARK_NOTE));
		expect(html).toMatch(/<svg [^>]*viewBox/);
		expect(html).toMatch(/@media print/);

		// The incident: its finding cites its events, and each of the 12 devices is disabled (before -> after).
		const incident = fixture.truth.incident!;
		const findings = html.slice(html.indexOf('id="findings"'), html.indexOf('id="lineage"'));
		for (const id of incident.eventIDs) expect(findings).toContain(`>${id}</a>`);
		const changes = html.slice(html.indexOf('id="changes"'), html.indexOf('id="marks"'));
		for (const device of incident.deviceIds)
			expect(changes).toMatch(new RegExp(`device ${device} disabled</td><td>\\w+ &rarr; disabled`));
		const lineage = html.slice(html.indexOf('id="lineage"'), html.indexOf('id="changes"'));
		expect(lineage).toContain(escapeHtml(incident.principal));
	});

	it('Markdown: the same citations, the timeline as an SVG file beside it, nothing raw', async () => {
		const out = path.join(fixture.dir, 'ticket.md');
		const result = await runCli(['report', '--db', fixture.db, '--out', out, ...WINDOW]);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain(`${out} and ${path.join(fixture.dir, 'ticket.timeline.svg')}`);
		const md = await readFile(out, 'utf8');
		expectInert(md);
		expect(md).toContain('![Events over time](ticket.timeline.svg)');
		const rows = md.split('\n').filter(line => /^\| <a id="e\d+"><\/a>/.test(line));
		expect(rows).toHaveLength(selected.size);
		const unescape = (cell: string) =>
			cell
				.replace(/\\(.)/g, '$1')
				.replace(
					/&lt;|&gt;|&quot;|&#39;|&amp;/g,
					e => ({'&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&'})[e]!,
				);
		const cited = new Map(rows.map(line => line.split(' | ')).map(cells => [unescape(cells[8]!), unescape(cells[9]!)]));
		expect(cited).toEqual(selected);
		const svg = await readFile(path.join(fixture.dir, 'ticket.timeline.svg'), 'utf8');
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(svg).not.toMatch(/href=/);
		expectInert(svg);
	});

	it('refuses an existing file without --overwrite, a file name it cannot tell the format of, and a SQL view', async () => {
		const out = path.join(fixture.dir, 'exists.html');
		await writeFile(out, 'keep me');
		const refused = await runCli(['report', '--db', fixture.db, '--out', out]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('--overwrite');
		expect(await readFile(out, 'utf8')).toBe('keep me');
		const format = await runCli(['report', '--db', fixture.db, '--out', path.join(fixture.dir, 'r.txt')]);
		expect(format.code).toBe(2);
		const principal = await runCli([
			'report',
			'--db',
			fixture.db,
			'--out',
			out,
			'--overwrite',
			'--principal',
			fixture.truth.incident!.principal,
		]);
		expect(principal.code).toBe(0);
		expect(principal.stderr).toMatch(/^report of 13 events written/);
	});
});

describe('clicktrail marks', () => {
	let fixture: Fixture;
	beforeAll(async () => {
		fixture = await reportFixture(await tempDir());
	}, 120_000);

	it('adds, lists, replaces the note, deletes; refuses unknown events and unmarked ones', async () => {
		const list = async () => {
			const result = await runCli(['marks', 'list', '--db', fixture.db, '--format', 'json']);
			expect(result.code).toBe(0);
			return (JSON.parse(result.stdout) as {eventID: string; note: string | null; eventName: string}[]).map(m => [
				m.eventID,
				m.note,
				m.eventName,
			]);
		};
		const [first, second] = fixture.truth.incident!.eventIDs;
		expect(await list()).toEqual([[first, MARK_NOTE, 'UpdateDeviceState']]);
		expect((await runCli(['marks', 'add', HOSTILE_ID, '--db', fixture.db])).code).toBe(0);
		expect((await runCli(['marks', 'add', first!, '--note', 'replaced', '--db', fixture.db])).code).toBe(0);
		expect((await runCli(['marks', 'add', second!, '--note', 'second', '--db', fixture.db])).code).toBe(0);
		expect(await list()).toEqual([
			[first, 'replaced', 'UpdateDeviceState'],
			[second, 'second', 'UpdateDeviceState'],
			[HOSTILE_ID, null, 'DescribeDevice'],
		]);
		const unknown = await runCli(['marks', 'add', 'no-such-event\u001b[2J', '--db', fixture.db]);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toBe('clicktrail: no event "no-such-event\\e[2J" in the case file\n');
		expect((await runCli(['marks', 'delete', first!, '--db', fixture.db])).code).toBe(0);
		const again = await runCli(['marks', 'delete', first!, '--db', fixture.db]);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('is not marked');
		expect((await list()).map(([id]) => id)).toEqual([second, HOSTILE_ID]);
		expect((await runCli(['marks', 'remove', first!, '--db', fixture.db])).code).toBe(2);
	});
});
