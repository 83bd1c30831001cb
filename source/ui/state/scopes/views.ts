/**
 * The saved-views list's keys: move, open (a filter view sets the chips; a SQL view runs in the console), rename,
 * delete (both through a prompt), close, quit.
 */
import {step, type ScopeHandler} from '../actions.js';
import {consoleWith} from '../console-reducer.js';
import {clamp, openPrompt, withFilter} from '../moves.js';

export const viewsScope: ScopeHandler = {
	actions: ['up', 'down', 'open', 'views-rename', 'views-delete', 'views-close', 'quit'],
	keepsMessage: ['open'],
	handle(state, action) {
		const list = state.data.views.list;
		const cursor = clamp(state.views.cursor, list.length - 1);
		const selected = list[cursor];
		switch (action) {
			case 'quit':
				return step(state, {type: 'quit'});
			case 'views-close':
				return step({...state, mode: 'browse'});
			case 'up':
				return step({...state, views: {cursor: Math.max(0, cursor - 1)}});
			case 'down':
				return step({...state, views: {cursor: clamp(cursor + 1, list.length - 1)}});
			case 'views-rename':
				return step(
					selected ? openPrompt(state, {kind: 'view-rename', text: selected.name, subject: selected.name}) : state,
				);
			case 'views-delete':
				return step(selected ? openPrompt(state, {kind: 'view-delete', text: '', subject: selected.name}) : state);
			case 'open':
				if (selected?.filter) {
					const opened = withFilter(state, selected.filter, true);
					return step({
						...opened,
						mode: 'browse',
						focus: 'events',
						prompt: undefined,
						message: `view ${selected.name}`,
					});
				}
				if (selected && selected.sql !== null) {
					const console = consoleWith(state.console, selected.sql);
					return step({...state, mode: 'console', prompt: undefined, console}, {type: 'run-sql', sql: selected.sql});
				}
				return step(state);
			default:
				return step(state);
		}
	},
};
