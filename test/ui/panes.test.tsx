import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FilterState} from '../../source/query/filters.js';
import type {GroundTruth} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {jsonLines} from '../../source/ui/json-lines.js';
import {EventsPane} from '../../source/ui/panes/events.js';
import {FacetsPane} from '../../source/ui/panes/facets.js';
import {FilterBar} from '../../source/ui/panes/filter-bar.js';
import {RecordPane} from '../../source/ui/panes/record.js';
import {StatusBar} from '../../source/ui/panes/status-bar.js';
import {TimelinePane} from '../../source/ui/panes/timeline.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {useCount, useFacets, usePage, useRecord, useTimeline} from './helpers/read-hooks.js';
import {makeCase, until} from './case-file.js';

let caseFile: CaseFile;
let reader: Reader;
let truth: GroundTruth;

beforeAll(async () => {
	const made = await makeCase({events: 1500});
	truth = made.truth;
	caseFile = await CaseFile.open(made.db, {readOnly: true});
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

/** The planted principal ends in a combining acute accent. */
const CAFE = 'cafe\u0301';

const principal = (): FilterState => ({
	chips: [{kind: 'field', field: 'principal', value: truth.incident.principal, exclude: false}],
});

describe('facets pane', () => {
	function Facets({filter}: {filter: FilterState}) {
		const lists = useFacets(filter, 10);
		return <FacetsPane lists={lists} filter={filter} cursor={{field: 1, value: 0}} focused width={30} height={30} />;
	}

	it('lists top values with counts under the filter, the distinguishing end of principals kept', async () => {
		const {lastFrame, unmount} = render(withReader(<Facets filter={principal()} />));
		const frame = await until(lastFrame, t => t.includes('UpdateDeviceState'));
		expect(frame).toMatch(/^eventName \(2\)\n {2}UpdateDeviceState +12\n {2}ListDevices +1$/m);
		// A field's own include chips do not narrow its list (values OR together); the end of an ARN stays in view.
		expect(frame).toMatch(/^ {2}…perator\/dana\.okafor +\d+$/m);
		// Two chen.wei sessions in two accounts would both read …etOperator/chen.wei: cut in the middle, they differ.
		const chen = frame.split('\n').filter(line => /^. arn:aws:sts::\d…n\.wei +\d+$/.test(line));
		expect(chen).toHaveLength(2);
		expect(chen[0]!.startsWith('›')).toBe(true);
		expect(chen[0]!.slice(2, 16)).not.toBe(chen[1]!.slice(2, 16));
		expect(frame).toMatch(/^sourceIPAddress \(1\)\n {2}203\.0\.113\.66 +13$/m);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
		unmount();
	});
});

describe('timeline pane', () => {
	function Timeline({filter, focused}: {filter: FilterState; focused: boolean}) {
		const timeline = useTimeline(filter, 60);
		return <TimelinePane timeline={timeline} focused={focused} cursor={2} width={60} barsHeight={3} zone="UTC" />;
	}

	it('draws bars with the bucket size chosen from the span, errors marked', async () => {
		const {lastFrame, unmount} = render(withReader(<Timeline filter={{chips: []}} focused={false} />));
		const frame = await until(lastFrame, t => t.includes('buckets'));
		expect(frame).toMatch(/timeline · (1 day|6 hours) buckets · 2024-11/);
		expect(frame).toMatch(/[▁▂▃▄▅▆▇█]/);
		// Marked by error share: in this case fewer than half of any bucket's events failed (.), none most (!).
		expect(frame.split('\n').at(-1)).toContain('.');
		expect(frame.split('\n').at(-1)).not.toContain('!');
		unmount();
	});

	it('narrows the buckets for the incident and shows the cursor bucket when focused', async () => {
		const {lastFrame, unmount} = render(withReader(<Timeline filter={principal()} focused />));
		const frame = await until(lastFrame, t => t.includes('▲'));
		expect(frame).toMatch(/▲ 2024-12-03 23:3\d:00 UTC \+1m: \d+ events/);
		unmount();
	});
});

describe('events pane', () => {
	function Events({filter, zone = 'UTC', width = 100}: {filter: FilterState; zone?: string; width?: number}) {
		const counts = useCount(filter);
		const page = usePage(filter, 'asc', {seq: 0, direction: 'forward'}, 5);
		return (
			<EventsPane page={page} counts={counts} row={1} order="asc" focused width={width} pageSize={5} zone={zone} />
		);
	}

	it('shows one page of the filtered events with the filtered total and zone-labelled times', async () => {
		const {lastFrame, unmount} = render(withReader(<Events filter={principal()} />));
		const frame = await until(lastFrame, t => t.includes('13 of') && !t.includes('loading'));
		expect(frame).toMatch(/^13 of [\d,]+ events · oldest first/);
		expect(frame).toMatch(/^ {2}time UTC {7}eventName {10}principal {20}deviceId {11}sourceIPAddress$/m);
		expect(frame).toContain(
			`${truth.incident.precedingEvent.eventTime.slice(5).replace('T', ' ').replace('Z', '')} ListDevices`,
		);
		expect(frame).toMatch(/› +12-03 23:3\d:\d\d UpdateDeviceState +…tOperator\/tmp-recovery-7f3c G030/);
		expect(frame).toContain(truth.incident.deviceIds[0]!);
		expect(frame.split('\n')).toHaveLength(7);
		unmount();
	});

	it('shows times in another zone, labelled', async () => {
		const {lastFrame, unmount} = render(withReader(<Events filter={principal()} zone="Europe/Berlin" width={80} />));
		const frame = await until(lastFrame, t => t.includes('+01:00'));
		expect(frame).toMatch(/12-04 00:3\d:\d\d \+01:00 ListDevices/);
		unmount();
	});

	it('says so when no events match', async () => {
		const {lastFrame, unmount} = render(
			withReader(<Events filter={{chips: [{kind: 'text', text: 'no such text anywhere 1234'}]}} />),
		);
		const frame = await until(lastFrame, t => t.includes('no events match') && t.startsWith('0'));
		expect(frame).toMatch(/^0 of/);
		unmount();
	});

	it('keeps wide and combining characters aligned and hostile text inert', async () => {
		const filter: FilterState = {
			chips: [{kind: 'field', field: 'principal', value: truth.hostile.principal, exclude: false}],
		};
		const {lastFrame, unmount} = render(withReader(<Events filter={filter} />));
		const frame = await until(lastFrame, t => t.includes(CAFE) && !t.includes('loading'));
		const [, heading = '', ...lines] = frame.split('\n');
		const rows = lines.filter(l => l.trim() !== '');
		expect(rows).toHaveLength(truth.hostile.principalEventIDs.length);
		// Every principal cell ends where the deviceId column starts, CJK, emoji and combining characters included.
		const deviceColumn = stringWidth(heading.slice(0, heading.indexOf('deviceId')));
		for (const r of rows) expect(stringWidth(r.slice(0, r.indexOf(CAFE) + CAFE.length)) + 1).toBe(deviceColumn);
		unmount();
	});
});

describe('record pane', () => {
	function Record({eventID}: {eventID: string}) {
		const record = useRecord(eventID);
		const lines = record.data ? jsonLines(record.data.raw) : [];
		return (
			<RecordPane record={record} lines={lines} place={{eventID, line: 1, top: 0}} width={100} height={60} zone="UTC" />
		);
	}

	it('shows the whole record as JSON with its source file, hostile text made inert', async () => {
		const {lastFrame, unmount} = render(withReader(<Record eventID={truth.hostile.eventID} />));
		const frame = await until(lastFrame, t => t.includes('"userAgent"'));
		expect(frame.split('\n')[0]).toMatch(/^DescribeDevice · 2024-11-\d\d \d\d:\d\d:\d\d UTC · .*….*\.json\.gz$/);
		expect(frame).toMatch(/"userAgent": "evil\\e\[2J\\e\]52;c;cGF5bG9hZA==\\x07agent\\r\\n\\0x"/);
		expect(frame).not.toContain('\u001b');
		expect(frame).not.toContain('\u0007');
		expect(frame).toMatch(/^› +"eventVersion"/m);
		unmount();
	});
});

describe('filter bar and status bar', () => {
	it('shows chips, the selected one marked by inverse video only when focused', () => {
		const filter: FilterState = {
			chips: [{kind: 'field', field: 'eventName', value: 'A', exclude: true}, {kind: 'errors'}],
		};
		const {lastFrame} = render(withReader(<FilterBar filter={filter} selected={1} focused width={60} />));
		expect(lastFrame()).toBe('filters› [eventName≠A] [errors]');
		const prompt = render(
			withReader(
				<FilterBar
					filter={filter}
					selected={0}
					focused={false}
					prompt={{kind: 'filter', text: 'from=-2h', error: 'bad'}}
					width={100}
				/>,
			),
		);
		expect(prompt.lastFrame()).toContain('from=-2h▏  bad');
	});

	it('shows the case file, totals and the focused pane hints from the key table', () => {
		const {lastFrame} = render(
			withReader(
				<StatusBar
					caseFile="case.duckdb"
					totals="13 of 900 events"
					loading={false}
					mode="browse"
					focus="facets"
					width={120}
				/>,
			),
		);
		expect(lastFrame()).toMatch(/^case\.duckdb · 13 of 900 events │ facets: Enter include {2}- exclude/);
	});
});
