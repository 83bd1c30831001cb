/**
 * The one place effects run: each effect does its work and dispatches what it brings back.
 */
import {describe, expect, it} from 'vitest';
import type {CaseStore} from '../../../source/store/case-store.js';
import type {SavedView} from '../../../source/store/views.js';
import {runEffect, type EffectContext} from '../../../source/ui/effects/run-effect.js';
import {createSqlRunner} from '../../../source/ui/effects/sql-runner.js';
import type {UiAction} from '../../../source/ui/state/actions.js';
import {FakeReader, fakeEvents} from '../helpers/fake-reader.js';

/** Views in memory, as the case file's store keeps them. */
function memoryStore(): CaseStore & {views: Map<string, SavedView>} {
	const views = new Map<string, SavedView>();
	const view = (name: string, rest: Partial<SavedView> = {}): SavedView => ({
		name,
		description: null,
		filter: null,
		sql: null,
		created: new Date(0),
		updated: new Date(0),
		...rest,
	});
	return {
		views,
		writable: true,
		listViews: async () => [...views.values()],
		getView: async name => views.get(name)!,
		saveView: async input => {
			const saved = view(input.name, {filter: input.filter ?? null, sql: input.sql ?? null});
			views.set(input.name, saved);
			return saved;
		},
		renameView: async (from, to) => {
			if (!views.has(from)) throw new Error(`no view named "${from}"`);
			const renamed = {...views.get(from)!, name: to};
			views.delete(from);
			views.set(to, renamed);
			return renamed;
		},
		deleteView: async name => void views.delete(name),
		addHistory: async () => undefined,
		listHistory: async () => [],
	};
}

function context(store?: CaseStore) {
	const dispatched: UiAction[] = [];
	const written: string[] = [];
	let exits = 0;
	const dispatch = (action: UiAction) => void dispatched.push(action);
	const reader = new FakeReader(fakeEvents(10));
	const ctx: EffectContext = {
		exit: () => exits++,
		write: text => void written.push(text),
		reader,
		store,
		sql: createSqlRunner(dispatch),
		dispatch,
	};
	return {ctx, dispatched, written, exits: () => exits, reader};
}

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('runEffect', () => {
	it('quits, and copies through OSC 52', () => {
		const {ctx, written, exits} = context();
		runEffect(ctx, {type: 'quit'});
		expect(exits()).toBe(1);
		runEffect(ctx, {type: 'copy', text: 'é'});
		expect(written).toEqual([`\u001b]52;c;${Buffer.from('é').toString('base64')}\u0007`]);
	});

	it('saves, renames and deletes views, then says the list changed', async () => {
		const store = memoryStore();
		const {ctx, dispatched} = context(store);
		runEffect(ctx, {type: 'save-view', name: 'v', description: 'd', sql: 'SELECT 1'});
		await settle();
		runEffect(ctx, {type: 'rename-view', from: 'v', to: 'w'});
		await settle();
		runEffect(ctx, {type: 'delete-view', name: 'w'});
		await settle();
		runEffect(ctx, {type: 'rename-view', from: 'nope', to: 'x'});
		await settle();
		expect(dispatched).toEqual([
			{type: 'views-changed', message: 'saved view v'},
			{type: 'views-changed', message: 'renamed v to w'},
			{type: 'views-changed', message: 'deleted view w'},
			{type: 'prompt-error', error: 'no view named "nope"'},
		]);
		expect(store.views.size).toBe(0);
	});

	it('without a store, a view cannot be saved: the prompt says so', () => {
		const {ctx, dispatched} = context();
		runEffect(ctx, {type: 'save-view', name: 'v', description: '', filter: {chips: []}});
		expect(dispatched).toEqual([{type: 'prompt-error', error: 'views cannot be saved here'}]);
	});

	it('runs the console SQL on the console lane: running, then done', async () => {
		const {ctx, dispatched, reader} = context();
		runEffect(ctx, {type: 'run-sql', sql: '  SELECT 1  '});
		await settle();
		runEffect(ctx, {type: 'run-sql', sql: '   '});
		await settle();
		expect(dispatched.map(a => (a.type === 'sql-run' ? [a.run.state, 'sql' in a.run && a.run.sql] : a.type))).toEqual([
			['running', 'SELECT 1'],
			['done', 'SELECT 1'],
		]);
		expect(reader.count('console')).toBe(0); // the fake answers typed SQL through its tools, not as a query
	});

	it('exports, and reports the rows written', async () => {
		const {ctx, dispatched} = context();
		const query = {sql: 'SELECT * FROM events', params: []};
		runEffect(ctx, {type: 'export', query, path: 'x.csv', format: 'csv', userSql: false, overwrite: false});
		await settle();
		expect(dispatched).toEqual([{type: 'prompt-done', message: 'exported 10 rows to x.csv'}]);
	});
});
