/**
 * The sessions list's keys: move, filter the events to the selected key (Enter, a) or to its principal (p), close.
 */
import {step, type ScopeHandler} from '../actions.js';
import {clamp, listMove, withFilter} from '../moves.js';

export const sessionsScope: ScopeHandler = {
	actions: ['up', 'down', 'top', 'bottom', 'pivot-access-key', 'pivot-principal', 'back'],
	handle(state, action) {
		const list = state.data.sessions.data ?? [];
		const last = list.length - 1;
		const cursor = clamp(state.sessions.cursor, last);
		const moved = listMove(action, cursor, last);
		if (moved !== undefined) return step({...state, sessions: {cursor: moved}});
		const selected = list[cursor];
		switch (action) {
			case 'back':
				return step({...state, mode: 'browse'});
			case 'pivot-access-key':
			case 'pivot-principal': {
				if (!selected) return step(state);
				const chip =
					action === 'pivot-access-key'
						? ({kind: 'field', field: 'accessKeyId', value: selected.accessKeyId, exclude: false} as const)
						: ({kind: 'field', field: 'principal', value: selected.principal, exclude: false} as const);
				return step({...withFilter(state, {chips: [chip]}, true), mode: 'browse', focus: 'events'});
			}
			default:
				return step(state);
		}
	},
};
