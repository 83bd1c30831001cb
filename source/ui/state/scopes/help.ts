/**
 * The help screen's keys: close it (back to where it was opened), or quit.
 */
import {step, type ScopeHandler} from '../actions.js';

export const helpScope: ScopeHandler = {
	actions: ['close-help', 'quit'],
	handle(state, action) {
		if (action === 'quit') return step(state, {type: 'quit'});
		if (action === 'close-help') return step({...state, mode: state.helpReturn});
		return step(state);
	},
};
