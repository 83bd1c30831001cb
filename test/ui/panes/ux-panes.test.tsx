/**
 * Panes of the screen's UX fixes, rendered alone: the timeline's marks by error share, facet values that would read
 * the same cut in the middle, and the console's "rows a-b" label, visible rows and PgDn step agreeing.
 */
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {FilterState} from '../../../source/query/filters.js';
import {helpLines} from '../../../source/ui/help-text.js';
import {layout} from '../../../source/ui/layout.js';
import type {FacetList, Timeline} from '../../../source/ui/model/data.js';
import {ConsolePane} from '../../../source/ui/panes/console.js';
import {facetLabels, FacetsPane} from '../../../source/ui/panes/facets.js';
import {TimelinePane} from '../../../source/ui/panes/timeline.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';
import {PLAIN_THEME, ThemeContext} from '../../../source/ui/theme.js';

const plain = (node: React.ReactNode) => <ThemeContext.Provider value={PLAIN_THEME}>{node}</ThemeContext.Provider>;

describe('timeline marks by error share', () => {
	it('marks some (.) and most (!) apart when every bucket holds an error, and help explains them', () => {
		const counts = [
			{total: 40, errors: 1},
			{total: 40, errors: 3},
			{total: 40, errors: 31},
			{total: 40, errors: 2},
			{total: 40, errors: 19},
			{total: 40, errors: 20},
		];
		const starts = counts.map((_, i) => new Date(Date.UTC(2024, 11, 3, i)));
		const bucket = {name: '1h', label: '1 hour', interval: '1 hour', ms: 3_600_000} as Timeline['bucket'];
		const data: Timeline = {bucket, from: starts[0]!, until: new Date(Date.UTC(2024, 11, 3, 6)), starts, counts};
		const {lastFrame, unmount} = render(
			plain(
				<TimelinePane
					timeline={{data, loading: false}}
					focused={false}
					cursor={0}
					width={24}
					barsHeight={3}
					zone="UTC"
				/>,
			),
		);
		// Four cells a bucket: 1, 3 and 2 of 40 failed are "some"; 31 and 20 of 40 (half or more) "most"; 19 "some".
		expect(lastFrame()!.split('\n').at(-1)).toBe(`${'.'.repeat(8)}${'!'.repeat(4)}${'.'.repeat(8)}${'!'.repeat(4)}`);
		unmount();
		const help = helpLines(80).join('\n');
		expect(help).toContain("!  half or more of the bucket's events failed");
		expect(help).toContain(".  some of the bucket's events failed, fewer than half");
	});
});

describe('facet values that collide when cut', () => {
	const a = 'arn:aws:iam::123456789012:role/service-role/IoTOneClickOperations/Admin';
	const b = 'arn:aws:iam::123456789012:role/service-role/IoTOneClickOperations/Auditor';
	it('are cut in the middle, keeping both ends, so that they differ; the others keep their end', () => {
		// 30 cells: both would read `arn:aws:iam::123456789012:rol…`; cut in the middle they keep 15 + … + 14.
		expect(facetLabels([a, b, 'ListDevices'], 30, 'start')).toEqual([
			`${a.slice(0, 15)}…${a.slice(-14)}`,
			`${b.slice(0, 15)}…${b.slice(-14)}`,
			'ListDevices'.padEnd(30),
		]);
		expect(`${a.slice(0, 15)}…${a.slice(-14)}`).toBe('arn:aws:iam::12…erations/Admin');
		// Principals keep their end; two sessions of one role in two accounts would read the same.
		const c = 'arn:aws:sts::111122223333:assumed-role/IoTFleetOperator/tmp-recovery-7f3c';
		const d = 'arn:aws:sts::444455556666:assumed-role/IoTFleetOperator/tmp-recovery-7f3c';
		expect(facetLabels([c, d], 30, 'end')).toEqual([
			`${c.slice(0, 15)}…${c.slice(-14)}`,
			`${d.slice(0, 15)}…${d.slice(-14)}`,
		]);
		// Values that differ once cut keep the end they keep.
		expect(facetLabels([c, a], 30, 'end')).toEqual([`…${c.slice(-29)}`, `…${a.slice(-29)}`]);
	});

	it('shows two ARNs with one long start apart in the facets pane', () => {
		const lists: FacetList[] = [
			{
				field: 'eventName',
				more: false,
				values: [
					{value: a, count: 7},
					{value: b, count: 3},
				],
			},
		];
		const filter: FilterState = {chips: []};
		const {lastFrame, unmount} = render(
			plain(
				<FacetsPane
					lists={{data: lists, loading: false}}
					filter={filter}
					cursor={{field: 0, value: 0}}
					focused
					width={36}
					height={6}
				/>,
			),
		);
		const lines = lastFrame()!.split('\n');
		const [first, second] = [lines[1]!, lines[2]!];
		expect(first).toContain(`arn:aws:iam::…${a.slice(-12)}`);
		expect(first).toMatch(/…\S*Admin +7$/);
		expect(second).toMatch(/…\S*Auditor +3$/);
		expect(first.replace(/ +\d+$/, '')).not.toBe(second.replace(/ +\d+$/, ''));
		unmount();
	});
});

/** The console after `SELECT range AS n FROM range(1000)` returned its 1,000 rows, on a terminal `rows` high. */
function consoleWithResult(rows: number): UiState {
	const sql = 'SELECT range AS n FROM range(1000)';
	let state: UiState = {...initialState(undefined, {columns: 100, rows}), mode: 'console'};
	state = update(state, {type: 'console-input', text: sql}).state;
	const result = {
		columns: ['n'],
		types: ['BIGINT'],
		rows: Array.from({length: 1000}, (_, i) => [BigInt(i)]),
		more: false,
		elapsedMs: 4,
	};
	return update(state, {type: 'sql-run', run: {state: 'done', sql, result}}).state;
}

/** The label's first and last row, and the numbers the table shows (the value n is the row's index). */
function shown(state: UiState): {from: number; to: number; values: number[]} {
	const {lastFrame, unmount} = render(
		plain(
			<ConsolePane
				console={state.console}
				run={state.data.sql.run}
				width={state.box.columns}
				height={state.box.bodyHeight}
			/>,
		),
	);
	const frame = lastFrame()!;
	unmount();
	const label = /rows (\d+)-(\d+)/.exec(frame);
	expect(label, frame).not.toBeNull();
	const lines = frame.split('\n');
	const rule = lines.findIndex(line => /^─+$/.test(line.trim()));
	const values = lines
		.slice(rule + 1)
		.filter(line => /^\s*\d+\s*$/.test(line))
		.map(Number);
	expect(lines.length).toBeLessThanOrEqual(state.box.bodyHeight);
	return {from: Number(label![1]), to: Number(label![2]), values};
}

describe('the console result: label, visible rows and PgDn agree', () => {
	it.each([24, 40])('on a terminal %i rows high, with 1,000 rows', rows => {
		let state = consoleWithResult(rows);
		const page = shown(state);
		expect(page.from).toBe(1);
		expect(page.values).toEqual(Array.from({length: page.to}, (_, i) => i));
		expect(layout(100, rows).bodyHeight).toBe(state.box.bodyHeight);
		state = update(state, {type: 'key', scope: 'console', action: 'console-rows-down'}).state;
		const next = shown(state);
		expect(next.from).toBe(page.to + 1);
		expect(next.to).toBe(2 * page.to);
		expect(next.values).toEqual(Array.from({length: page.to}, (_, i) => page.to + i));
		// To the end: the last page ends on row 1,000 and shows it.
		for (let i = 0; i < 100; i++)
			state = update(state, {type: 'key', scope: 'console', action: 'console-rows-down'}).state;
		const last = shown(state);
		expect(last.to).toBe(1000);
		expect(last.values.at(-1)).toBe(999);
		expect(last.values).toHaveLength(last.to - last.from + 1);
	});
});
