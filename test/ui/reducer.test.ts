import {describe, expect, it} from 'vitest';
import type {Zone} from '../../source/query/time.js';
import type {ActionName} from '../../source/ui/keys/bindings.js';
import {scopeOf} from '../../source/ui/keys/router.js';
import type {FacetList, PageView, RecordSummary} from '../../source/ui/model/data.js';
import type {UiAction} from '../../source/ui/state/actions.js';
import {initialState, type UiState} from '../../source/ui/state/state.js';
import {update} from '../../source/ui/state/update.js';

const NOW = new Date('2024-12-10T12:00:00Z');
const row = (i: number) => ({eventID: `e${i}`, eventTime: new Date(Date.UTC(2024, 11, 3, 23, 0, i))});

/** What the panes show, as these tests give it: it arrives in state before the keys, as the hooks would send it. */
type View = {
	facets: FacetList[];
	page?: PageView;
	pageSize: number;
	record?: {lines: number; summary?: RecordSummary};
	recordHeight: number;
	timeline?: {starts: Date[]; bucketMs: number};
	now: Date;
	zone: Zone;
};

function view(overrides: Partial<View> = {}): View {
	return {facets: [], pageSize: 3, recordHeight: 5, now: NOW, zone: 'UTC', ...overrides};
}

const reducer = (state: UiState, action: UiAction): UiState => update(state, action).state;

/** The state with the view's data arrived (as `<slot>-loaded`) and its sizes, clock and zone. */
function arrived(state: UiState, v: View): UiState {
	let s: UiState = {...state, box: {...state.box, pageSize: v.pageSize, recordHeight: v.recordHeight}, now: v.now};
	s = {...s, zone: v.zone};
	s = reducer(s, {type: 'facets-loaded', key: 'test', data: v.facets});
	if (v.page) s = reducer(s, {type: 'page-loaded', key: 'test', data: {...v.page, data: []}});
	if (v.timeline) {
		const {starts, bucketMs} = v.timeline;
		const bucket = {ms: bucketMs, label: 'test'} as never;
		const timeline = {bucket, from: starts[0]!, until: starts.at(-1)!, starts, counts: []};
		s = reducer(s, {type: 'timeline-loaded', key: 'test', data: timeline});
	}
	if (v.record?.summary) {
		const lines = Array.from({length: v.record.lines}, () => ({depth: 0, tokens: []}));
		const record = {row: {}, raw: {}};
		s = reducer(s, {type: 'record-loaded', key: 'test', data: {record, lines, summary: v.record.summary}});
	}
	return s;
}

/** Presses the keys bound to `names`, each in the scope it is bound in for the state's mode and pane. */
function run(state: UiState, names: ActionName[], v: View = view()): UiState {
	return names.reduce(
		(s, name) => {
			const scope = scopeOf(s.mode, s.focus, name);
			if (!scope) throw new Error(`${name} is not bound in ${s.mode}/${s.focus}`);
			return reducer(s, {type: 'key', scope, action: name});
		},
		arrived(state, v),
	);
}

describe('reducer', () => {
	it('opens with the events table focused, browsing, no filter, newest first', () => {
		const s = initialState();
		expect(s).toMatchObject({mode: 'browse', focus: 'events', filter: {chips: []}, order: 'desc', row: 0});
	});

	it('cycles focus with Tab and Shift-Tab', () => {
		const s = initialState();
		expect(run(s, ['focus-next']).focus).toBe('filters');
		expect(run(s, ['focus-previous']).focus).toBe('timeline');
		expect(run(s, ['focus-next', 'focus-next', 'focus-next', 'focus-next']).focus).toBe('events');
	});

	it('moves over the page and scrolls by keyset when it reaches an edge', () => {
		const s0 = initialState();
		const page = {seq: 0, rows: [row(3), row(2), row(1)], moreBefore: false, moreAfter: true};
		const v = view({page});
		const s1 = run(s0, ['down', 'down'], v);
		expect(s1.row).toBe(2);
		const s2 = run(s1, ['down'], v);
		expect(s2.page).toEqual({seq: 1, anchor: row(3), direction: 'forward'});
		expect(s2.row).toBe(2);
		// Until the new page lands, moving does nothing.
		expect(run(s2, ['down'], v)).toEqual(s2);
		const s3 = run(s1, ['page-down'], v);
		expect(s3.page).toEqual({seq: 1, anchor: row(1), direction: 'forward'});
		const s4 = run(s3, ['page-up'], view({page: {seq: 1, rows: [row(0)], moreBefore: true, moreAfter: false}}));
		expect(s4.page).toEqual({seq: 2, anchor: row(0), direction: 'backward'});
		expect(run(s0, ['bottom']).page.direction).toBe('backward');
		expect(run(run(s0, ['bottom']), ['top']).page).toEqual({seq: 2, direction: 'forward'});
	});

	it('flips the sort order back to the top', () => {
		const s = run(initialState(), ['toggle-order']);
		expect(s.order).toBe('asc');
		expect(s.page.anchor).toBeUndefined();
	});

	it('includes and excludes facet values, and resets the page', () => {
		const facets = [
			{
				field: 'eventName' as const,
				values: [
					{value: 'A', count: 2},
					{value: 'B', count: 1},
				],
				more: false,
			},
			{field: 'principal' as const, values: [{value: 'p', count: 3}], more: false},
		];
		const v = view({facets});
		const s0 = {...initialState(), focus: 'facets' as const};
		const s1 = run(s0, ['down', 'include'], v);
		expect(s1.filter.chips).toEqual([{kind: 'field', field: 'eventName', value: 'B', exclude: false}]);
		expect(s1.page.seq).toBe(1);
		const s2 = run(s1, ['down', 'exclude'], v);
		expect(s2.facet).toEqual({field: 1, value: 0});
		expect(s2.filter.chips.at(-1)).toEqual({kind: 'field', field: 'principal', value: 'p', exclude: true});
		// Enter again on an included value removes it (toggle).
		expect(run(s1, ['include'], v).filter.chips).toEqual([]);
	});

	it('selects, inverts and removes chips, and clears all', () => {
		let s: UiState = {
			...initialState({chips: [{kind: 'errors'}, {kind: 'field', field: 'eventName', value: 'A', exclude: false}]}),
			focus: 'filters',
		};
		s = run(s, ['right', 'invert-chip']);
		expect(s.filter.chips[1]).toMatchObject({exclude: true});
		s = run(s, ['left', 'remove-chip']);
		expect(s.filter.chips).toHaveLength(1);
		expect(run(s, ['clear-filters']).filter.chips).toEqual([]);
		// Clearing can be undone with u; Esc (back) is navigation and leaves the filter as it is.
		expect(run(s, ['clear-filters', 'undo']).filter).toEqual(s.filter);
		expect(run(s, ['clear-filters', 'back']).filter.chips).toEqual([]);
	});

	it('reads the filter prompt, keeps it open with the error on bad input', () => {
		let s = run(initialState(), ['add-filter']);
		expect(s.mode).toBe('prompt');
		s = reducer(s, {type: 'prompt-input', text: 'principl=x'});
		s = run(s, ['prompt-submit']);
		expect(s.mode).toBe('prompt');
		expect(s.prompt?.error).toMatch(/unknown field/);
		s = run(s, ['prompt-delete']);
		s = {...s, prompt: {kind: 'filter', text: 'principal!=arn:x'}};
		s = run(s, ['prompt-submit']);
		expect(s.mode).toBe('browse');
		expect(s.filter.chips).toEqual([{kind: 'field', field: 'principal', value: 'arn:x', exclude: true}]);
		s = run({...run(s, ['add-filter']), prompt: {kind: 'filter', text: 'around=2024-12-03T23:38Z'}}, ['prompt-submit']);
		expect(s.filter.chips.slice(1)).toMatchObject([
			{kind: 'from', time: new Date('2024-12-03T23:33:00Z')},
			{kind: 'until', time: new Date('2024-12-03T23:43:00Z')},
		]);
		s = run({...run(s, ['search']), prompt: {kind: 'search', text: 'evil'}}, ['prompt-submit']);
		expect(s.filter.chips.at(-1)).toEqual({kind: 'text', text: 'evil'});
		expect(run(run(s, ['search']), ['prompt-cancel']).filter).toEqual(s.filter);
	});

	it('opens a record, scrolls it, pivots and goes back', () => {
		const page = {seq: 0, rows: [row(1), row(2)], moreBefore: false, moreAfter: false};
		let s = run(initialState(), ['down', 'open'], view({page}));
		expect(s.mode).toBe('record');
		expect(s.record).toEqual({eventID: 'e2', eventTime: row(2).eventTime, line: 0, top: 0});
		const summary = {
			eventID: 'e2',
			eventTime: new Date('2024-12-03T23:38:00Z'),
			eventName: 'UpdateDeviceState',
			principal: 'arn:p',
			deviceId: 'G030',
			sourceIPAddress: '1.2.3.4',
		};
		const v = view({record: {lines: 20, summary}});
		s = run(s, ['page-down', 'down'], v);
		expect(s.record).toMatchObject({line: 6, top: 2});
		expect(run(s, ['bottom'], v).record).toMatchObject({line: 19, top: 15});
		expect(run(s, ['back'], v).mode).toBe('browse');
		const device = run(s, ['pivot-deviceId'], v);
		expect(device).toMatchObject({
			mode: 'browse',
			focus: 'events',
			filter: {chips: [{kind: 'field', field: 'deviceId', value: 'G030', exclude: false}]},
		});
		expect(run(device, ['back']).filter.chips).toEqual([]);
		const around = run(s, ['pivot-around'], v);
		expect(around.filter.chips).toMatchObject([
			{kind: 'from', time: new Date('2024-12-03T23:33:00Z'), label: '2024-12-03 23:33Z'},
			{kind: 'until', time: new Date('2024-12-03T23:43:00Z')},
		]);
		const none = run(s, ['pivot-deviceId'], view({record: {lines: 3, summary: {...summary, deviceId: null}}}));
		expect(none.mode).toBe('record');
		expect(none.message).toMatch(/no device/);
	});

	it('zooms into the marked timeline span and back out', () => {
		const starts = [0, 1, 2, 3].map(h => new Date(Date.UTC(2024, 11, 3, h)));
		const v = view({timeline: {starts, bucketMs: 3_600_000}});
		let s: UiState = {...initialState(), focus: 'timeline'};
		s = run(s, ['right', 'mark', 'right', 'right', 'zoom-in'], v);
		expect(s.filter.chips).toMatchObject([
			{kind: 'from', time: new Date('2024-12-03T01:00:00Z')},
			{kind: 'until', time: new Date('2024-12-03T04:00:00Z')},
		]);
		expect(run(s, ['zoom-out'], v).filter.chips).toEqual([]);
	});

	it('opens and closes help, returning to the mode it came from', () => {
		const s = run(initialState(), ['help']);
		expect(s.mode).toBe('help');
		expect(run(s, ['close-help']).mode).toBe('browse');
	});
});
