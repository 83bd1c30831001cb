/**
 * The screen's state container: holds the state, applies actions through {@link update}, tells React (through
 * useSyncExternalStore) and hands the effects to the one runner (source/ui/effects/). Effects that come before a
 * runner is attached (the SQL a saved view opens with) wait for it. A resolver may answer reads at once (answers
 * kept from before): its arrivals join the same state change, so the frame shows them with the key that asked.
 */
import type {Effect, UiAction} from './actions.js';
import type {FilterState} from '../../query/filters.js';
import type {Zone} from '../../query/time.js';
import {consoleWith} from './console-reducer.js';
import {dataKeys} from './data-keys.js';
import {restoreSession, type Session} from './session.js';
import {initialState, type UiState} from './state.js';
import {update} from './update.js';

/** The status line when the screen opens on the session it quit with. */
export const RESTORED = 'restored the last session (--fresh: without it)';

/** Dispatches an action. */
export type Dispatch = (action: UiAction) => void;

/** The container. */
export type ScreenStore = {
	getState: () => UiState;
	subscribe: (listener: () => void) => () => void;
	dispatch: Dispatch;
	/** Sets who runs effects (pending ones run now); returns a detach. */
	attach: (run: (effect: Effect) => void) => () => void;
	/** Sets what answers reads at once after each change (and now); returns a detach. */
	resolveWith: (resolve: Resolver) => () => void;
};

/**
 * How long an answer may wait for the other panes' answers before it is drawn. Every frame draws the whole screen
 * (about 20 ms of the main thread at 120x40), so four answers in four frames cost more than the wait.
 */
export const HOLD_MS = 40;

/** The panes a filter change refreshes together. */
const PANES = ['counts', 'facets', 'timeline', 'page'] as const;

/** Whether one of those panes still waits for the answer its state asks for. */
function panesWaiting(state: UiState): boolean {
	const keys = dataKeys(state);
	return PANES.some(slot => keys[slot] !== undefined && state.data[slot].key !== keys[slot]);
}

/** The arrivals that can be had at once for a state (none: an empty list). */
export type Resolver = (state: UiState) => UiAction[];

/** A container opening on `initial`, with `pending` effects to run once a runner is attached. */
export function createScreenStore(initial: UiState, pending: Effect[] = []): ScreenStore {
	let state = initial;
	let runner: ((effect: Effect) => void) | undefined;
	let resolver: Resolver | undefined;
	const queue = [...pending];
	const listeners = new Set<() => void>();
	const resolved = (next: UiState): UiState => {
		for (const arrival of resolver?.(next) ?? []) next = update(next, arrival).state;
		return next;
	};
	let held: ReturnType<typeof setTimeout> | undefined;
	const notify = () => {
		if (held) clearTimeout(held);
		held = undefined;
		for (const listener of listeners) listener();
	};
	const commit = (next: UiState, arrival = false) => {
		if (next === state) return;
		state = next;
		// An answer while other panes still wait for theirs: one frame for them all, at most HOLD_MS later.
		if (arrival && panesWaiting(state)) held ??= setTimeout(notify, HOLD_MS);
		else notify();
	};
	const dispatch: Dispatch = action => {
		const next = update(state, action);
		const arrival = action.type.endsWith('-loaded') || action.type === 'load-failed';
		commit(next.state === state ? state : resolved(next.state), arrival);
		for (const effect of next.effects) {
			if (runner) runner(effect);
			else queue.push(effect);
		}
	};
	return {
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispatch,
		attach(run) {
			runner = run;
			for (const effect of queue.splice(0)) run(effect);
			return () => {
				if (runner === run) runner = undefined;
			};
		},
		resolveWith(resolve) {
			resolver = resolve;
			commit(resolved(state));
			return () => {
				if (resolver === resolve) resolver = undefined;
			};
		},
	};
}

/** How the screen opens: filter, terminal size, zone, a fixed clock, SQL to run in the console, a notice, a session. */
export type Opening = {
	filter?: FilterState;
	columns: number;
	rows: number;
	zone: Zone;
	now?: Date;
	sql?: string;
	notice?: string;
	/** The case file's path (the report's default name). */
	caseFile?: string;
	/** The session saved when the screen last quit on this case file (ignored with a filter or SQL to open on). */
	session?: Session;
};

/** The container the screen opens with (in the console, running `sql`, when given). */
export function openScreen({filter, sql, notice, session, ...rest}: Opening): ScreenStore {
	const initial = initialState(filter, rest);
	const restored = session && !filter && sql === undefined ? restoreSession(initial, session) : initial;
	const start = {...restored, message: notice ?? (restored === initial ? undefined : RESTORED)};
	if (sql === undefined) return createScreenStore(start);
	const opened = {...start, mode: 'console' as const, console: consoleWith(start.console, sql)};
	return createScreenStore(opened, [{type: 'run-sql', sql}]);
}
