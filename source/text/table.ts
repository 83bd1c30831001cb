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
const NUMERIC =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

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
	const rows = data.rows.map(row => data.columns.map((_, c) => toCell(row[c], data.types[c] ?? '')));
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

/** Columns up to this wide (times, IDs, names) are cut only when cutting the wider ones is not enough. */
export const KEEP_COLUMN_WIDTH = 36;

/**
 * Column widths that fit `width` cells (separators included). When the natural widths do not fit, the columns
 * wider than {@link KEEP_COLUMN_WIDTH} are cut, the widest first, none below {@link MIN_COLUMN_WIDTH}; if that is
 * not enough, every column is cut that way; if even that does not fit, lines are wider than `width`. An infinite
 * `width` keeps every natural width.
 */
export function fitWidths(natural: readonly number[], width: number): number[] {
	const room = width - Math.max(0, natural.length - 1);
	const total = natural.reduce((sum, w) => sum + w, 0);
	if (!Number.isFinite(width) || total <= room) return [...natural];
	const wide = natural.map((w, c) => (w > KEEP_COLUMN_WIDTH ? c : -1)).filter(c => c >= 0);
	const narrowTotal = natural.reduce((sum, w) => (w > KEEP_COLUMN_WIDTH ? sum : sum + w), 0);
	if (wide.length > 0 && narrowTotal + wide.length * MIN_COLUMN_WIDTH <= room)
		return cut(natural, wide, room - narrowTotal);
	return cut(
		natural,
		natural.map((_, c) => c),
		room,
	);
}

/** `natural` with the columns `which` cut to share `room` cells: one cap for all, the cells left over handed out left to right. */
function cut(natural: readonly number[], which: readonly number[], room: number): number[] {
	const floor = (w: number) => Math.min(w, MIN_COLUMN_WIDTH);
	const used = (cap: number) =>
		which.reduce((sum, c) => sum + Math.max(floor(natural[c]!), Math.min(natural[c]!, cap)), 0);
	let low = MIN_COLUMN_WIDTH;
	let high = Math.max(MIN_COLUMN_WIDTH, ...which.map(c => natural[c]!));
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (used(mid) <= room) low = mid;
		else high = mid - 1;
	}
	const widths = [...natural];
	for (const c of which) widths[c] = Math.max(floor(natural[c]!), Math.min(natural[c]!, low));
	let spare = room - which.reduce((sum, c) => sum + widths[c]!, 0);
	for (const c of which) {
		if (spare <= 0) break;
		if (widths[c]! < natural[c]!) {
			widths[c]!++;
			spare--;
		}
	}
	return widths;
}

/** One line of the table: the cells of `columns`, each cut or padded to its width. */
export function tableLine(
	texts: readonly string[],
	columns: readonly number[],
	widths: readonly number[],
	align: readonly ('left' | 'right')[],
): string {
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

/** The whole table as lines (header, rule, rows), fitted to `options.width`, without trailing spaces. */
export function formatTable(data: TableData, options: FormatOptions): string[] {
	if (data.columns.length === 0) return [];
	const table = tableCells(data, options.width);
	const widths = fitWidths(table.widths, options.width);
	const columns = widths.map((_, c) => c);
	return [
		tableLine(table.header, columns, widths, table.align).trimEnd(),
		tableRule(columns, widths),
		...table.rows.map(row => tableLine(row, columns, widths, table.align).trimEnd()),
	];
}
