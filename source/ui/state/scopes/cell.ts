/**
 * One result cell shown whole: scroll its lines, copy it, go back to the result.
 */
import {cellView} from '../../console/cell-text.js';
import {step, type ScopeHandler} from '../actions.js';
import {clamp, scrollMove} from '../moves.js';

export const cellScope: ScopeHandler = {
	actions: ['up', 'down', 'page-up', 'page-down', 'top', 'bottom', 'copy-value', 'back'],
	handle(state, action) {
		const view = cellView(state, state.box.columns);
		if (!view || action === 'back') return step({...state, mode: 'result'});
		if (action === 'copy-value') {
			const message = `copied the cell (${Buffer.byteLength(view.text).toLocaleString('en-US')} bytes)`;
			return step({...state, message}, {type: 'copy', text: view.text});
		}
		const page = Math.max(1, state.box.bodyHeight - 1);
		const last = Math.max(0, view.lines.length - page);
		const top = clamp(state.result.top, last);
		const to = scrollMove(action, top, page, last);
		return to === undefined ? step(state) : step({...state, result: {...state.result, top: to}});
	},
};
