/**
 * The help screen's keys: scroll it (j/k, PgUp/PgDn, g/G), close it (back to where it was opened), or quit.
 */
import {helpLines, helpPageSize} from '../../help-text.js';
import {step, type ScopeHandler} from '../actions.js';
import {scrollMove} from '../moves.js';

export const helpScope: ScopeHandler = {
	actions: ['close-help', 'quit', 'up', 'down', 'page-up', 'page-down', 'top', 'bottom'],
	handle(state, action) {
		if (action === 'quit') return step(state, {type: 'quit'});
		if (action === 'close-help') return step({...state, mode: state.helpReturn});
		const page = helpPageSize(state.box.bodyHeight);
		const last = Math.max(0, helpLines(state.box.columns).length - page);
		const top = Math.min(state.helpTop, last);
		const to = scrollMove(action, top, page, last);
		return to === undefined ? step(state) : step({...state, helpTop: to});
	},
};
