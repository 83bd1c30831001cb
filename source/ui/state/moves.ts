/**
 * State changes more than one scope makes: set the filter, pivot, go back, open a prompt. Pure.
 */
import type {FilterState} from '../../query/filters.js';
import type {Prompt, TrailStep, UiState} from './state.js';

/**
 * Sets the filter, back at the top of the events. With `remember`, u (undo) can restore the filter it replaces (and
 * what was undone before can no longer be redone); undo and redo themselves pass false.
 */
export function withFilter(state: UiState, filter: FilterState, remember: boolean): UiState {
	if (filter === state.filter) return state;
	return {
		...state,
		filter,
		history: remember ? [...state.history, state.filter].slice(-50) : state.history,
		redo: remember ? [] : state.redo,
		chip: Math.max(0, Math.min(state.chip, filter.chips.length - 1)),
		timeline: {cursor: state.timeline.cursor},
		page: {seq: state.page.seq + 1, direction: 'forward'},
		row: 0,
		seek: undefined,
		// A find on its way was from a row of the old filter's table: dropped (n looks again).
		...(state.find ? {find: {text: state.find.text}} : {}),
	};
}

/**
 * A pivot from the record view or the lineage tree: the filter set to `filter` (u undoes it), the events table
 * focused, and a step on the trail so that Esc comes back to where the pivot was taken.
 */
export function pivotTo(state: UiState, filter: FilterState): UiState {
	const {mode, record, lineage, page, row} = state;
	const from: TrailStep = {filter: state.filter, mode: mode === 'lineage' ? 'lineage' : 'record', page, row};
	if (record) from.record = record;
	if (lineage) from.lineage = lineage;
	const next = withFilter(state, filter, true);
	const trail = [...state.trail, from].slice(-50);
	return {...next, trail, mode: 'browse', focus: 'events', record: undefined, lineage: undefined};
}

/**
 * Back (Esc), which is navigation, never an undo: out of the record view; in browse, after a pivot, back to the
 * record (or lineage tree) it was taken from, with the filter before it and the events table where it was, its
 * cursor on that record. The status line says the filter was restored.
 */
export function back(state: UiState): UiState {
	if (state.mode === 'record') return {...state, mode: 'browse', record: undefined};
	const last = state.trail.at(-1);
	if (!last) return {...state, message: 'nothing to go back to (u undoes the last filter change)'};
	const restored = withFilter(state, last.filter, true);
	return {
		...restored,
		trail: state.trail.slice(0, -1),
		mode: last.mode,
		record: last.record,
		lineage: last.lineage,
		focus: 'events',
		page: {...last.page, seq: state.page.seq + 1},
		row: last.row,
		seek: last.record?.eventID,
		message: 'back: filter restored',
	};
}

/** Opens a prompt that returns to the current mode when it closes. */
export function openPrompt(state: UiState, prompt: Prompt): UiState {
	if (prompt.source === 'console' && prompt.kind === 'view-name' && state.console.editor.text.trim() === '') {
		return {...state, message: 'type some SQL first'};
	}
	return {...state, mode: 'prompt', prompt: {...prompt, returnTo: state.mode}};
}

/** Clamps `value` to 0..`last` (0 when `last` < 0). */
export function clamp(value: number, last: number): number {
	return Math.max(0, Math.min(value, last));
}

/** A list's cursor after a move key (up, down, top, bottom), clamped to [0, last]; undefined for any other action. */
export function listMove(action: string, cursor: number, last: number): number | undefined {
	const to = {up: cursor - 1, down: cursor + 1, top: 0, bottom: last}[action];
	return to === undefined ? undefined : clamp(to, last);
}

/**
 * A scrolled text's first line after a scroll key (up, down, page-up, page-down, top, bottom), `page` lines a page,
 * clamped to [0, last]; undefined for any other action.
 */
export function scrollMove(action: string, top: number, page: number, last: number): number | undefined {
	const to = {up: top - 1, down: top + 1, 'page-up': top - page, 'page-down': top + page, top: 0, bottom: last}[action];
	return to === undefined ? undefined : clamp(to, last);
}
