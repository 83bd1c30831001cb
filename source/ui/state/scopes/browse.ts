/**
 * Keys of browse mode whatever pane has focus: panes, search, filter prompt, console, views, save, export, clear,
 * errors only, back (Esc: navigation), undo and redo (u, Ctrl-R: filter changes), the sessions, findings and marks
 * lists, the inventory, the report, find (/ n N) and the text filter (&).
 */
import {clearAll, toggleChip} from '../../../query/filters.js';
import {filterAsSql} from '../../../query/sql-view.js';
import {PANES} from '../../keys/bindings.js';
import {step, type ScopeHandler} from '../actions.js';
import {consoleWith} from '../console-reducer.js';
import {reportPrompt} from '../marking.js';
import {findAgain} from '../find.js';
import {back, openPrompt, withFilter} from '../moves.js';
import {openInventory} from './inventory.js';
import {redo, undo} from '../undo.js';

export const browseScope: ScopeHandler = {
	actions: [
		'focus-next',
		'focus-previous',
		'search',
		'add-filter',
		'open-console',
		'filter-sql',
		'open-views',
		'save-view',
		'export',
		'clear-filters',
		'toggle-errors',
		'back',
		'open-sessions',
		'open-findings',
		'open-inventory',
		'open-marks',
		'write-report',
		'undo',
		'redo',
		'find',
		'find-next',
		'find-previous',
	],
	handle(state, action) {
		switch (action) {
			case 'focus-next':
			case 'focus-previous': {
				const move = action === 'focus-next' ? 1 : PANES.length - 1;
				return step({...state, focus: PANES[(PANES.indexOf(state.focus) + move) % PANES.length]!});
			}
			case 'search':
				return step({...state, mode: 'prompt', prompt: {kind: 'search', text: ''}});
			case 'add-filter':
				return step({...state, mode: 'prompt', prompt: {kind: 'filter', text: ''}});
			case 'open-console':
				return step({...state, mode: 'console'});
			case 'filter-sql':
				return step({...state, mode: 'console', console: consoleWith(state.console, filterAsSql(state.filter))});
			case 'open-views':
				return step({...state, mode: 'views', views: {cursor: 0}});
			case 'save-view':
				return step(openPrompt(state, {kind: 'view-name', text: '', source: 'filter'}));
			case 'export':
				return step(openPrompt(state, {kind: 'export', text: '', source: 'filter'}));
			case 'clear-filters':
				return step(state.filter.chips.length === 0 ? state : withFilter(state, clearAll(), true));
			case 'toggle-errors':
				return step(withFilter(state, toggleChip(state.filter, {kind: 'errors'}), true));
			case 'back':
				return step(back(state));
			case 'open-sessions':
				return step({...state, mode: 'sessions'});
			case 'open-findings':
				return step({...state, mode: 'findings'});
			case 'open-inventory':
				return step(openInventory(state));
			case 'open-marks':
				return step({...state, mode: 'marks'});
			case 'write-report':
				return step(reportPrompt(state));
			case 'undo':
				return step(undo(state));
			case 'redo':
				return step(redo(state));
			case 'find':
				return step(openPrompt(state, {kind: 'find', text: ''}));
			case 'find-next':
			case 'find-previous':
				return findAgain(state, action === 'find-next' ? 'next' : 'previous', 'browse');
			default:
				return step(state);
		}
	},
};
