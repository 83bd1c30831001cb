/**
 * A console result as lines of a table: column widths from the header and the cells shown (capped, so one long
 * value does not push every other column off screen), numbers right-aligned, every cell made inert. Pure.
 */
import {toCell} from '../../text/values.js';
import {cells, fit} from '../text/fit.js';

/** The widest a column gets, in cells. */
export const MAX_COLUMN_WIDTH = 40;

/** What the table shows: column names and types, and rows of values. */
export type TableData = {columns: readonly string[]; types: readonly string[]; rows: readonly (readonly unknown[])[]};

/** Where the table is scrolled to: first row shown, first column shown. */
export type TableScroll = {row: number; column: number};

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** Lines for `height` rows of the table from `scroll`, `width` cells wide: a header, a rule, then the rows. */
export function tableLines(data: TableData, scroll: TableScroll, width: number, height: number): string[] {
	if (data.columns.length === 0) return [];
	const first = Math.max(0, Math.min(scroll.column, data.columns.length - 1));
	const rows = data.rows.slice(scroll.row, scroll.row + Math.max(0, height));
	const texts = rows.map(row => row.map(toCell));
	const widths = data.columns.map((name, c) =>
		Math.max(3, Math.min(MAX_COLUMN_WIDTH, Math.max(cells(fit(name, MAX_COLUMN_WIDTH).trimEnd()), ...texts.map(r => cells(r[c] ?? ''))))),
	);
	const shown: number[] = [];
	let used = 0;
	for (let c = first; c < data.columns.length; c++) {
		const w = widths[c]!;
		if (shown.length > 0 && used + 1 + w > width) break;
		shown.push(c);
		used += (shown.length > 1 ? 1 : 0) + w;
	}
	const line = (values: (c: number) => string, align: (c: number) => 'left' | 'right') =>
		fit(shown.map(c => fit(values(c), Math.min(widths[c]!, width), {align: align(c)})).join('│'), width);
	const numeric = (c: number) => (NUMERIC.test(data.types[c] ?? '') ? 'right' : 'left');
	return [
		line(c => data.columns[c]!, numeric),
		fit(shown.map(c => '─'.repeat(Math.min(widths[c]!, width))).join('┼'), width),
		...texts.map(row => line(c => row[c] ?? '', numeric)),
	];
}

/** "1,000 rows" or "1,000 of more than 1,000 rows", and the time taken. */
export function resultSummary(rows: number, more: boolean, elapsedMs: number): string {
	const n = rows.toLocaleString('en-US');
	const count = more ? `${n} of more than ${n} rows` : `${n} row${rows === 1 ? '' : 's'}`;
	return `${count} · ${elapsedMs < 1000 ? `${Math.round(elapsedMs)} ms` : `${(elapsedMs / 1000).toFixed(2)} s`}`;
}
