/**
 * The screen's state container: key actions through their scope's handler, effects to the one runner (held until
 * one is attached), and reads resolved from kept answers in the same change.
 */
import {describe, expect, it} from 'vitest';
import type {Effect, UiAction} from '../../../source/ui/state/actions.js';
import {dataKeys} from '../../../source/ui/state/data-keys.js';
import {createScreenStore, HOLD_MS, openScreen} from '../../../source/ui/state/screen-store.js';
import {initialState} from '../../../source/ui/state/state.js';

describe('screen store', () => {
	it('holds effects until a runner is attached, then runs each once', () => {
		const store = openScreen({columns: 120, rows: 40, zone: 'UTC', sql: 'SELECT 1'});
		expect(store.getState().mode).toBe('console');
		const ran: Effect[] = [];
		const detach = store.attach(effect => ran.push(effect));
		expect(ran).toEqual([{type: 'run-sql', sql: 'SELECT 1'}]);
		store.dispatch({type: 'key', scope: 'console', action: 'console-run'});
		expect(ran).toHaveLength(2);
		detach();
		store.dispatch({type: 'key', scope: 'console', action: 'console-run'});
		expect(ran).toHaveLength(2);
		store.attach(effect => ran.push(effect));
		expect(ran).toHaveLength(3);
	});

	it('tells listeners once per change, not for an action that changes nothing', () => {
		const store = createScreenStore(initialState());
		let told = 0;
		store.subscribe(() => told++);
		store.dispatch({type: 'key', scope: 'browse', action: 'focus-next'});
		expect(told).toBe(1);
		store.dispatch({type: 'prompt-input', text: 'x'}); // no prompt open
		expect(told).toBe(1);
	});

	it('resolves the reads a change asks for in the same change', () => {
		const store = createScreenStore(initialState());
		const counts = {matching: 7, total: 9};
		store.resolveWith(state => [{type: 'counts-loaded', key: dataKeys(state).counts, data: counts} as UiAction]);
		expect(store.getState().data.counts).toEqual({key: dataKeys(store.getState()).counts, data: counts});
		let told = 0;
		store.subscribe(() => told++);
		store.dispatch({type: 'key', scope: 'browse', action: 'toggle-errors'});
		const state = store.getState();
		expect(state.filter.chips).toEqual([{kind: 'errors'}]);
		expect(state.data.counts.key).toBe(dataKeys(state).counts);
		expect(told).toBe(1);
	});
});

describe('answers drawn together', () => {
	const page = {seq: 0, data: [], rows: [], moreBefore: false, moreAfter: false};

	it('an answer while other panes still wait is drawn with theirs (one change), or at most HOLD_MS later', async () => {
		const store = createScreenStore(initialState());
		let told = 0;
		store.subscribe(() => told++);
		const keys = dataKeys(store.getState());
		store.dispatch({type: 'counts-loaded', key: keys.counts, data: {matching: 1, total: 1}} as UiAction);
		store.dispatch({type: 'facets-loaded', key: keys.facets, data: []} as UiAction);
		store.dispatch({type: 'timeline-loaded', key: keys.timeline, data: null} as UiAction);
		// Held: the state has them, the screen is not told yet.
		expect(store.getState().data.facets.key).toBe(keys.facets);
		expect(told).toBe(0);
		store.dispatch({type: 'page-loaded', key: keys.page, data: page} as UiAction);
		expect(told).toBe(1);
		await new Promise(resolve => setTimeout(resolve, HOLD_MS + 20));
		expect(told).toBe(1);

		// A key is drawn at once; a lone answer after it, HOLD_MS later at the latest.
		store.dispatch({type: 'key', scope: 'browse', action: 'toggle-errors'});
		expect(told).toBe(2);
		const next = dataKeys(store.getState());
		store.dispatch({type: 'counts-loaded', key: next.counts, data: {matching: 0, total: 1}} as UiAction);
		expect(told).toBe(2);
		await new Promise(resolve => setTimeout(resolve, HOLD_MS + 20));
		expect(told).toBe(3);
	});
});
