/**
 * The SQL console's keys: edit, complete, walk the history, scroll the result (the console reducer), run and cancel
 * the statement (effects), save it as a view, export its result; `q` or `q!` alone quits (`:q`).
 */
import {consoleTableHeight} from '../../layout.js';
import {step, type ScopeHandler} from '../actions.js';
import {consoleCommand} from '../console-reducer.js';
import {openPrompt} from '../moves.js';

export const consoleScope: ScopeHandler = {
	actions: [
		'console-run',
		'console-newline',
		'console-cancel',
		'console-complete',
		'console-up',
		'console-down',
		'console-left',
		'console-right',
		'console-home',
		'console-end',
		'console-backspace',
		'console-clear',
		'console-rows-up',
		'console-rows-down',
		'console-columns-left',
		'console-columns-right',
		'save-view',
		'export',
		'open-result',
	],
	// Running or cancelling hands work to an effect; the message (e.g. "saved view x") stays.
	keepsMessage: ['console-run', 'console-cancel'],
	handle(state, action) {
		const sql = state.data.sql;
		switch (action) {
			case 'console-run': {
				// `:q` as in vim: the console opens on `:`, so `q` (or `q!`) alone, then Enter, quits.
				if (/^q!?$/.test(state.console.editor.text.trim())) return step(state, {type: 'quit'});
				const console = {...state.console, scroll: {row: 0, column: 0}, history: undefined, choices: []};
				return step({...state, console}, {type: 'run-sql', sql: state.console.editor.text});
			}
			case 'console-cancel':
				return sql.run.state === 'running' ? step(state, {type: 'cancel-sql'}) : step({...state, mode: 'browse'});
			case 'save-view':
				return step(openPrompt(state, {kind: 'view-name', text: '', source: 'console'}));
			case 'export':
				return step(openPrompt(state, {kind: 'export', text: '', source: 'console'}));
			case 'open-result': {
				if (sql.run.state !== 'done' || sql.run.result.rows.length === 0)
					return step({...state, message: 'no result rows: run a statement first'});
				const {row, column} = state.console.scroll;
				return step({...state, mode: 'result', result: {row, column, top: 0}});
			}
			default: {
				const result = sql.run.state === 'done' ? sql.run.result : undefined;
				const next = consoleCommand(state.console, action, {
					history: sql.history,
					completions: state.data.completions,
					resultRows: result?.rows.length ?? 0,
					resultColumns: result?.columns.length ?? 0,
					tableHeight: consoleTableHeight(
						state.console.editor.text,
						state.box.bodyHeight,
						state.console.choices.length > 0,
					),
				});
				return step(next ? {...state, console: next} : state);
			}
		}
	},
};
