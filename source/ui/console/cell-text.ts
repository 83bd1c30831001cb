/**
 * One console result cell, whole: its text (JSON pretty-printed, big numbers kept as written) as lines that fit the
 * screen, for the cell view (Enter on a result cell) and for copying. Pure.
 */
import {inert} from '../../text/inert.js';
import {cellText, JsonText} from '../../text/values.js';
import type {UiState} from '../state/state.js';
import {wrapCells} from '../text/wrap-words.js';

/** The cell view: what the cell is, its whole text, and that text as lines `width` cells wide. */
export type CellView = {title: string; text: string; lines: string[]};

/** The last view made, kept: scrolling a large value asks for the same view on every key. */
let last: {rows: unknown; row: number; column: number; width: number; view: CellView} | undefined;

/** The cell under the console result's cursor, or undefined when there is no result or no such cell. */
export function cellView(state: UiState, width: number): CellView | undefined {
	const run = state.data.sql.run;
	if (run.state !== 'done') return undefined;
	const {row, column} = state.result;
	const values = run.result.rows[row];
	const name = run.result.columns[column];
	if (!values || name === undefined) return undefined;
	const rows = run.result.rows;
	if (last && last.rows === rows && last.row === row && last.column === column && last.width === width)
		return last.view;
	const text = wholeValue(values[column], run.result.types[column] ?? '');
	const lines = text.split('\n').flatMap(line => wrapCells(inert(line), width));
	const size = `${[...text].length.toLocaleString('en-US')} characters`;
	const view = {title: `${name}, row ${(row + 1).toLocaleString('en-US')} · ${size}`, text, lines};
	last = {rows, row, column, width, view};
	return view;
}

/** A value as text, whole: JSON (a JSON column, a list, a struct) pretty-printed. */
export function wholeValue(value: unknown, type: string): string {
	const text = cellText(value, type);
	const nested =
		value instanceof JsonText ||
		Array.isArray(value) ||
		(typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !(value instanceof Date));
	return nested ? prettyJson(text) : text;
}

/** JSON text (compact) indented two spaces a level; strings and numbers are kept as written. */
export function prettyJson(text: string): string {
	let out = '';
	let depth = 0;
	const newline = () => `\n${'  '.repeat(depth)}`;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (char === '"') {
			let end = i + 1;
			while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			out += text.slice(i, end + 1);
			i = end;
		} else if (char === '{' || char === '[') {
			const close = char === '{' ? '}' : ']';
			if (text[i + 1] === close) {
				out += char + close;
				i++;
			} else {
				depth++;
				out += char + newline();
			}
		} else if (char === '}' || char === ']') {
			depth = Math.max(0, depth - 1);
			out += newline() + char;
		} else if (char === ',') out += `,${newline()}`;
		else if (char === ':') out += ': ';
		else if (char.trim() !== '') out += char;
	}
	return out;
}
