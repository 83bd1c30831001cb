/**
 * The marks list's keys: move, open the marked event (back comes to the list), delete the mark (asks first), close.
 */
import {step, type ScopeHandler} from '../actions.js';
import {clamp, listMove, openPrompt} from '../moves.js';

export const marksScope: ScopeHandler = {
	actions: ['up', 'down', 'top', 'bottom', 'open', 'marks-delete', 'back'],
	handle(state, action) {
		const list = state.data.marks.data ?? [];
		const last = list.length - 1;
		const cursor = clamp(state.marks.cursor, last);
		const moved = listMove(action, cursor, last);
		if (moved !== undefined) return step({...state, marks: {cursor: moved}});
		const selected = list[cursor];
		switch (action) {
			case 'back':
				return step({...state, mode: 'browse'});
			case 'open': {
				if (!selected) return step(state);
				const time = selected.eventTime ? {eventTime: selected.eventTime} : {};
				const record = {eventID: selected.eventID, ...time, line: 0, top: 0, back: 'marks' as const};
				return step({...state, mode: 'record', record});
			}
			case 'marks-delete':
				if (!selected) return step(state);
				return step(openPrompt(state, {kind: 'mark-delete', text: '', subject: selected.eventID}));
			default:
				return step(state);
		}
	},
};
