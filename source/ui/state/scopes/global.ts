/**
 * Keys bound everywhere outside prompts, the console, the views list and help: quit and help.
 */
import {step, type ScopeHandler} from '../actions.js';

export const globalScope: ScopeHandler = {
	actions: ['quit', 'help'],
	handle(state, action) {
		if (action === 'quit') return step(state, {type: 'quit'});
		if (action === 'help') return step({...state, mode: 'help', helpReturn: state.mode, helpTop: 0});
		return step(state);
	},
};
