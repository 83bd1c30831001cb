/**
 * One handler per key scope: every binding has a handler in its scope (table-driven over bindings.ts), and the
 * handlers return side effects as data.
 */
import {describe, expect, it} from 'vitest';
import {filterViewQuery} from '../../../source/query/view-query.js';
import {BINDINGS, type Scope} from '../../../source/ui/keys/bindings.js';
import type {RecordData} from '../../../source/ui/model/data.js';
import {recordData} from '../../../source/ui/reads/record.js';
import type {UiAction} from '../../../source/ui/state/actions.js';
import {HANDLERS} from '../../../source/ui/state/scopes/index.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';
import {fakeEvents} from '../helpers/fake-reader.js';

const MODE_OF: Record<Scope, UiState['mode']> = {
	global: 'browse',
	browse: 'browse',
	filters: 'browse',
	facets: 'browse',
	timeline: 'browse',
	events: 'browse',
	record: 'record',
	prompt: 'prompt',
	help: 'help',
	console: 'console',
	views: 'views',
	frequency: 'frequency',
	lineage: 'lineage',
	sessions: 'sessions',
	findings: 'findings',
	marks: 'marks',
	result: 'result',
	cell: 'cell',
};

const apply = (state: UiState, ...actions: UiAction[]) =>
	actions.reduce((s, a) => update(s.state, a), {state, effects: []} as ReturnType<typeof update>);

describe.each(BINDINGS.map(b => [b.scope, b.action, b.keys.join(' ')] as const))(
	'binding %s / %s (%s)',
	(scope, action) => {
		it('has a handler in its scope that takes it', () => {
			const handler = HANDLERS[scope];
			expect(handler, scope).toBeDefined();
			expect(handler.actions, `${scope} handles ${action}`).toContain(action);
			const state = {...initialState(), mode: MODE_OF[scope]};
			const step = handler.handle(state, action);
			expect(step.state).toBeDefined();
			expect(Array.isArray(step.effects)).toBe(true);
		});
	},
);

describe('scope handlers', () => {
	it('handle only actions bound in their scope (no handler for a key that does not exist)', () => {
		for (const [scope, handler] of Object.entries(HANDLERS)) {
			const bound = new Set(BINDINGS.filter(b => b.scope === scope).map(b => b.action));
			for (const action of handler.actions) expect(bound.has(action), `${scope} / ${action}`).toBe(true);
		}
	});

	it('quit is an effect, in every scope that binds it', () => {
		for (const scope of ['global', 'views', 'help'] as const) {
			const step = HANDLERS[scope].handle({...initialState(), mode: MODE_OF[scope]}, 'quit');
			expect(step.effects).toEqual([{type: 'quit'}]);
		}
	});

	it('copy is an effect carrying the text; the message says how much', () => {
		const [event] = fakeEvents(1);
		const data: RecordData = recordData({row: {...event}, raw: event!.raw});
		const state: UiState = {
			...initialState(),
			mode: 'record',
			record: {eventID: event!.eventID, line: 0, top: 0},
			data: {...initialState().data, record: {key: 'k', data}},
		};
		const step = HANDLERS.record.handle(state, 'copy-record');
		expect(step.effects).toEqual([{type: 'copy', text: JSON.stringify(event!.raw, null, 2)}]);
		expect(step.state.message).toBe(`copied the record (${JSON.stringify(event!.raw, null, 2).length} bytes)`);
	});

	it('running and cancelling SQL are effects; Esc with nothing running closes the console', () => {
		let state: UiState = {...initialState(), mode: 'console'};
		state = update(state, {type: 'console-input', text: 'SELECT 1'}).state;
		expect(HANDLERS.console.handle(state, 'console-run').effects).toEqual([{type: 'run-sql', sql: 'SELECT 1'}]);
		expect(HANDLERS.console.handle(state, 'console-cancel')).toEqual({state: {...state, mode: 'browse'}, effects: []});
		const running = update(state, {type: 'sql-run', run: {state: 'running', sql: 'SELECT 1', started: 0}}).state;
		expect(HANDLERS.console.handle(running, 'console-cancel').effects).toEqual([{type: 'cancel-sql'}]);
		expect(running.data.sql.history).toEqual(['SELECT 1']);
	});

	it('keys that hand work to an effect keep the status message; other keys clear it', () => {
		const state: UiState = {...initialState(), mode: 'console', message: 'saved view top-names'};
		expect(update(state, {type: 'key', scope: 'console', action: 'console-cancel'}).state).toMatchObject({
			mode: 'browse',
			message: 'saved view top-names',
		});
		expect(update(state, {type: 'key', scope: 'console', action: 'console-left'}).state.message).toBeUndefined();
	});

	it('saving, renaming and deleting a view and exporting are effects of the prompt', () => {
		const filter = {chips: [{kind: 'errors' as const}]};
		const key = (scope: Scope, action: UiAction & {type: 'key'} extends {action: infer A} ? A : never): UiAction => ({
			type: 'key',
			scope,
			action,
		});
		const type = (text: string): UiAction => ({type: 'prompt-input', text});
		const start = initialState(filter);
		const saved = apply(start, key('browse', 'save-view'), type('mine'), key('prompt', 'prompt-submit'), type('d'));
		expect(apply(saved.state, key('prompt', 'prompt-submit')).effects).toEqual([
			{type: 'save-view', name: 'mine', description: 'd', filter},
		]);
		const exported = apply(start, key('browse', 'export'), type('out.txt'), key('prompt', 'prompt-submit'));
		expect(exported.effects).toEqual([]);
		expect(exported.state.prompt?.error).toMatch(/\.csv, \.json/);
		const csv = apply(start, key('browse', 'export'), type('out.csv'), key('prompt', 'prompt-submit'));
		expect(csv.effects).toEqual([
			{
				type: 'export',
				query: filterViewQuery(filter),
				path: 'out.csv',
				format: 'csv',
				userSql: false,
				overwrite: false,
			},
		]);
		const views = {...start, mode: 'views' as const};
		const listed = update(views, {
			type: 'views-loaded',
			list: [{name: 'v', description: null, filter: null, sql: 'SELECT 2', created: new Date(), updated: new Date()}],
		}).state;
		expect(apply(listed, key('views', 'open')).effects).toEqual([{type: 'run-sql', sql: 'SELECT 2'}]);
		const renamed = apply(listed, key('views', 'views-rename'), type('2'), key('prompt', 'prompt-submit'));
		expect(renamed.effects).toEqual([{type: 'rename-view', from: 'v', to: 'v2'}]);
		const deleted = apply(listed, key('views', 'views-delete'), type('y'), key('prompt', 'prompt-submit'));
		expect(deleted.effects).toEqual([{type: 'delete-view', name: 'v'}]);
	});
});
