/**
 * The frequency view's keys (VisiData's Shift-F): move over a column's values by how often they occur; Enter keeps
 * only the value (- leaves it out) and goes back to the events; Esc goes back without changing the filter.
 */
import {addChip, type Chip} from '../../../query/filters.js';
import {step, type ScopeHandler} from '../actions.js';
import {withFilter} from '../moves.js';

export const frequencyScope: ScopeHandler = {
	actions: ['up', 'down', 'page-up', 'page-down', 'top', 'bottom', 'include', 'exclude', 'frequency-close'],
	handle(state, action) {
		const open = state.frequency;
		const closed = {...state, mode: 'browse' as const, frequency: undefined};
		if (!open || action === 'frequency-close') return step(closed);
		const values = state.data.frequency.data?.field === open.field ? state.data.frequency.data.values : [];
		const last = Math.max(0, values.length - 1);
		const height = Math.max(1, state.box.bodyHeight - 2);
		const to = (cursor: number) => step({...state, frequency: {...open, cursor: Math.max(0, Math.min(last, cursor))}});
		switch (action) {
			case 'up':
				return to(open.cursor - 1);
			case 'down':
				return to(open.cursor + 1);
			case 'page-up':
				return to(open.cursor - height);
			case 'page-down':
				return to(open.cursor + height);
			case 'top':
				return to(0);
			case 'bottom':
				return to(last);
			case 'include':
			case 'exclude': {
				const picked = values[open.cursor];
				if (!picked) return step(state);
				const chip: Chip = {kind: 'field', field: open.field, value: picked.value, exclude: action === 'exclude'};
				return step({...withFilter(closed, addChip(state.filter, chip), true), focus: 'events'});
			}
			default:
				return step(state);
		}
	},
};
