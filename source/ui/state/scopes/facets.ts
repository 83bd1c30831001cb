/**
 * The facets pane's keys: move over the fields' values; include (Enter, +, =) or exclude (-, x) the value under the
 * cursor, toggling a field chip (values of one field OR together).
 */
import {toggleChip, type Chip} from '../../../query/filters.js';
import {step, type ScopeHandler} from '../actions.js';
import {withFilter} from '../moves.js';
import type {UiState} from '../state.js';

export const facetsScope: ScopeHandler = {
	actions: ['up', 'down', 'top', 'bottom', 'page-down', 'page-up', 'include', 'exclude'],
	handle(state, action) {
		const lists = state.data.facets.data ?? [];
		if (lists.length === 0) return step(state);
		const fieldAt = Math.min(state.facet.field, lists.length - 1);
		const size = (field: number) => lists[field]?.values.length ?? 0;
		const valueAt = Math.max(0, Math.min(state.facet.value, size(fieldAt) - 1));
		const at = (field: number, value: number): UiState => ({...state, facet: {field, value}});
		switch (action) {
			case 'up':
				if (valueAt > 0) return step(at(fieldAt, valueAt - 1));
				return step(fieldAt > 0 ? at(fieldAt - 1, Math.max(0, size(fieldAt - 1) - 1)) : at(0, 0));
			case 'down':
				if (valueAt < size(fieldAt) - 1) return step(at(fieldAt, valueAt + 1));
				return step(fieldAt < lists.length - 1 ? at(fieldAt + 1, 0) : at(fieldAt, valueAt));
			case 'top':
				return step(at(0, 0));
			case 'bottom':
				return step(at(lists.length - 1, Math.max(0, size(lists.length - 1) - 1)));
			case 'page-down':
				return step(at(Math.min(lists.length - 1, fieldAt + 1), 0));
			case 'page-up':
				return step(at(Math.max(0, fieldAt - 1), 0));
			case 'include':
			case 'exclude': {
				const list = lists[fieldAt];
				const item = list?.values[valueAt];
				if (!list || !item) return step(state);
				const chip: Chip = {kind: 'field', field: list.field, value: item.value, exclude: action === 'exclude'};
				return step({
					...withFilter(state, toggleChip(state.filter, chip), true),
					facet: {field: fieldAt, value: valueAt},
				});
			}
			default:
				return step(state);
		}
	},
};
