/**
 * The screen against hostile evidence (issue 19 items 3 and 4, screen side), in ink-testing-library frames of a
 * fixed width, on a generated case file with planted records: invisible and bidi characters are shown as escapes
 * and measured so no row shifts another; duplicate keys are shown by the loader's rule (first wins) and marked;
 * a record nested 5,000 or 70,000 levels renders; outlying times do not stretch the timeline.
 */
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FilterState} from '../../source/query/filters.js';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {copyText, jsonLines, MAX_DEPTH} from '../../source/ui/json-lines.js';
import {parseFirstWins} from '../../source/ui/json/parse.js';
import {stringifyJson} from '../../source/ui/json/stringify.js';
import {EventsPane} from '../../source/ui/panes/events.js';
import {FacetsPane} from '../../source/ui/panes/facets.js';
import {FilterBar} from '../../source/ui/panes/filter-bar.js';
import {RecordPane} from '../../source/ui/panes/record.js';
import {TimelinePane} from '../../source/ui/panes/timeline.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {useCount, useFacets, usePage, useRecord, useTimeline} from './helpers/read-hooks.js';
import type {EventRecord, Timeline} from '../../source/ui/model/data.js';
import {until} from './case-file.js';
import {DUPLICATE, HOSTILE_IP, HOSTILE_VALUES, makeHostileCase} from './hostile-case.js';

let caseFile: CaseFile;
let reader: Reader;

beforeAll(async () => {
	const {db} = await makeHostileCase(1000);
	caseFile = await CaseFile.open(db, {readOnly: true});
	reader = new Reader(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

function withReader(node: React.ReactNode) {
	return (
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={reader}>{node}</ReaderContext.Provider>
		</ThemeContext.Provider>
	);
}

/** Characters that must never reach the terminal raw: controls (but the frame's own newlines), format, separators, fillers. */
const HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;
/** What each hostile value shows instead of its hidden characters. */
const SHOWN = [
	'\\u202e',
	'\\u200b\\u200c\\u200d\\u2060',
	'\\u2028',
	'\\u2029',
	'\\ufeff',
	'\\u{e0041}\\u{e0042}',
	'\\u2066',
	'\\u3164',
	'\\xad',
	'\\x85',
	'\\x9b',
];

const hostile: FilterState = {chips: [{kind: 'field', field: 'sourceIPAddress', value: HOSTILE_IP, exclude: false}]};

function expectContained(frame: string, width: number): string[] {
	expect(frame).not.toMatch(HIDDEN);
	const lines = frame.split('\n');
	for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
	return lines;
}

describe('invisible characters on the screen', () => {
	function Events({width}: {width: number}) {
		const counts = useCount(hostile);
		const page = usePage(hostile, 'asc', {seq: 0, direction: 'forward'}, 12);
		return (
			<EventsPane page={page} counts={counts} row={0} order="asc" focused width={width} pageSize={12} zone="UTC" />
		);
	}

	it.each([80, 100])(
		'events table at %i columns: every hostile row on its own line, aligned, its characters shown',
		async width => {
			const {lastFrame, unmount} = render(withReader(<Events width={width} />));
			const frame = await until(
				lastFrame,
				t => t.includes(`${HOSTILE_VALUES.length} of`) && !t.includes('loading') && t.includes('Hostile9'),
			);
			const [, heading = '', ...lines] = expectContained(frame, width);
			const rows = lines.filter(line => line.trim() !== '');
			expect(rows).toHaveLength(HOSTILE_VALUES.length);
			// Each row holds exactly its own record's name and is exactly as wide as the heading: nothing moved into another.
			const indices = rows.map(row => [...row.matchAll(/Hostile(\d)/g)].map(m => Number(m[1])));
			for (const found of indices) expect(found).toHaveLength(1);
			expect(indices.flat().sort()).toEqual(HOSTILE_VALUES.map((_, i) => i));
			// eventName and principal start at the same cell on every row, as the heading places them.
			const at = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
			for (const row of rows) {
				expect(at(row, 'Hostile')).toBe(at(heading, 'eventName'));
				expect(at(row, 'arn:aws:iam::') + 1).toBeGreaterThanOrEqual(at(heading, 'principal'));
				expect(stringWidth(row)).toBeLessThanOrEqual(width);
			}

			if (width >= 100) {
				// principal keeps its end: the hostile part of each ARN, made visible.
				for (const shown of ['\\u202e', '\\u2028', '\\ufeff', '\\u{e0041}', '\\u3164', '\\xad', '\\x85'])
					expect(frame).toContain(shown);
			}

			unmount();
		},
	);

	it('facets: values shown with their escapes, one per line, counts aligned', async () => {
		function Facets() {
			const lists = useFacets(hostile, 20);
			return <FacetsPane lists={lists} filter={hostile} cursor={{field: 0, value: 0}} focused width={60} height={60} />;
		}

		const {lastFrame, unmount} = render(withReader(<Facets />));
		const frame = await until(lastFrame, t => t.includes('Hostile9'));
		const lines = expectContained(frame, 60);
		const names = lines.filter(line => line.includes('Hostile'));
		expect(names).toHaveLength(HOSTILE_VALUES.length);
		for (const line of names) {
			expect(line).toMatch(/ 1$/);
			expect(stringWidth(line)).toBe(60);
		}

		expect(frame).toContain('Hostile0rlo\\u202eexe.txt');
		expect(frame).toContain('Hostile2line\\u2028sep\\u2029para');
		unmount();
	});

	it('filter bar: chips of hostile values show whole, with their escapes, on one line', () => {
		const filter: FilterState = {
			chips: HOSTILE_VALUES.slice(0, 3).map(value => ({kind: 'field', field: 'principal', value, exclude: false})),
		};
		const {lastFrame} = render(withReader(<FilterBar filter={filter} selected={0} focused width={100} />));
		const [line = '', ...rest] = expectContained(lastFrame() ?? '', 100);
		expect(rest).toEqual([]);
		expect(line).toBe(
			'filters› [principal=rlo\\u202eexe.txt] [principal=zero\\u200bwidth\\u200c\\u200d\\u2060joiners] [princip…',
		);
	});

	it('record view: the title and every JSON line stay on their own line, hidden characters shown', async () => {
		const {lastFrame, unmount} = render(
			withReader(<Record eventID="00000000-0000-4000-8000-000000000002" width={100} />),
		);
		const frame = await until(lastFrame, t => t.includes('"userAgent"'));
		const lines = expectContained(frame, 100);
		expect(lines[0]).toMatch(/^Hostile2line\\u2028sep\\u2029para · /);
		expect(frame).toContain('"userAgent": "line\\u2028sep\\u2029para"');
		unmount();
	});

	it('record view of every hostile value shows each escape', async () => {
		for (const [i, value] of HOSTILE_VALUES.entries()) {
			const {lastFrame, unmount} = render(
				withReader(<Record eventID={`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`} width={100} />),
			);

			const frame = await until(lastFrame, t => t.includes('"userAgent"'));
			expectContained(frame, 100);
			const escaped = SHOWN.filter(s =>
				value.includes(
					JSON.parse(
						`"${s.replace('\\u{e0041}\\u{e0042}', '\\udb40\\udc41\\udb40\\udc42').replace(/\\x([\da-f]{2})/g, '\\u00$1')}"`,
					) as string,
				),
			);
			for (const shown of escaped) expect(frame).toContain(shown);
			unmount();
		}
	});
});

function Record({eventID, width, height = 60}: {eventID: string; width: number; height?: number}) {
	const record = useRecord(eventID);
	const lines = record.data
		? jsonLines(record.data.raw, {
				...(record.data.duplicates ? {duplicates: record.data.duplicates} : {}),
				extra: {sourceFile: record.data.row['sourceFile']},
			})
		: [];
	return (
		<RecordPane
			record={record}
			lines={lines}
			place={{eventID, line: 0, top: 0}}
			width={width}
			height={height}
			zone="UTC"
		/>
	);
}

describe('duplicate keys', () => {
	it('the record view shows the value the events row holds (the first) and marks the key', async () => {
		const rows = await caseFile.all('SELECT eventName FROM events WHERE eventID = ?', [DUPLICATE.eventID]);
		expect(rows).toEqual([{eventName: DUPLICATE.first}]);
		const {lastFrame, unmount} = render(withReader(<Record eventID={DUPLICATE.eventID} width={100} />));
		const frame = await until(lastFrame, t => t.includes('"eventName"'));
		expect(frame.split('\n')[0]).toMatch(new RegExp(`^${DUPLICATE.first} · 1 duplicate key \\(first kept\\) · `));
		expect(frame).toMatch(new RegExp(`^ +"eventName" \\[key ×2: first kept\\]: "${DUPLICATE.first}", *$`, 'm'));
		expect(frame).not.toContain(DUPLICATE.second);
		unmount();
	});

	it('parseFirstWins keeps the first of duplicate keys, as DuckDB reads them, at any depth', async () => {
		const text =
			'{"a":1,"b":{"x":"first","x":"second","x":"third"},"a":2,"__proto__":{"polluted":true},"c":[{"k":1,"k":2}]}';
		const parsed = parseFirstWins(text);
		expect(JSON.stringify(parsed.value)).toBe('{"a":1,"b":{"x":"first"},"__proto__":{"polluted":true},"c":[{"k":1}]}');
		expect(parsed.droppedKeys).toBe(4);
		const value = parsed.value as {b: object; c: object[]};
		expect([...parsed.duplicates.get(value.b)!]).toEqual([['x', 3]]);
		expect([...parsed.duplicates.get(value as object)!]).toEqual([['a', 2]]);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		const [row] = await caseFile.all(
			`SELECT json_extract(?::JSON, '$.a') AS a, json_extract_string(?::JSON, '$.b.x') AS x, json_extract(?::JSON, '$.c[0].k') AS k`,
			[text, text, text],
		);
		expect(row).toEqual({a: '1', x: 'first', k: '1'});
	});

	it('parseFirstWins reads what JSON.parse reads and refuses what it refuses', async () => {
		const records = await caseFile.all('SELECT CAST(raw AS VARCHAR) AS raw FROM events ORDER BY eventID LIMIT 1000');
		expect(records.length).toBeGreaterThan(500);
		for (const {raw} of records) {
			if (String(raw).includes(DUPLICATE.eventID)) continue;
			const value = parseFirstWins(String(raw)).value;
			expect(value).toEqual(JSON.parse(String(raw)));
			// What `Y` copies is what JSON.stringify wrote before.
			expect(stringifyJson(value)).toBe(JSON.stringify(JSON.parse(String(raw)), null, 2));
		}
		for (const text of [
			'"\\ud83d\\ude00 \\u00e9\\n\\/"',
			'-0.5e+3',
			'[1,[2,[3]],{}]',
			' {"a" : [ true , false , null ] } ',
			'0',
			'[]',
		]) {
			expect(parseFirstWins(text).value).toEqual(JSON.parse(text));
		}

		for (const text of [
			'',
			'{',
			'[1,]',
			'{"a":1,}',
			'01',
			'"\u0001"',
			'"\\x"',
			'tru',
			'{"a" 1}',
			'[1] 2',
			'NaN',
			'{a:1}',
		]) {
			expect(() => JSON.parse(text), text).toThrow(SyntaxError);
			expect(() => parseFirstWins(text), text).toThrow(SyntaxError);
		}
	});
});

describe('deeply nested records', () => {
	const nested = (depth: number) =>
		`{"eventID":"deep","eventName":"Deep","requestParameters":${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}}`;

	it.each([5000, 70_000])('a record nested %i levels renders with a marker, and copies whole', depth => {
		const text = nested(depth);
		const parsed = parseFirstWins(text);
		const lines = jsonLines(parsed.value, {duplicates: parsed.duplicates});
		// Levels down to MAX_DEPTH, then one marker line; closing brackets back up.
		expect(lines.length).toBeLessThan(2 * MAX_DEPTH + 10);
		const marker = lines.find(line => line.tokens.some(token => token.kind === 'marker'));
		expect(marker?.depth).toBe(MAX_DEPTH);
		const record: EventRecord = {
			row: {eventID: 'deep', eventName: 'Deep', eventTime: new Date('2024-12-03T10:00:00Z'), sourceFile: 'deep.json'},
			raw: parsed.value,
		};
		const {lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<RecordPane
					record={{data: record, loading: false}}
					lines={lines}
					place={{eventID: 'deep', line: lines.indexOf(marker!), top: MAX_DEPTH - 20}}
					width={100}
					height={40}
					zone="UTC"
				/>
			</ThemeContext.Provider>,
		);
		const frame = lastFrame() ?? '';
		// Past half the pane, a line shows its depth instead of more indentation.
		expect(frame).toMatch(
			new RegExp(`^› +\\[depth ${MAX_DEPTH}\\] "a": \\{… deeper than ${MAX_DEPTH} levels\\}$`, 'm'),
		);
		for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(100);
		unmount();
		// Copying the record (or the marked value) gives the whole JSON back, however deep.
		expect(copyText(parsed.value).replaceAll(/\s+/g, '')).toBe(text);
		expect(copyText(marker!.value).length).toBeGreaterThan(depth);
		expect(() => JSON.parse(text)).not.toThrow(); // V8's own parser is iterative too; its renderers were not.
	});
});

describe('timeline with outlying times', () => {
	let seen: Timeline | null | undefined;
	const see = (timeline: Timeline | null | undefined) => {
		seen = timeline;
	};
	function TimelineView() {
		const timeline = useTimeline({chips: []}, 80);
		see(timeline.data);
		return <TimelinePane timeline={timeline} focused={false} cursor={0} width={100} barsHeight={4} zone="UTC" />;
	}

	it('follows the events and counts the years-away records in the heading', async () => {
		const {lastFrame, unmount} = render(withReader(<TimelineView />));
		const frame = await until(lastFrame, t => t.includes('buckets'));
		expect(frame.split('\n')[0]).toMatch(
			/^timeline · (1 day|6 hours) buckets · not shown: 1 earlier \(1970-01-01\), 1 later \(2099-12-31\) · 2024-1\d-\d\d /,
		);
		// Every other event is in the bars, which span the sample's weeks, not centuries.
		const [{n} = {n: 0}] = (await caseFile.all('SELECT count(*)::INTEGER AS n FROM events')) as Array<{n: number}>;
		expect(seen?.counts.reduce((sum, c) => sum + c.total, 0)).toBe(n - 2);
		expect(seen?.from.getTime()).toBeGreaterThan(Date.parse('2024-01-01'));
		expect(seen?.until.getTime()).toBeLessThan(Date.parse('2025-01-01'));
		const [{days} = {days: 0}] = (await caseFile.all(
			'SELECT count(DISTINCT CAST(eventTime AS DATE))::INTEGER AS days FROM events WHERE year(eventTime) = 2024',
		)) as Array<{days: number}>;
		if (seen?.bucket.name === '1d') expect(seen.counts.filter(c => c.total > 0)).toHaveLength(days);
		expect(seen?.outside).toEqual({
			before: 1,
			after: 1,
			earliest: new Date('1970-01-01T00:00:00Z'),
			latest: new Date('2099-12-31T23:59:59Z'),
		});
		unmount();
	});
});
