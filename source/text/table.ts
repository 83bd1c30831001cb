/**
 * Query results as a plain-text table: a header, a rule, one line per row, columns separated by `│`, numbers
 * right-aligned. Every cell is made inert (control and invisible characters shown as escapes) before it is
 * measured, so a hostile value can neither move the cursor nor shift another column. One formatter for
 * `clicktrail query`, `views run`, `views list` and the screen's SQL console, so the same SQL shows the same cells.
 * Pure; rows are measured once.
 */
import {inert} from './inert.js';
import {toCell} from './values.js';
import {cellsUpTo, pad} from './width.js';

/** What a table shows: column names, their DuckDB types, and rows of values (as the store's output converter gives them). */
export type TableData = {columns: readonly string[]; types: readonly string[]; rows: readonly (readonly unknown[])[]};

/** The narrowest a column is cut to when the table does not fit. */
export const MIN_COLUMN_WIDTH = 5;
const SEPARATOR = '│';
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** A table's cells as text, each column's natural width (capped) and alignment. */
export type TableCells = {
	header: string[];
	rows: string[][];
	widths: number[];
	align: ('left' | 'right')[];
};

/** Cells of `data` made inert and measured, counting each column's width up to `maxColumnWidth`. */
export function tableCells(data: TableData, maxColumnWidth = Number.POSITIVE_INFINITY): TableCells {
	const header = data.columns.map(inert);
	const rows = data.rows.map(row => data.columns.map((_, c) => toCell(row[c])));
	const widths = header.map((name, c) => {
		let width = Math.min(maxColumnWidth, Math.max(1, cellsUpTo(name, maxColumnWidth)));
		for (const row of rows) {
			if (width >= maxColumnWidth) break;
			width = Math.max(width, Math.min(maxColumnWidth, cellsUpTo(row[c]!, maxColumnWidth)));
		}
		return width;
	});
	const align = data.columns.map((_, c) => (NUMERIC.test(data.types[c] ?? '') ? 'right' : 'left') as 'left' | 'right');
	return {header, rows, widths, align};
}

/**
 * Column widths that fit `width` cells (separators included): when the natural widths do not fit, the widest
 * columns are cut first, none below {@link MIN_COLUMN_WIDTH} (or its natural width if narrower); if even that does
 * not fit, lines are wider than `width`. An infinite `width` keeps every natural width.
 */
export function fitWidths(natural: readonly number[], width: number): number[] {
	const room = width - Math.max(0, natural.length - 1);
	const total = natural.reduce((sum, w) => sum + w, 0);
	if (!Number.isFinite(width) || total <= room) return [...natural];
	const floor = (w: number) => Math.min(w, MIN_COLUMN_WIDTH);
	const used = (cap: number) => natural.reduce((sum, w) => sum + Math.max(floor(w), Math.min(w, cap)), 0);
	let low = MIN_COLUMN_WIDTH;
	let high = Math.max(...natural);
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (used(mid) <= room) low = mid;
		else high = mid - 1;
	}
	const widths = natural.map(w => Math.max(floor(w), Math.min(w, low)));
	// Hand the cells left over to the cut columns, left to right.
	let spare = room - widths.reduce((sum, w) => sum + w, 0);
	for (let c = 0; c < widths.length && spare > 0; c++) {
		if (widths[c]! < natural[c]!) {
			widths[c]!++;
			spare--;
		}
	}
	return widths;
}

/** One line of the table: the cells of `columns`, each cut or padded to its width. */
export function tableLine(texts: readonly string[], columns: readonly number[], widths: readonly number[], align: readonly ('left' | 'right')[]): string {
	return columns.map(c => pad(texts[c] ?? '', widths[c]!, align[c])).join(SEPARATOR);
}

/** The rule under the header. */
export function tableRule(columns: readonly number[], widths: readonly number[]): string {
	return columns.map(c => '─'.repeat(widths[c]!)).join('┼');
}

/** Options of {@link formatTable}. */
export type FormatOptions = {
	/** Cells a line may take (the terminal's width); Infinity for no limit (every value whole). */
	width: number;
};

/** The whole table as lines (header, rule, rows), fitted to `options.width`. */
export function formatTable(data: TableData, options: FormatOptions): string[] {
	if (data.columns.length === 0) return [];
	const table = tableCells(data, options.width);
	const widths = fitWidths(table.widths, options.width);
	const columns = widths.map((_, c) => c);
	return [
		tableLine(table.header, columns, widths, table.align),
		tableRule(columns, widths),
		...table.rows.map(row => tableLine(row, columns, widths, table.align)),
	];
}
