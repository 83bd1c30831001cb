/**
 * The filter bar's keys: select a chip, remove it, or turn it from include to exclude.
 */
import {invertChip, removeChip} from '../../../query/filters.js';
import {step, type ScopeHandler} from '../actions.js';
import {withFilter} from '../moves.js';

export const filtersScope: ScopeHandler = {
	actions: ['left', 'right', 'remove-chip', 'invert-chip'],
	handle(state, action) {
		const count = state.filter.chips.length;
		switch (action) {
			case 'left':
				return step({...state, chip: Math.max(0, state.chip - 1)});
			case 'right':
				return step({...state, chip: Math.max(0, Math.min(count - 1, state.chip + 1))});
			case 'remove-chip':
				return step(withFilter(state, removeChip(state.filter, state.chip), true));
			case 'invert-chip':
				return step(withFilter(state, invertChip(state.filter, state.chip), true));
			default:
				return step(state);
		}
	},
};
