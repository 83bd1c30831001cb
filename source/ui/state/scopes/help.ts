/**
 * The help screen's keys: scroll it (j/k, PgUp/PgDn, g/G), close it (back to where it was opened), or quit.
 */
import {helpLines, helpPageSize} from '../../help-text.js';
import {step, type ScopeHandler} from '../actions.js';

export const helpScope: ScopeHandler = {
	actions: ['close-help', 'quit', 'up', 'down', 'page-up', 'page-down', 'top', 'bottom'],
	handle(state, action) {
		if (action === 'quit') return step(state, {type: 'quit'});
		if (action === 'close-help') return step({...state, mode: state.helpReturn});
		const page = helpPageSize(state.box.bodyHeight);
		const last = Math.max(0, helpLines(state.box.columns).length - page);
		const top = Math.min(state.helpTop, last);
		const targets: Record<string, number> = {
			up: top - 1,
			down: top + 1,
			'page-up': top - page,
			'page-down': top + page,
			top: 0,
			bottom: last,
		};
		const to = targets[action];
		if (to === undefined) return step(state);
		return step({...state, helpTop: Math.max(0, Math.min(last, to))});
	},
};
