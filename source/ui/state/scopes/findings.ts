/**
 * The findings list's keys: move, filter the events to the selected finding's events (a `finding N` chip), close.
 */
import {step, type ScopeHandler} from '../actions.js';
import {clamp, listMove, withFilter} from '../moves.js';

export const findingsScope: ScopeHandler = {
	actions: ['up', 'down', 'top', 'bottom', 'open', 'back'],
	handle(state, action) {
		const list = state.data.findings.data ?? [];
		const last = list.length - 1;
		const cursor = clamp(state.findings.cursor, last);
		const moved = listMove(action, cursor, last);
		if (moved !== undefined) return step({...state, findings: {cursor: moved}});
		const selected = list[cursor];
		switch (action) {
			case 'back':
				return step({...state, mode: 'browse'});
			case 'open': {
				if (!selected) return step(state);
				const chip = {kind: 'finding', findingId: selected.findingId, title: selected.title} as const;
				return step({...withFilter(state, {chips: [chip]}, true), mode: 'browse', focus: 'events'});
			}
			default:
				return step(state);
		}
	},
};
