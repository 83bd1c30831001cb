/**
 * The HTML report as a browser shows it: headless Chromium (Debian's `chromium` package, installed by .ci/run) loads
 * the file with nothing but the file (no network needed), prints the page text (--dump-dom) and takes a screenshot.
 * Skipped with a message only when chromium is absent on a developer's machine; under CI=true its absence fails.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';
import {HOSTILE_ID, MARK_NOTE, reportFixture, WINDOW, type Fixture} from './fixture.js';

const run = promisify(execFile);

function findChromium(): string | undefined {
	for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
		for (const name of ['chromium', 'chromium-browser']) {
			const file = path.join(dir, name);
			if (existsSync(file)) return file;
		}
	}
	return undefined;
}

const chromium = findChromium();
const inCi = process.env['CI'] === 'true';
if (!chromium && !inCi)
	process.stderr.write('report chromium test skipped: no chromium on PATH (apt-get install -y chromium to run it)\n');

describe.skipIf(!chromium && !inCi)('the HTML report in headless Chromium', () => {
	let fixture: Fixture;
	let html: string;
	beforeAll(async () => {
		expect(chromium, "chromium must be installed under CI (.ci/run installs Debian's package)").toBeDefined();
		fixture = await reportFixture(await tempDir());
		html = path.join(fixture.dir, 'incident.html');
		const result = await runCli(['report', '--db', fixture.db, '--out', html, ...WINDOW]);
		expect(result.code).toBe(0);
	}, 120_000);

	const browse = (...args: string[]) =>
		run(
			chromium!,
			[
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				`--user-data-dir=${path.join(fixture.dir, 'profile')}`,
				'--window-size=1200,2000',
				...args,
				`file://${html}`,
			],
			{timeout: 90_000, maxBuffer: 64 * 1024 * 1024},
		);

	it('shows every section, the incident and the hostile event as text, and runs no script', async () => {
		const {stdout: dom} = await browse('--dump-dom');
		for (const title of [
			'Incident report',
			'Scope and evidence',
			'Summary',
			'Timeline',
			'Findings',
			'Principals and their credential lineage',
			'IoT 1-Click changes',
			'Marked events',
			'Events (',
		])
			expect(dom).toContain(title);
		for (const id of fixture.truth.incident!.eventIDs) expect(dom).toContain(id);
		expect(dom).toContain(HOSTILE_ID);
		// The hostile values stayed text: the DOM holds no element they would have made.
		expect(dom).not.toMatch(/<script|<img|<b>by<\/b>/i);
		expect(dom).toContain('&lt;script&gt;alert("pwned")&lt;/script&gt;\\e[2J');
		expect(dom).toContain(MARK_NOTE.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
		expect(dom).toMatch(/<svg [^>]*viewBox/);
	}, 120_000);

	it('renders a 1200x2000 screenshot with content', async () => {
		const png = path.join(fixture.dir, 'shot.png');
		await browse(`--screenshot=${png}`);
		const bytes = await readFile(png);
		expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		// IHDR: width and height, big-endian, at bytes 16 and 20.
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 2000]);
		// A blank page compresses to a few KB; the report's tables and timeline take far more.
		expect((await stat(png)).size).toBeGreaterThan(100_000);
	}, 120_000);
});
