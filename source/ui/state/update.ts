/**
 * The screen's one update: an action -> the next state and the effects to run. A key action goes to its scope's
 * handler (scopes/); what the hooks read, and what effects bring back, lands in `data` (arrivals.ts). Pure.
 */
import {step, type Step, type UiAction} from './actions.js';
import {arrive} from './arrivals.js';
import {consoleInput} from './console-reducer.js';
import {HANDLERS} from './scopes/index.js';
import type {UiState} from './state.js';

/** The next state and its effects. */
export function update(state: UiState, action: UiAction): Step {
	switch (action.type) {
		case 'key': {
			const handler = HANDLERS[action.scope];
			const keep = handler.keepsMessage?.includes(action.action) ?? false;
			return handler.handle(keep ? state : {...state, message: undefined}, action.action);
		}
		case 'prompt-input':
			return step(
				state.prompt
					? {...state, prompt: {...state.prompt, text: state.prompt.text + action.text, error: undefined}}
					: state,
			);
		case 'console-input':
			return step({...state, console: consoleInput(state.console, action.text)});
		case 'message':
			return step({...state, message: action.text});
		case 'prompt-done':
			return step({...state, mode: state.prompt?.returnTo ?? 'browse', prompt: undefined, message: action.message});
		case 'views-changed': {
			const data = {...state.data, views: {...state.data.views, version: state.data.views.version + 1}};
			return update({...state, data}, {type: 'prompt-done', message: action.message});
		}
		case 'marks-changed': {
			const data = {...state.data, marksVersion: state.data.marksVersion + 1};
			return update({...state, data}, {type: 'prompt-done', message: action.message});
		}
		case 'working':
			return step({
				...state,
				working: action.text,
				...(action.message === undefined ? {} : {message: action.message}),
			});
		case 'prompt-error':
			return step(state.prompt ? {...state, prompt: {...state.prompt, error: action.error}} : state);
		case 'prompt-confirm-overwrite': {
			const open = state.prompt;
			if (!open) return step(state);
			return step({
				...state,
				prompt: {
					...open,
					kind: open.kind === 'report' ? 'report-overwrite' : 'export-overwrite',
					text: '',
					subject: action.path,
					error: undefined,
				},
			});
		}
		default:
			return step(arrive(state, action));
	}
}
