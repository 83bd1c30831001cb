/**
 * State changes more than one scope makes: set the filter, go back, open a prompt. Pure.
 */
import type {FilterState} from '../../query/filters.js';
import type {Prompt, UiState} from './state.js';

/** Sets the filter, back at the top of the events; with `remember`, the old filter can be restored with back. */
export function withFilter(state: UiState, filter: FilterState, remember: boolean): UiState {
	if (filter === state.filter) return state;
	return {
		...state,
		filter,
		history: remember ? [...state.history, state.filter].slice(-50) : state.history,
		chip: Math.max(0, Math.min(state.chip, filter.chips.length - 1)),
		timeline: {cursor: state.timeline.cursor},
		page: {seq: state.page.seq + 1, direction: 'forward'},
		row: 0,
		// A find on its way was from a row of the old filter's table: dropped (n looks again).
		...(state.find ? {find: {text: state.find.text}} : {}),
	};
}

/** Back: out of the record view, or the filter before the last pivot, zoom or clear. */
export function back(state: UiState): UiState {
	if (state.mode === 'record') return {...state, mode: 'browse', record: undefined};
	const previous = state.history.at(-1);
	if (!previous) return state;
	return {...withFilter(state, previous, false), history: state.history.slice(0, -1)};
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
