/**
 * Undo (u) and redo (Ctrl-R) of filter changes, saying what they undid or redid. Pure. Every filter change through
 * withFilter (moves.ts) can be undone: f, /, facet include and exclude, the chips, E, c, zoom, a pivot.
 */
import {chipLabel, hasChip, type FilterState} from '../../query/filters.js';
import {withFilter} from './moves.js';
import type {UiState} from './state.js';

/** Restores the filter before the last change. */
export function undo(state: UiState): UiState {
	const previous = state.history.at(-1);
	if (!previous) return {...state, message: 'nothing to undo'};
	const next = withFilter(state, previous, false);
	const message = `undone: ${filterChange(previous, state.filter)} (Ctrl-R redoes)`;
	return {...next, history: state.history.slice(0, -1), redo: [...state.redo, state.filter], message};
}

/** Puts back the filter undone last. */
export function redo(state: UiState): UiState {
	const undone = state.redo.at(-1);
	if (!undone) return {...state, message: 'nothing to redo'};
	const next = withFilter(state, undone, false);
	const message = `redone: ${filterChange(state.filter, undone)}`;
	return {...next, history: [...state.history, state.filter].slice(-50), redo: state.redo.slice(0, -1), message};
}

/** What changed from `before` to `after`, e.g. "added eventName=UpdateDeviceState, removed errors". */
export function filterChange(before: FilterState, after: FilterState): string {
	const added = after.chips.filter(chip => !hasChip(before, chip)).map(chip => chipLabel(chip, 48));
	const removed = before.chips.filter(chip => !hasChip(after, chip)).map(chip => chipLabel(chip, 48));
	const parts = [
		...(added.length > 0 ? [`added ${added.join(', ')}`] : []),
		...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : []),
	];
	return parts.length > 0 ? parts.join('; ') : 'the order of the chips';
}
