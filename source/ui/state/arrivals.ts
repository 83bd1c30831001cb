/**
 * What arrived, into `state.data`: the answers of the read jobs (`facets-loaded`, `page-loaded`, ...; a find's answer
 * also moves the events table's cursor), the newest event's time, completion names, saved views, the console's
 * history and statement. Pure.
 */
import {layout} from '../layout.js';
import type {PageView} from '../model/data.js';
import type {Slots, UiAction} from './actions.js';
import {dataKeys} from './data-keys.js';
import {foundAt} from './find.js';
import type {ScreenData, UiState} from './state.js';

/** The actions that carry data in. */
type Arrival = Exclude<
	UiAction,
	{
		type:
			| 'key'
			| 'prompt-input'
			| 'console-input'
			| 'message'
			| 'prompt-done'
			| 'views-changed'
			| 'prompt-error'
			| 'prompt-confirm-overwrite'
			| 'marks-changed'
			| 'working';
	}
>;

/** The state with what arrived. */
export function arrive(state: UiState, action: Arrival): UiState {
	const data = (change: Partial<ScreenData>): UiState => ({...state, data: {...state.data, ...change}});
	switch (action.type) {
		case 'resized': {
			const box = layout(action.columns, action.rows);
			return box.columns === state.box.columns && box.bodyHeight === state.box.bodyHeight ? state : {...state, box};
		}
		case 'load-failed': {
			// The previous data stays on screen, with the error.
			const previous = state.data[action.slot];
			return data({[action.slot]: {key: action.key, data: previous.data, error: action.error}});
		}
		case 'newest-loaded':
			return data({newest: action.newest});
		case 'completions-loaded':
			return data({completions: action.completions});
		case 'views-loaded':
			return data({
				views: {list: action.list, ...(action.error ? {error: action.error} : {}), version: state.data.views.version},
			});
		case 'history-loaded':
			return data({sql: {...state.data.sql, history: action.history}});
		case 'sql-run': {
			const run = action.run;
			let history = state.data.sql.history;
			// A statement that starts joins the history (once, when it repeats the last).
			if (run.state === 'running' && history.at(-1) !== run.sql) history = [...history, run.sql];
			return data({sql: {run, history}});
		}
		case 'find-loaded': {
			// The answer to the find still wanted moves the events table's cursor to the row found.
			const wanted = dataKeys(state).find === action.key;
			const next = data({find: {key: action.key, data: action.data}});
			return wanted ? foundAt(next, action.data) : next;
		}
		default: {
			const slot = action.type.slice(0, -'-loaded'.length) as keyof Slots;
			const next = data({[slot]: {key: action.key, data: action.data}});
			return action.type === 'page-loaded' ? sought(next, action.data) : next;
		}
	}
}

/** The events cursor put on the row being sought (state.seek) once the page asked for arrives with it. */
function sought(state: UiState, page: PageView): UiState {
	if (state.seek === undefined || page.seq !== state.page.seq) return state;
	const at = page.rows.findIndex(row => row.eventID === state.seek);
	return {...state, seek: undefined, row: at === -1 ? state.row : at};
}
