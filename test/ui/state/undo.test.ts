/**
 * Esc is navigation, u and Ctrl-R undo and redo filter changes: Esc never changes the filter on its own, except going
 * back after a pivot (and then it says so); u says what it undid; Z zooms out one zoom at a time.
 */
import {describe, expect, it} from 'vitest';
import type {Chip} from '../../../source/query/filters.js';
import type {ActionName, Scope} from '../../../source/ui/keys/bindings.js';
import type {RecordSummary} from '../../../source/ui/model/data.js';
import type {UiAction} from '../../../source/ui/state/actions.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';

const press = (state: UiState, scope: Scope, action: ActionName) => update(state, {type: 'key', scope, action}).state;
const arrive = (state: UiState, action: UiAction) => update(state, action).state;
const row = (i: number) => ({eventID: `e${i}`, eventTime: new Date(Date.UTC(2024, 11, 3, 23, 0, i))});
const facets = [{field: 'eventName' as const, more: false, values: [{value: 'UpdateDeviceState', count: 5}]}];

/** The page of the request the state asks for, with rows e0.. e(n-1) (what the page hook would send). */
function pageArrives(state: UiState, first: number, count: number): UiState {
	const rows = Array.from({length: count}, (_, i) => row(first + i));
	const data = {seq: state.page.seq, rows, data: [], moreBefore: first > 0, moreAfter: true};
	return arrive(state, {type: 'page-loaded', key: 'k', data});
}

describe('Esc goes back, u undoes', () => {
	it('Esc after a facet include leaves the filter and says where undo is; u undoes it and says what; Ctrl-R redoes', () => {
		let s: UiState = {...initialState(), focus: 'facets'};
		s = arrive(s, {type: 'facets-loaded', key: 'k', data: facets});
		s = press(s, 'facets', 'include');
		const included: Chip[] = [{kind: 'field', field: 'eventName', value: 'UpdateDeviceState', exclude: false}];
		expect(s.filter.chips).toEqual(included);
		const escaped = press(s, 'browse', 'back');
		expect(escaped.filter).toBe(s.filter);
		expect(escaped.message).toBe('nothing to go back to (u undoes the last filter change)');
		const undone = press(s, 'browse', 'undo');
		expect(undone.filter.chips).toEqual([]);
		expect(undone.message).toBe('undone: added eventName=UpdateDeviceState (Ctrl-R redoes)');
		const redone = press(undone, 'browse', 'redo');
		expect(redone.filter.chips).toEqual(included);
		expect(redone.message).toBe('redone: added eventName=UpdateDeviceState');
		expect(press(redone, 'browse', 'redo').message).toBe('nothing to redo');
		expect(press(initialState(), 'browse', 'undo').message).toBe('nothing to undo');
	});

	it('undoes every kind of filter change, one at a time, newest first: E, a removed chip, c', () => {
		let s = press(initialState({chips: [{kind: 'text', text: 'evil'}]}), 'browse', 'toggle-errors');
		s = press({...s, focus: 'filters', chip: 0}, 'filters', 'remove-chip');
		expect(s.filter.chips).toEqual([{kind: 'errors'}]);
		s = press(s, 'browse', 'clear-filters');
		expect(s.filter.chips).toEqual([]);
		s = press(s, 'browse', 'undo');
		expect(s.message).toBe('undone: removed errors (Ctrl-R redoes)');
		s = press(s, 'browse', 'undo');
		expect(s.filter.chips).toEqual([{kind: 'text', text: 'evil'}, {kind: 'errors'}]);
		expect(s.message).toBe('undone: removed text~"evil" (Ctrl-R redoes)');
		s = press(s, 'browse', 'undo');
		expect(s.filter.chips).toEqual([{kind: 'text', text: 'evil'}]);
		expect(s.message).toBe('undone: added errors (Ctrl-R redoes)');
		// A new change after an undo forgets what could be redone.
		s = press(press(s, 'browse', 'toggle-errors'), 'browse', 'redo');
		expect(s.message).toBe('nothing to redo');
	});

	it('after a pivot from a record, Esc returns to the record with the filter before it, then the cursor on it', () => {
		const before: Chip[] = [{kind: 'errors'}];
		let s = initialState({chips: before});
		s = {...s, box: {...s.box, pageSize: 5}};
		// Page down once (the table continues after e4), then move to the third row and open it.
		s = pageArrives(s, 0, 5);
		s = press(s, 'events', 'page-down');
		s = pageArrives(s, 5, 5);
		s = press(press(s, 'events', 'down'), 'events', 'down');
		expect(s.row).toBe(2);
		const page = s.page;
		s = press(s, 'events', 'open');
		expect(s.record?.eventID).toBe('e7');
		const summary: RecordSummary = {
			eventID: 'e7',
			eventTime: row(7).eventTime,
			eventName: 'UpdateDeviceState',
			principal: 'arn:p',
			deviceId: 'G030',
			sourceIPAddress: '1.2.3.4',
		} as RecordSummary;
		s = arrive(s, {type: 'record-loaded', key: 'k', data: {record: {row: {}, raw: {}}, lines: [], summary}});
		const pivoted = press(s, 'record', 'pivot-deviceId');
		expect(pivoted).toMatchObject({mode: 'browse', row: 0, filter: {chips: [{kind: 'field', field: 'deviceId'}]}});
		// The pivoted table moves on; Esc still goes back to the record.
		const moved = press(pageArrives(pivoted, 0, 5), 'events', 'down');
		const back = press(moved, 'browse', 'back');
		expect(back).toMatchObject({mode: 'record', record: {eventID: 'e7'}, message: 'back: filter restored'});
		expect(back.filter.chips).toEqual(before);
		expect(back.page).toMatchObject({anchor: page.anchor, direction: page.direction});
		expect(back.page.seq).toBeGreaterThan(moved.page.seq);
		// Out of the record, the table is where it was; when the page arrives the cursor is on the record (even if
		// the rows moved: here one more event came before it).
		const table = press(back, 'record', 'back');
		expect(table.mode).toBe('browse');
		const landed = pageArrives(table, 4, 5);
		expect(landed.row).toBe(3);
		expect(landed.seek).toBeUndefined();
		// Going back is a filter change too: u undoes it.
		expect(press(landed, 'browse', 'undo').filter.chips).toEqual(pivoted.filter.chips);
	});

	it('Z zooms out one zoom at a time, keeping the other chips', () => {
		const starts = [0, 1, 2, 3].map(h => new Date(Date.UTC(2024, 11, 3, h)));
		const timeline = {bucket: {ms: 3_600_000} as never, from: starts[0]!, until: starts[3]!, starts, counts: []};
		let s: UiState = {...initialState({chips: [{kind: 'errors'}]}), focus: 'timeline'};
		s = arrive(s, {type: 'timeline-loaded', key: 'k', data: timeline});
		s = press(press(s, 'timeline', 'right'), 'timeline', 'zoom-in');
		const first = s.filter.chips;
		expect(first).toMatchObject([{kind: 'errors'}, {kind: 'from', time: starts[1]}, {kind: 'until', time: starts[2]}]);
		s = arrive(s, {type: 'timeline-loaded', key: 'k', data: timeline});
		s = press(press(s, 'timeline', 'bottom'), 'timeline', 'zoom-in');
		expect(s.filter.chips).toMatchObject([{kind: 'errors'}, {kind: 'from', time: starts[3]}, {kind: 'until'}]);
		s = press(s, 'timeline', 'zoom-out');
		expect(s.filter.chips).toEqual(first);
		s = press(s, 'timeline', 'zoom-out');
		expect(s.filter.chips).toEqual([{kind: 'errors'}]);
		expect(press(s, 'timeline', 'zoom-out').message).toBe('not zoomed in (u undoes the last filter change)');
	});
});
