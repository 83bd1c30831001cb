/**
 * Find as state: `/` in the events table asks for a read from the cursor's row and the answer moves the cursor (on
 * the page, or to a page that starts at the row found, with its place); n and N look again; wrapping and nothing
 * found say so; in the record view `/`, n and N move over its lines, whitespace between JSON tokens not counting;
 * `&` is the text filter; `q` or `q!` in the console quits.
 */
import {describe, expect, it} from 'vitest';
import type {Scope} from '../../../source/ui/keys/bindings.js';
import type {ActionName} from '../../../source/ui/keys/actions.js';
import type {FindAnswer, PageData} from '../../../source/ui/model/data.js';
import {recordData} from '../../../source/ui/reads/record.js';
import type {UiAction} from '../../../source/ui/state/actions.js';
import {dataKeys} from '../../../source/ui/state/data-keys.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';
import {route} from '../../../source/ui/keys/router.js';
import {fakeEvents} from '../helpers/fake-reader.js';

const key = (scope: Scope, action: ActionName): UiAction => ({type: 'key', scope, action});
const type = (text: string): UiAction => ({type: 'prompt-input', text});
const apply = (state: UiState, ...actions: UiAction[]) => actions.reduce((s, a) => update(s, a).state, state);

const events = fakeEvents(60);
/** The screen with the first page of 20 rows on it. */
function browsing(): UiState {
	const start = initialState();
	const rows = events.slice(0, 20);
	const page: PageData = {
		seq: 0,
		data: rows,
		rows: rows.map(e => ({eventTime: e.eventTime, eventID: e.eventID})),
		moreBefore: false,
		moreAfter: true,
		first: {top: 0},
	};
	return {...start, data: {...start.data, page: {key: dataKeys(start).page, data: page}}};
}

const arrive = (state: UiState, data: FindAnswer): UiState =>
	update(state, {type: 'find-loaded', key: dataKeys(state).find!, data}).state;
const cursorOf = (i: number) => ({eventTime: events[i]!.eventTime, eventID: events[i]!.eventID});

describe('find in the events table', () => {
	it('/ and n are keys of browsing; & is the text filter', () => {
		expect(['/', 'n', 'N', '&'].map(k => route('browse', 'facets', k))).toEqual([
			'find',
			'find-next',
			'find-previous',
			'search',
		]);
		const filtered = apply(initialState(), key('browse', 'search'), type('evil'), key('prompt', 'prompt-submit'));
		expect(filtered.filter.chips).toEqual([{kind: 'text', text: 'evil'}]);
	});

	it('/ asks for a read from the cursor row (itself included); the answer on the page moves the cursor there', () => {
		let state = apply({...browsing(), row: 2, focus: 'facets'}, key('browse', 'find'), type('user-3'));
		expect(state.prompt).toMatchObject({kind: 'find', text: 'user-3'});
		state = apply(state, key('prompt', 'prompt-submit'));
		expect(state).toMatchObject({mode: 'browse', focus: 'events', prompt: undefined});
		expect(state.find).toEqual({text: 'user-3', request: {from: cursorOf(2), direction: 'next', inclusive: true}});
		expect(dataKeys(state).find).toBeDefined();
		state = arrive(state, {found: {row: cursorOf(3), place: {top: 3}}, wrapped: false});
		expect(state.row).toBe(3);
		expect(state.find).toEqual({text: 'user-3'});
		expect(state.message).toBeUndefined();
	});

	it('n past the page opens a page starting at the row found, with its place; wrapping says so', () => {
		let state = apply(browsing(), key('browse', 'find'), type('x'), key('prompt', 'prompt-submit'));
		state = arrive(state, {found: {row: cursorOf(0), place: {top: 0}}, wrapped: false});
		state = apply(state, key('browse', 'find-next'));
		expect(state.find?.request).toEqual({from: cursorOf(0), direction: 'next', inclusive: false});
		state = arrive(state, {found: {row: cursorOf(47), place: {top: 47}}, wrapped: false});
		expect(state.page).toEqual({seq: 1, anchor: cursorOf(47), direction: 'forward', inclusive: true, at: {top: 47}});
		expect(state.row).toBe(0);
		// A match within the first page's rows (after G, say): the top page, the cursor on it.
		const top = arrive(apply({...state, row: 0}, key('browse', 'find-previous')), {
			found: {row: cursorOf(50), place: {top: 5}},
			wrapped: false,
		});
		expect(top).toMatchObject({page: {seq: 2, direction: 'forward'}, row: 5});
		expect(top.page.anchor).toBeUndefined();
		expect(apply(browsing(), key('browse', 'find-previous')).message).toBe('nothing to find yet: / to find');
		state = apply(browsing(), key('browse', 'find'), type('x'), key('prompt', 'prompt-submit'));
		state = arrive(state, {found: {row: cursorOf(1), place: {top: 1}}, wrapped: true});
		expect(state.message).toBe('search hit BOTTOM, continuing at TOP');
		state = arrive(apply(state, key('browse', 'find-previous')), {
			found: {row: cursorOf(0), place: {top: 0}},
			wrapped: true,
		});
		expect(state.message).toBe('search hit TOP, continuing at BOTTOM');
		state = arrive(apply(state, key('browse', 'find-next')), {wrapped: false});
		expect(state.message).toBe('not found: x');
	});

	it('an answer to a find no longer wanted (the filter changed) moves nothing', () => {
		let state = apply(browsing(), key('browse', 'find'), type('x'), key('prompt', 'prompt-submit'));
		const asked = dataKeys(state).find!;
		state = apply(state, key('browse', 'toggle-errors'));
		state = update(state, {
			type: 'find-loaded',
			key: asked,
			data: {found: {row: cursorOf(9), place: {top: 9}}, wrapped: false},
		}).state;
		expect(state.row).toBe(0);
		expect(state.page.anchor).toBeUndefined();
		expect(state.find).toEqual({text: 'x'});
	});
});

describe('find in the record view', () => {
	const raw = {
		eventVersion: '1.08',
		requestParameters: {deviceId: 'G030', enabled: false},
		userAgent: 'a'.repeat(2000),
		responseElements: {enabled: false},
	};
	function reading(): UiState {
		const start = initialState();
		const data = recordData({row: {eventID: 'e', eventTime: new Date(), sourceFile: 'f.json'}, raw});
		return {
			...start,
			mode: 'record',
			record: {eventID: 'e', line: 0, top: 0},
			data: {...start.data, record: {key: 'k', data: data}},
		};
	}
	const lineOf = (state: UiState) => state.data.record.data!.lines[state.record!.line]!;
	const text = (state: UiState) =>
		lineOf(state)
			.tokens.map(t => t.text)
			.join('');

	it('finds "enabled":false on the line "enabled": false; n goes on, and wraps around saying so', () => {
		let state = apply(reading(), key('record', 'find'), type('"ENABLED":false'), key('prompt', 'prompt-submit'));
		expect(state.mode).toBe('record');
		expect(text(state)).toBe('"enabled": false');
		expect(lineOf(state).depth).toBe(2);
		const first = state.record!.line;
		state = apply(state, key('record', 'find-next'));
		expect(text(state)).toBe('"enabled": false');
		expect(state.record!.line).toBeGreaterThan(first);
		state = apply(state, key('record', 'find-next'));
		expect(state.record!.line).toBe(first);
		expect(state.message).toBe('search hit BOTTOM, continuing at TOP');
		state = apply(state, key('record', 'find-previous'));
		expect(state.message).toBe('search hit TOP, continuing at BOTTOM');
		state = apply(state, key('record', 'find'), type('"enabled": true'), key('prompt', 'prompt-submit'));
		expect(state.message).toBe('not found: "enabled": true');
	});

	it('wraps long lines by default; w scrolls them sideways with l and h', () => {
		let state = reading();
		expect(state.recordLayout).toBe('wrap');
		state = apply(state, key('record', 'toggle-wrap'));
		expect(state.recordLayout).toBe('sideways');
		state = apply(state, key('record', 'right'), key('record', 'right'));
		// Half the cursor line's room: 80 columns, less the cursor mark, at depth 0.
		expect(state.record!.left).toBe(2 * 39);
		state = apply(state, key('record', 'left'), key('record', 'left'), key('record', 'left'));
		expect(state.record!.left).toBe(0);
		state = apply(state, key('record', 'toggle-wrap'));
		expect(state.recordLayout).toBe('wrap');
	});

	it('a wrapped 2,000-character line counts as the screen lines it takes when scrolling', () => {
		// 80 columns: 76 cells a line at depth 1; the userAgent would take 27 screen lines and gets the view's 20.
		let state = {...reading(), box: {...initialState().box, recordHeight: 20}};
		const agent = state.data.record.data!.lines.findIndex(l => l.tokens[0]?.text === '"userAgent"');
		state = apply(state, ...Array.from({length: agent}, () => key('record', 'down')));
		expect(state.record).toMatchObject({line: agent, top: agent});
		state = apply(state, key('record', 'down'));
		expect(state.record).toMatchObject({line: agent + 1, top: agent + 1});
	});
});

describe(':q', () => {
	it('q or q! alone, then Enter, quits; anything else runs', () => {
		for (const typed of ['q', ' q! ', 'q\n']) {
			const state = update({...initialState(), mode: 'console'}, {type: 'console-input', text: typed}).state;
			expect(update(state, key('console', 'console-run')).effects).toEqual([{type: 'quit'}]);
		}
		const state = update({...initialState(), mode: 'console'}, {type: 'console-input', text: 'q;'}).state;
		expect(update(state, key('console', 'console-run')).effects).toEqual([{type: 'run-sql', sql: 'q;'}]);
	});
});
