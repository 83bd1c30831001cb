/**
 * The events table's column keys: move the column cursor, hide, show and move columns, sort by a column. Pure.
 */
import type {ActionName} from '../keys/bindings.js';
import {eventColumns, GUTTER_WIDTH, tableUse, type ColumnName} from '../event-columns.js';
import {TABLE_COLUMNS, type TableColumn} from '../../events/columns.js';
import {showsGutter} from '../model/marks.js';
import type {UiState} from './state.js';

/** The column actions of the events table. */
export const COLUMN_ACTIONS = [
	'column-left',
	'column-right',
	'column-hide',
	'column-show',
	'column-move-left',
	'column-move-right',
	'sort-ascending',
	'sort-descending',
	'frequency',
] as const satisfies readonly ActionName[];

/** The columns on screen now, by name (time first). */
export function shownNames(state: UiState): ColumnName[] {
	const gutter = showsGutter(state.data.annotations.data) ? GUTTER_WIDTH : 0;
	return eventColumns(state.box.mainWidth - gutter, state.zone, state.table.columns).map(c => c.name);
}

/** The table columns not on screen (hidden by the user, or with no room left), in registry order. */
export function hiddenColumns(state: UiState): TableColumn[] {
	const shown = shownNames(state);
	return TABLE_COLUMNS.map(c => c.name).filter(name => !shown.includes(name));
}

/** Applies a column action. */
export function columnAction(state: UiState, action: (typeof COLUMN_ACTIONS)[number]): UiState {
	const table = state.table;
	const shown = shownNames(state);
	const at = Math.max(0, shown.indexOf(table.cursor));
	const cursor = table.cursor;
	const seq = state.page.seq + 1;
	switch (action) {
		case 'column-left':
		case 'column-right': {
			const next = shown[Math.max(0, Math.min(shown.length - 1, at + (action === 'column-left' ? -1 : 1)))]!;
			return {...state, table: {...table, cursor: next}};
		}
		case 'column-hide': {
			if (cursor === 'eventTime') return {...state, message: 'the time column stays; hide another one'};
			if (tableUse(cursor)?.always) return {...state, message: `${cursor} is always shown; move it with < and >`};
			const columns = table.columns.filter(c => c !== cursor);
			const next = shown[at + 1] ?? shown[at - 1] ?? 'eventTime';
			const sorted = table.sort === cursor;
			return {
				...state,
				table: {columns, cursor: next, ...(table.sort && !sorted ? {sort: table.sort} : {})},
				...(sorted ? {page: {seq, direction: 'forward'}, row: 0} : {}),
				message: `hid ${cursor}; + shows it again`,
			};
		}
		case 'column-show': {
			const hidden = hiddenColumns(state);
			if (hidden.length === 0) return {...state, message: 'every column is shown'};
			return {...state, mode: 'prompt', prompt: {kind: 'column', text: '', subject: hidden.join(' ')}};
		}
		case 'column-move-left':
		case 'column-move-right': {
			if (cursor === 'eventTime') return state;
			const columns = [...table.columns];
			const from = columns.indexOf(cursor);
			const to = from + (action === 'column-move-left' ? -1 : 1);
			if (from < 0 || to < 0 || to >= columns.length) return state;
			[columns[from], columns[to]] = [columns[to]!, columns[from]!];
			return {...state, table: {...table, columns}};
		}
		case 'frequency':
			if (cursor === 'eventTime') return {...state, message: 'the timeline counts events by time; pick another column'};
			return {...state, mode: 'frequency', frequency: {field: cursor, cursor: 0}};
		case 'sort-ascending':
		case 'sort-descending': {
			const order = action === 'sort-ascending' ? 'asc' : 'desc';
			const {sort: _sort, ...rest} = table;
			return {
				...state,
				order,
				table: cursor === 'eventTime' ? rest : {...table, sort: cursor},
				page: {seq, direction: 'forward'},
				row: 0,
			};
		}
	}
}

/**
 * Shows the column typed in the prompt (a prefix, any case) right after the column cursor (one that had no room moves
 * there, ahead of the ones that took its room); an error when none matches.
 */
export function showColumn(state: UiState, typed: string): UiState | {error: string} {
	const hidden = hiddenColumns(state);
	const text = typed.trim().toLowerCase();
	const match = hidden.find(c => c.toLowerCase() === text) ?? hidden.find(c => c.toLowerCase().startsWith(text));
	if (!match || text === '') return {error: `type one of: ${hidden.join(', ')}`};
	const columns = state.table.columns.filter(c => c !== match);
	const after = state.table.cursor === 'eventTime' ? -1 : columns.indexOf(state.table.cursor);
	columns.splice(after + 1, 0, match);
	return {...state, table: {...state.table, columns, cursor: match}};
}
