/**
 * Marks, findings and the report on the whole screen, on a real generated case file hunted with the shipped rules,
 * held as the screen holds it (SharedCase: read-only, writable for the moment of a save): `m` with a note lands in
 * the marks table and in `M`; the gutter shows marks and findings side by side; `finding=...` typed at `f` selects
 * exactly the findings' events; the timeline's findings row; `R` writes the filtered events' report; a mark saved
 * while another process holds the file says so and keeps the note.
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {chipLabel, EMPTY_FILTER, type FilterState} from '../../source/query/filters.js';
import {SEVERITIES} from '../../source/query/findings.js';
import {bucketIndex} from '../../source/query/histogram.js';
import {countQuery, pageQuery} from '../../source/query/paging.js';
import type {SqlQuery} from '../../source/query/sql.js';
import type {Row} from '../../source/store/database.js';
import {SharedCase} from '../../source/store/shared-case.js';
import {App} from '../../source/ui/app.js';
import {writeReportEffect} from '../../source/ui/effects/report.js';
import type {UiAction} from '../../source/ui/state/actions.js';
import {parseFilterPrompt} from '../../source/ui/filter-prompt.js';
import {CaseStoreContext} from '../../source/ui/hooks/case-store-context.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {layout} from '../../source/ui/layout.js';
import {TimelinePane} from '../../source/ui/panes/timeline.js';
import {loadFindingBuckets} from '../../source/ui/reads/marks.js';
import {loadTimeline} from '../../source/ui/reads/timeline.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {until} from './case-file.js';
import {makeHuntedCase} from './hunted-case.js';

let db: string;
let dir: string;
let shared: SharedCase;

beforeAll(async () => {
	({db, dir} = await makeHuntedCase({events: 2000}));
}, 180_000);

// One hold on the file per test (a screen's answers are kept per hold), never two at once.
beforeEach(async () => {
	shared = await SharedCase.open(db);
});

afterEach(async () => {
	await shared?.close();
});

const sql = (query: SqlQuery): Promise<Row[]> => shared.run('test', run => run(query));
const number = async (text: string, params: SqlQuery['params'] = []) =>
	Number(Object.values((await sql({sql: text, params}))[0] ?? {})[0]);

function screen() {
	return render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={shared}>
				<CaseStoreContext.Provider value={shared.store}>
					<App caseFile={db} zone="UTC" />
				</CaseStoreContext.Provider>
			</ReaderContext.Provider>
		</ThemeContext.Provider>,
	);
}

const ESC = '\u001B';
const tick = () => new Promise(r => setTimeout(r, 60));
async function keys(stdin: {write: (s: string) => void}, ...list: string[]) {
	for (const key of list) {
		stdin.write(key);
		await tick();
	}
}
const settled = (t: string) => / events │/.test(t) && !t.includes('loading');

/** Where the events table starts on a 100-column frame: after the facets column and its space. */
const MAIN = layout(100, 24).facetsWidth + 1;

/** The events table's rows in a frame: the mark and severity cells after the selection and error ones. */
function tableRows(frame: string): Array<{gutter: string; text: string}> {
	return frame
		.split('\n')
		.map(line => line.slice(MAIN))
		.filter(line => /^[›· ][! ][* ][CHMLI ] \d\d-\d\d \d\d:\d\d:\d\d /.test(line))
		.map(line => ({gutter: line.slice(2, 4), text: line.slice(4)}));
}

describe('marks, findings and the report on the screen', {timeout: 180_000}, () => {
	it('the case holds 1,000 events or more and findings', async () => {
		expect(await number('SELECT count(*) FROM events')).toBeGreaterThanOrEqual(1000);
		expect(await number('SELECT count(*) FROM findings')).toBeGreaterThan(0);
	});

	it('m marks the event under the cursor with a note: in the marks table, the gutter, M and the record view', async () => {
		const newest = String(
			(await sql({sql: 'SELECT eventID FROM events ORDER BY eventTime DESC, eventID DESC LIMIT 1', params: []}))[0]![
				'eventID'
			],
		);
		const {stdin, lastFrame, unmount} = screen();
		try {
			await until(lastFrame, settled);
			await keys(stdin, 'm');
			await until(lastFrame, t => t.includes('mark: note (optional; Enter saves, Esc cancels)'));
			await keys(stdin, 'first device disabled', '\r');
			const marked = await until(lastFrame, t => t.includes('marked the event, with its note │'));
			expect(marked).not.toContain('mark: note');
			const rows = await sql({sql: 'SELECT eventID, note FROM marks', params: []});
			expect(rows).toEqual([{eventID: newest, note: 'first device disabled'}]);
			// The gutter: the selected (newest) row carries the mark.
			const gutter = await until(lastFrame, t => tableRows(t)[0]?.gutter.startsWith('*') === true);
			expect(tableRows(gutter).filter(row => row.gutter.startsWith('*'))).toHaveLength(1);

			await keys(stdin, 'M');
			const list = await until(lastFrame, t => t.includes('marks (1)'));
			expect(list).toContain('first device disabled');
			expect(list).toContain(newest);
			await keys(stdin, '\r');
			// The record view opens at the top of the record; its title says it is marked, with the note.
			await until(lastFrame, t => t.includes('"eventVersion"') && t.includes('* marked: first device disabled'));
			await keys(stdin, ESC);
			await until(lastFrame, t => t.includes('marks (1)'));
			// m on a marked event: e shows the note to edit; Enter saves the new one.
			await keys(stdin, ESC, 'm');
			await until(lastFrame, t => t.includes('marked: e edits the note, u unmarks'));
			await keys(stdin, 'e', '\r');
			await until(lastFrame, t => t.includes('mark: note') && t.includes('first device disabled▏'));
			await keys(stdin, ...Array<string>('disabled'.length).fill('\u007f'), 'off', '\r');
			await until(lastFrame, t => t.includes('marked the event, with its note') && !t.includes('mark: note'));
			expect(await sql({sql: 'SELECT note FROM marks', params: []})).toEqual([{note: 'first device off'}]);
		} finally {
			unmount();
		}
	});

	it('finding=any typed at f selects exactly the findings events; the gutter shows their severity beside a mark', async () => {
		const expected = await number(
			'SELECT count(DISTINCT eventID) FROM finding_events WHERE eventID IN (SELECT eventID FROM events)',
		);
		const {stdin, lastFrame, unmount} = screen();
		try {
			await until(lastFrame, settled);
			await keys(stdin, 'f', 'finding=any', '\r');
			const filtered = await until(lastFrame, t => settled(t) && t.includes('[finding=any]'));
			expect(filtered).toContain(`${expected.toLocaleString('en-US')} of `);
			// Every row holds a finding's event, labelled with its most severe finding, as the findings table says.
			const shown = tableRows(filtered);
			const size = layout(100, 24).pageSize;
			expect(shown).toHaveLength(Math.min(size, expected));
			const filter = parseFilterPrompt('finding=any', {now: new Date(), zone: 'UTC'}) as {chips: FilterState['chips']};
			const page = (await sql(pageQuery({chips: filter.chips}, {order: 'desc', limit: size}))).slice(0, size);
			const letters: string[] = [];
			for (const row of page) {
				const rank = await number(
					`SELECT min(CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END)
					FROM finding_events fe JOIN findings f USING (findingId) WHERE fe.eventID = ?`,
					[String(row['eventID'])],
				);
				letters.push(SEVERITIES[rank]![0]!.toUpperCase());
			}
			expect(shown.map(row => row.gutter[1])).toEqual(letters);
			// Mark the first that is not marked yet: its row shows both the mark and the finding; the marks column is
			// the marks table's.
			const before = new Set((await sql({sql: 'SELECT eventID FROM marks', params: []})).map(r => r['eventID']));
			const k = page.findIndex(row => !before.has(row['eventID']));
			expect(k).toBeGreaterThanOrEqual(0);
			await keys(stdin, ...Array<string>(k).fill('j'), 'm', 'both', '\r');
			const both = await until(lastFrame, t => tableRows(t)[k]?.gutter === `*${letters[k]}`);
			const marked = new Set((await sql({sql: 'SELECT eventID FROM marks', params: []})).map(r => r['eventID']));
			expect(marked.size).toBe(before.size + 1);
			expect(tableRows(both).map(row => row.gutter[0])).toEqual(page.map(r => (marked.has(r['eventID']) ? '*' : ' ')));
			// Inverted (Tab to the filter bar, Enter): every other event.
			await keys(stdin, '\t', '\r');
			const total = await number('SELECT count(*) FROM events');
			const others = `${(total - expected).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events`;
			await until(lastFrame, t => settled(t) && t.includes('[finding≠any]') && t.includes(others));
		} finally {
			unmount();
		}
	});

	it('finding=RULE_ID and finding=#N select what the findings table holds, rule by rule', async () => {
		const rules = await sql({sql: 'SELECT DISTINCT ruleId FROM findings ORDER BY ruleId', params: []});
		expect(rules.length).toBeGreaterThan(1);
		let selective = 0;
		for (const {ruleId} of rules) {
			const parsed = parseFilterPrompt(`finding=${String(ruleId)}`, {now: new Date(), zone: 'UTC'});
			const chips = (parsed as {chips: FilterState['chips']}).chips;
			expect(chipLabel(chips[0]!)).toBe(`finding=${String(ruleId)}`);
			const matching = Number((await sql(countQuery({chips})))[0]?.['count']);
			const expected = await number(
				`SELECT count(DISTINCT fe.eventID) FROM finding_events fe JOIN findings f USING (findingId)
				WHERE f.ruleId = ? AND fe.eventID IN (SELECT eventID FROM events)`,
				[String(ruleId)],
			);
			expect(matching, String(ruleId)).toBe(expected);
			if (matching > 0) selective++;
		}
		// Some rules match identity events only (root use, console sign-in), which the events table does not hold.
		expect(selective).toBeGreaterThan(1);
		const [first] = await sql({sql: 'SELECT findingId FROM findings ORDER BY findingId LIMIT 1', params: []});
		const id = Number(first!['findingId']);
		const typed = (parseFilterPrompt(`finding=#${id}`, {now: new Date(), zone: 'UTC'}) as {chips: FilterState['chips']})
			.chips;
		const entered = {chips: [{kind: 'finding' as const, findingId: id, title: 'from F'}]};
		expect(Number((await sql(countQuery({chips: typed})))[0]?.['count'])).toBe(
			Number((await sql(countQuery(entered)))[0]?.['count']),
		);
	});

	it("the timeline's findings row marks each bucket holding a finding's event with its most severe letter", async () => {
		const width = 73;
		const timeline = (await shared.run('test', query => loadTimeline(query, EMPTY_FILTER, width)))!;
		const ranks = await shared.run('test', query => loadFindingBuckets(query, EMPTY_FILTER, timeline));
		// Independently: every finding event's bucket, and the most severe rank in it.
		const events = await sql({
			sql: `SELECT e.eventTime, min(CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END) AS rank
			FROM events e JOIN finding_events fe ON fe.eventID = e.eventID JOIN findings f ON f.findingId = fe.findingId GROUP BY e.eventID, e.eventTime`,
			params: [],
		});
		const byBucket = new Map<number, number>();
		for (const row of events) {
			const b = bucketIndex(row['eventTime'] as Date, timeline.bucket);
			byBucket.set(b, Math.min(byBucket.get(b) ?? 9, Number(row['rank'])));
		}
		const expected = timeline.starts.map(start => byBucket.get(bucketIndex(start, timeline.bucket)) ?? null);
		expect(ranks).toEqual(expected);
		expect(expected.some(rank => rank !== null)).toBe(true);
		const letters = expected.map(rank => (rank === null ? ' ' : SEVERITIES[rank]![0]!.toUpperCase()));
		const findings = {data: ranks, loading: false};
		const {lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<TimelinePane
					timeline={{data: timeline, loading: false}}
					focused={false}
					cursor={0}
					width={width}
					barsHeight={3}
					zone="UTC"
					findings={findings}
				/>
			</ThemeContext.Provider>,
		);
		try {
			const lines = lastFrame()!.split('\n');
			// Same height as without the row: heading, two rows of bars, the marker line, the findings row.
			expect(lines).toHaveLength(5);
			const columnWidth = Math.max(1, Math.min(4, Math.floor(width / timeline.counts.length)));
			expect(lines[4]!.trimEnd()).toBe(
				letters
					.map(l => l.repeat(columnWidth))
					.join('')
					.trimEnd(),
			);
		} finally {
			unmount();
		}
	});

	it("R writes the filtered events' report as HTML: their eventIDs, none of the others", async () => {
		const [finding] = await sql({
			sql: 'SELECT findingId FROM findings ORDER BY count, findingId LIMIT 1',
			params: [],
		});
		const id = Number(finding!['findingId']);
		const chosen = (
			await sql({
				sql: 'SELECT DISTINCT eventID FROM finding_events WHERE findingId = ? AND eventID IN (SELECT eventID FROM events)',
				params: [id],
			})
		).map(row => String(row['eventID']));
		const others = (
			await sql({
				sql: 'SELECT eventID FROM events WHERE eventID NOT IN (SELECT eventID FROM finding_events WHERE findingId = ?) ORDER BY eventTime LIMIT 200',
				params: [id],
			})
		).map(row => String(row['eventID']));
		const out = path.join(dir, 'from-screen.html');
		const {stdin, lastFrame, unmount} = screen();
		try {
			await until(lastFrame, settled);
			await keys(stdin, 'f', `finding=#${id}`, '\r');
			await until(lastFrame, t => settled(t) && t.includes(`[finding ${id}`));
			await keys(stdin, 'R');
			const asked = await until(lastFrame, t => t.includes('report to file (.html, .md):'));
			expect(asked).toMatch(/Enter: \.\/clicktrail-report-case-\d{8}T\d{4}Z\.html/);
			await keys(stdin, out, '\r');
			// The status bar keeps the end of a long message: where the report went.
			await until(lastFrame, t => t.includes(`${path.basename(out)} │`));
			const html = readFileSync(out, 'utf8');
			for (const eventID of chosen) expect(html).toContain(eventID);
			for (const eventID of others) expect(html).not.toContain(eventID);
			expect(html).toContain(`finding ${id}`);
			// Again: the file exists, so it asks; y replaces it.
			await keys(stdin, 'R', out, '\r');
			await until(lastFrame, t => t.includes('exists: replace it? (y to replace)'));
			await keys(stdin, 'y', '\r');
			await until(lastFrame, t => t.includes(`${path.basename(out)} │`) && !t.includes('replace it?'));
		} finally {
			unmount();
		}
	});

	it('R says what it is doing while it works, then where it wrote (Markdown beside its timeline SVG)', async () => {
		const dispatched: UiAction[] = [];
		const out = path.join(dir, 'progress.md');
		const filter = {chips: [{kind: 'finding' as const, ruleId: null}]};
		writeReportEffect(shared, action => void dispatched.push(action), {
			type: 'write-report',
			path: out,
			format: 'md',
			filter,
			caseFile: db,
			overwrite: false,
		});
		const started = Date.now();
		while (!dispatched.some(a => a.type === 'working' && a.message) && Date.now() - started < 60_000)
			await new Promise(resolve => setTimeout(resolve, 20));
		const steps = dispatched.flatMap(a => (a.type === 'working' && a.text ? [a.text] : []));
		expect(steps[0]).toBe('report: reading the events');
		expect(steps).toContain('report: reading the findings');
		expect(steps.at(-1)).toMatch(/^report: writing [\d,]+ events$/);
		const last = dispatched.at(-1)!;
		expect(last).toEqual({
			type: 'working',
			message: `report of ${steps.at(-1)!.replace(/^report: writing /, '')} written to ${out} and ${path.join(dir, 'progress.timeline.svg')}`,
		});
		expect(readFileSync(out, 'utf8')).toContain('progress.timeline.svg');
	});

	it('a mark saved while another process holds the case file says so, keeps the note, and saves on Enter later', async () => {
		// Another process holding the file (read-only, as a clicktrail query does): no process may write it meanwhile.
		const holder = spawn(
			process.execPath,
			[
				'--input-type=module',
				'-e',
				"import {DuckDBInstance} from '@duckdb/node-api'; const i = await DuckDBInstance.create(process.argv[1], {access_mode: 'READ_ONLY'}); await i.connect(); process.stdout.write('open\\n'); setInterval(() => {}, 1000);",
				db,
			],
			{cwd: path.resolve('.'), stdio: ['ignore', 'pipe', 'inherit']},
		);
		const exited = new Promise(resolve => holder.on('close', resolve));
		const {stdin, lastFrame, unmount} = screen();
		try {
			await new Promise<void>(resolve => holder.stdout!.on('data', () => resolve()));
			await until(lastFrame, settled);
			// The first row no earlier test marked.
			const size = layout(100, 24).pageSize;
			const page = (await sql(pageQuery(EMPTY_FILTER, {order: 'desc', limit: size}))).slice(0, size);
			const before = new Set((await sql({sql: 'SELECT eventID FROM marks', params: []})).map(r => r['eventID']));
			const k = page.findIndex(row => !before.has(row['eventID']));
			expect(k).toBeGreaterThanOrEqual(0);
			await keys(stdin, ...Array<string>(k).fill('j'), 'm', 'busy note', '\r');
			const refused = await until(lastFrame, t => t.includes('the case file is in use by another'));
			expect(refused).toContain('busy note▏');
			holder.kill('SIGTERM');
			await exited;
			await keys(stdin, '\r');
			await until(lastFrame, t => t.includes('marked the event, with its note │'));
			expect(await number("SELECT count(*) FROM marks WHERE note = 'busy note'")).toBe(1);
		} finally {
			holder.kill('SIGKILL');
			unmount();
		}
	});
});
