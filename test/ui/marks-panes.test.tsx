/**
 * The gutter, the marks list and the record view's mark on the fake reader (no DuckDB): the gutter appears only when
 * the case holds marks or findings, shows `*` and the severity letter side by side, and costs no read when there is
 * nothing to show.
 */
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {EventsPane} from '../../source/ui/panes/events.js';
import {MarksPane} from '../../source/ui/panes/marks.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {until} from './case-file.js';
import {FakeReader, fakeEvents} from './helpers/fake-reader.js';

const settled = (t: string) => / events │/.test(t) && !t.includes('loading');

function screen(reader: FakeReader) {
	return render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={reader}>
				<App caseFile="fake.duckdb" zone="UTC" now={() => new Date('2024-12-04')} />
			</ReaderContext.Provider>
		</ThemeContext.Provider>,
	);
}

const tick = () => new Promise(r => setTimeout(r, 60));

describe('the gutter on the fake reader', () => {
	it('shows * for a marked event and the most severe finding letter, both on one row', async () => {
		const reader = new FakeReader(fakeEvents(40));
		reader.marks.set('event-0000', 'first one');
		reader.marks.set('event-0002', null);
		reader.findingRanks.set('event-0000', 1);
		reader.findingRanks.set('event-0001', 0);
		reader.findingRanks.set('event-0003', 2);
		const {lastFrame, stdin, unmount} = screen(reader);
		try {
			const frame = await until(lastFrame, t => settled(t) && t.includes('*H'));
			const rows = frame.split('\n').filter(line => /[›· ][! ][* ][CHMLI ] \d\d-\d\d \d\d:/.test(line));
			const gutters = rows.map(line => /([›· ][! ])([* ][CHMLI ]) \d\d-\d\d/.exec(line)![2]);
			expect(gutters.slice(0, 5)).toEqual(['*H', ' C', '* ', ' M', '  ']);
			// Read once for the page on screen: whether the case holds any, then the rows' markers.
			expect(reader.count('annotations')).toBe(1);
			expect(reader.count('markers')).toBe(1);
			stdin.write('M');
			const list = await until(lastFrame, t => t.includes('marks (2)'));
			expect(list).toContain('first one');
			stdin.write('\r');
			await until(lastFrame, t => t.includes('"eventID": "event-0000"') && t.includes('* marked: first one'));
		} finally {
			unmount();
		}
	});

	it('no gutter and no marker reads when the case holds no marks or findings', async () => {
		const reader = new FakeReader(fakeEvents(40));
		const {lastFrame, stdin, unmount} = screen(reader);
		try {
			const frame = await until(lastFrame, settled);
			// The header starts two cells into the events table (after the facets column): no gutter.
			expect(frame.split('\n').some(line => line.slice(27).startsWith('  time UTC '))).toBe(true);
			stdin.write('j');
			await tick();
			stdin.write('M');
			await until(lastFrame, t => t.includes('no marks: m on an event marks it'));
			expect(reader.count('annotations')).toBe(1);
			expect(reader.count('markers')).toBe(0);
			expect(reader.count('finding-buckets')).toBe(0);
		} finally {
			unmount();
		}
	});

	it('the events pane keeps its column widths when the gutter takes three cells', () => {
		const events = fakeEvents(3).map(({raw: _raw, sourceFile: _file, ...row}) => row);
		const page = {
			data: {
				seq: 0,
				data: events,
				rows: events.map(e => ({eventID: e.eventID, eventTime: e.eventTime})),
				moreBefore: false,
				moreAfter: false,
			},
			loading: false,
		};
		const counts = {data: {matching: 3, total: 3}, loading: false};
		const markers = {'event-0001': {marked: true, note: 'n', rank: 4}};
		const {lastFrame, unmount} = render(
			<EventsPane
				page={page}
				counts={counts}
				row={0}
				order="desc"
				focused
				width={80}
				pageSize={3}
				zone="UTC"
				markers={markers}
			/>,
		);
		try {
			const lines = lastFrame()!.split('\n');
			expect(lines[1]).toMatch(/^ {5}time UTC/);
			expect(lines[3]).toMatch(/^ {2}\*I \d\d-\d\d/);
			expect(lines.every(line => line.length <= 80)).toBe(true);
		} finally {
			unmount();
		}
	});

	it('the marks list: time, eventName, principal and note; a mark whose event is gone says so', () => {
		const marks = {
			data: [
				{
					eventID: 'e-1',
					note: 'the first \u001b[31mdisable',
					eventTime: new Date('2024-12-03T23:38:05Z'),
					eventName: 'UpdateDeviceState',
					principal: 'arn:aws:iam::111122223333:user/mallory',
				},
				{eventID: 'e-2', note: null, eventTime: null, eventName: null, principal: null},
			],
			loading: false,
		};
		const {lastFrame, unmount} = render(<MarksPane marks={marks} cursor={0} width={120} height={8} zone="UTC" />);
		try {
			const frame = lastFrame()!;
			expect(frame).toContain('marks (2)');
			expect(frame).toMatch(
				/› 2024-12-03 23:38:05 UTC +UpdateDeviceState +arn:aws:iam::111122223333:user\/mallory +the first \\e\[31mdisable/,
			);
			expect(frame).toContain('(event not in the case)');
			expect(frame).not.toContain('\u001b[31m');
		} finally {
			unmount();
		}
	});
});
