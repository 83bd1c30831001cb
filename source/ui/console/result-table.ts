/**
 * A console result as lines of a table, through the CLI's table formatter (source/text/table.ts), so the same SQL
 * shows the same cells in the console and in `clicktrail query`. The console scrolls instead of fitting: each
 * column is at most {@link MAX_COLUMN_WIDTH} cells (so one long value does not push every other column off screen)
 * and the columns from the scroll position that fit are shown. Pure.
 */
import {tableCells, tableLine, tableRule, type TableData} from '../../text/table.js';
import {cells, pad} from '../../text/width.js';

export type {TableData};

/** The widest a column gets, in cells. */
export const MAX_COLUMN_WIDTH = 40;

/** Where the table is scrolled to: first row shown, first column shown. */
export type TableScroll = {row: number; column: number};

/** The table as shown: its lines, the columns on screen, and the cursor's row split around the cursor's cell. */
export type TableView = {
	lines: string[];
	shown: number[];
	/** The cursor's line (index into `lines`), as the text before its cell, the cell, and the text after. */
	cursor?: {line: number; before: string; cell: string; after: string};
};

/** Lines for `height` rows of the table from `scroll`, `width` cells wide: a header, a rule, then the rows. */
export function tableLines(data: TableData, scroll: TableScroll, width: number, height: number): string[] {
	return tableView(data, scroll, width, height).lines;
}

/** {@link tableLines}, the columns that fit, and the `cursor` cell (row and column of the result) when on screen. */
export function tableView(
	data: TableData,
	scroll: TableScroll,
	width: number,
	height: number,
	cursor?: {row: number; column: number},
): TableView {
	if (data.columns.length === 0) return {lines: [], shown: []};
	const first = Math.max(0, Math.min(scroll.column, data.columns.length - 1));
	const rows = data.rows.slice(scroll.row, scroll.row + Math.max(0, height));
	const table = tableCells({...data, rows}, MAX_COLUMN_WIDTH);
	const widths = table.widths.map(w => Math.max(1, Math.min(w, width)));
	const shown: number[] = [];
	let used = 0;
	for (let c = first; c < data.columns.length; c++) {
		const w = widths[c]!;
		if (shown.length > 0 && used + 1 + w > width) break;
		shown.push(c);
		used += (shown.length > 1 ? 1 : 0) + w;
	}
	const line = (text: string) => pad(text, width);
	const lines = [
		line(tableLine(table.header, shown, widths, table.align)),
		line(tableRule(shown, widths)),
		...table.rows.map(row => line(tableLine(row, shown, widths, table.align))),
	];
	const at = cursor ? shown.indexOf(cursor.column) : -1;
	const row = cursor ? table.rows[cursor.row - scroll.row] : undefined;
	if (!cursor || at === -1 || !row) return {lines, shown};
	const before = shown.slice(0, at);
	const after = shown.slice(at + 1);
	const left = tableLine(row, before, widths, table.align) + (before.length > 0 ? '│' : '');
	const cell = pad(row[cursor.column] ?? '', widths[cursor.column]!, table.align[cursor.column]);
	const right = (after.length > 0 ? '│' : '') + tableLine(row, after, widths, table.align);
	const rest = Math.max(0, width - cells(left) - cells(cell));
	return {lines, shown, cursor: {line: 2 + cursor.row - scroll.row, before: left, cell, after: pad(right, rest)}};
}

/** "1,000 rows" or "1,000 of more than 1,000 rows", and the time taken. */
export function resultSummary(rows: number, more: boolean, elapsedMs: number): string {
	const n = rows.toLocaleString('en-US');
	const count = more ? `${n} of more than ${n} rows` : `${n} row${rows === 1 ? '' : 's'}`;
	return `${count} · ${elapsedMs < 1000 ? `${Math.round(elapsedMs)} ms` : `${(elapsedMs / 1000).toFixed(2)} s`}`;
}
