/**
 * A record as pretty-printed JSON lines with tokens to colour, each line knowing the value it shows (for copying
 * the value under the cursor). Pure. Strings are shown in quotes with every control character made
 * inert (`\e]52;…`), not JSON-escaped: what is displayed is for reading; what is copied is real JSON.
 */
import {inert} from '../text/inert.js';

/** A piece of a line and what it is. */
export type Token = {kind: 'key' | 'string' | 'number' | 'literal' | 'punctuation'; text: string};

/** One line of the pretty JSON. */
export type JsonLine = {
	depth: number;
	tokens: Token[];
	/** The value the line opens or shows (undefined for closing brackets). */
	value?: unknown;
};

/** Two spaces per level, as JSON.stringify(value, null, 2) would. */
export const INDENT = '  ';

/** The lines of `value` pretty-printed. */
export function jsonLines(value: unknown): JsonLine[] {
	const lines: JsonLine[] = [];
	emit(value, 0, undefined, false, lines);
	return lines;
}

function emit(value: unknown, depth: number, key: string | undefined, comma: boolean, lines: JsonLine[]): void {
	const head: Token[] = key === undefined ? [] : [{kind: 'key', text: quoted(key)}, {kind: 'punctuation', text: ': '}];
	const tail: Token[] = comma ? [{kind: 'punctuation', text: ','}] : [];
	if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
		const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
			? value.map(v => [undefined, v])
			: Object.entries(value as Record<string, unknown>);
		const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
		if (entries.length === 0) {
			lines.push({depth, tokens: [...head, {kind: 'punctuation', text: open + close}, ...tail], value});
			return;
		}
		lines.push({depth, tokens: [...head, {kind: 'punctuation', text: open}], value});
		entries.forEach(([k, v], i) => emit(v, depth + 1, k, i < entries.length - 1, lines));
		lines.push({depth, tokens: [{kind: 'punctuation', text: close}, ...tail]});
		return;
	}
	lines.push({depth, tokens: [...head, scalar(value), ...tail], value});
}

function scalar(value: unknown): Token {
	if (typeof value === 'string') return {kind: 'string', text: quoted(value)};
	if (typeof value === 'number' || typeof value === 'bigint') return {kind: 'number', text: String(value)};
	if (value instanceof Date) return {kind: 'string', text: quoted(value.toISOString())};
	return {kind: 'literal', text: value === undefined ? 'null' : JSON.stringify(value)};
}

/** A string in quotes with its control characters shown as inert escapes (\e[2J, \x07, \n), as terminal users read them. */
function quoted(text: string): string {
	return `"${inert(text)}"`;
}

/** The text to copy for a line's value: a string as is, anything else as JSON. */
export function copyText(value: unknown): string {
	if (typeof value === 'string') return value;
	return JSON.stringify(value, null, 2) ?? 'null';
}
