/**
 * The console result's cell cursor (Ctrl-↓ from the editor): move over rows and columns, the table scrolling to keep
 * the cursor in view; Enter shows the cell whole, y copies it, Esc goes back to the editor.
 */
import {cellView} from '../../console/cell-text.js';
import {tableView} from '../../console/result-table.js';
import {consoleTableHeight} from '../../layout.js';
import {step, type ScopeHandler} from '../actions.js';
import {clamp} from '../moves.js';

export const resultScope: ScopeHandler = {
	actions: ['up', 'down', 'left', 'right', 'page-up', 'page-down', 'top', 'bottom', 'open', 'copy-value', 'back'],
	handle(state, action) {
		const run = state.data.sql.run;
		const result = run.state === 'done' ? run.result : undefined;
		if (!result || result.rows.length === 0 || action === 'back') return step({...state, mode: 'console'});
		if (action === 'open') return step({...state, mode: 'cell', result: {...state.result, top: 0}});
		if (action === 'copy-value') {
			const text = cellView(state, state.box.columns)?.text ?? '';
			const message = `copied the cell (${Buffer.byteLength(text).toLocaleString('en-US')} bytes)`;
			return step({...state, message}, {type: 'copy', text});
		}
		const {editor, choices} = state.console;
		const page = consoleTableHeight(editor.text, state.box.bodyHeight, choices.length > 0);
		const lastRow = result.rows.length - 1;
		const lastColumn = result.columns.length - 1;
		const at = {row: clamp(state.result.row, lastRow), column: clamp(state.result.column, lastColumn)};
		const moves: Record<string, {row: number; column: number}> = {
			up: {...at, row: at.row - 1},
			down: {...at, row: at.row + 1},
			left: {...at, column: at.column - 1},
			right: {...at, column: at.column + 1},
			'page-up': {...at, row: at.row - page},
			'page-down': {...at, row: at.row + page},
			top: {...at, row: 0},
			bottom: {...at, row: lastRow},
		};
		const moved = moves[action];
		if (!moved) return step(state);
		const row = clamp(moved.row, lastRow);
		const column = clamp(moved.column, lastColumn);
		// Scroll so that the cursor's row and column are on screen.
		let scrollRow = state.console.scroll.row;
		if (row < scrollRow) scrollRow = row;
		if (row >= scrollRow + page) scrollRow = row - page + 1;
		let scrollColumn = Math.min(state.console.scroll.column, column);
		const width = state.box.columns;
		while (
			scrollColumn < column &&
			!tableView(result, {row: scrollRow, column: scrollColumn}, width, page).shown.includes(column)
		)
			scrollColumn++;
		const scroll = {row: scrollRow, column: scrollColumn};
		return step({...state, result: {row, column, top: 0}, console: {...state.console, scroll}});
	},
};
