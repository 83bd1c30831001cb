/**
 * A record as pretty-printed JSON lines with tokens to colour, each line knowing the value it shows (for copying
 * the value under the cursor). Pure and iterative (a record nested 70,000 levels is no deeper a stack than a flat
 * one). Strings are shown in quotes with every control and invisible character made visible (`\e]52;…`, `\u200b`),
 * not JSON-escaped: what is displayed is for reading; what is copied is real JSON. A container nested deeper than
 * {@link MAX_DEPTH} levels is shown as one marker line; a key that the record repeats is marked (the first value
 * is the one kept and shown, as the loader keeps it).
 */
import type {DuplicateKeys} from './json/parse.js';
import {stringifyJson} from './json/stringify.js';
import {inert} from '../text/inert.js';

/** A piece of a line and what it is ('marker': a note of clicktrail's, not text of the record). */
export type Token = {kind: 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'marker'; text: string};

/** One line of the pretty JSON. */
export type JsonLine = {
	depth: number;
	tokens: Token[];
	/** The value the line opens or shows (undefined for closing brackets). */
	value?: unknown;
};

/** Two spaces per level, as JSON.stringify(value, null, 2) would. */
export const INDENT = '  ';

/** Levels shown; a deeper container is one line `{… deeper than 64 levels}` (`y` still copies its value whole). */
export const MAX_DEPTH = 64;

/** Options of {@link jsonLines}. */
export type JsonLinesOptions = {
	/** Duplicated keys, as parseFirstWins found them: each is marked on its line. */
	duplicates?: DuplicateKeys;
	/** Members shown after the top-level object's own (e.g. the event's source file). */
	extra?: Record<string, unknown>;
	/** Levels shown (default {@link MAX_DEPTH}). */
	maxDepth?: number;
};

type Work =
	| {kind: 'value'; value: unknown; depth: number; key?: string; repeats?: number; comma: boolean}
	| {kind: 'close'; depth: number; text: string; comma: boolean};

const isContainer = (value: unknown): value is object =>
	value !== null && typeof value === 'object' && !(value instanceof Date);

/** The lines of `value` pretty-printed. */
export function jsonLines(value: unknown, options: JsonLinesOptions = {}): JsonLine[] {
	const maxDepth = options.maxDepth ?? MAX_DEPTH;
	const lines: JsonLine[] = [];
	const work: Work[] = [{kind: 'value', value, depth: 0, comma: false}];
	for (let item = work.pop(); item !== undefined; item = work.pop()) {
		const tail: Token[] = item.comma ? [{kind: 'punctuation', text: ','}] : [];
		if (item.kind === 'close') {
			lines.push({depth: item.depth, tokens: [{kind: 'punctuation', text: item.text}, ...tail]});
			continue;
		}

		const {value: current, depth, key, repeats} = item;
		const head: Token[] =
			key === undefined
				? []
				: [
						{kind: 'key', text: quoted(key)},
						...(repeats === undefined ? [] : [{kind: 'marker' as const, text: ` [key ×${repeats}: first kept]`}]),
						{kind: 'punctuation', text: ': '},
					];
		if (!isContainer(current)) {
			lines.push({depth, tokens: [...head, scalar(current), ...tail], value: current});
			continue;
		}

		const array = Array.isArray(current);
		const entries: Array<[string | undefined, unknown]> = array
			? (current as unknown[]).map(v => [undefined, v])
			: Object.keys(current).map(k => [k, (current as Record<string, unknown>)[k]]);
		if (depth === 0 && !array && options.extra) entries.push(...Object.entries(options.extra));
		const [open, close] = array ? ['[', ']'] : ['{', '}'];
		if (entries.length === 0) {
			lines.push({depth, tokens: [...head, {kind: 'punctuation', text: open + close}, ...tail], value: current});
			continue;
		}

		if (depth >= maxDepth) {
			lines.push({
				depth,
				tokens: [...head, {kind: 'marker', text: `${open}… deeper than ${maxDepth} levels${close}`}, ...tail],
				value: current,
			});
			continue;
		}

		lines.push({depth, tokens: [...head, {kind: 'punctuation', text: open}], value: current});
		work.push({kind: 'close', depth, text: close, comma: item.comma});
		const counts = array ? undefined : options.duplicates?.get(current);
		for (let i = entries.length - 1; i >= 0; i--) {
			const [k, v] = entries[i]!;
			const times = k === undefined ? undefined : counts?.get(k);
			work.push({
				kind: 'value',
				value: v,
				depth: depth + 1,
				...(k === undefined ? {} : {key: k}),
				...(times === undefined ? {} : {repeats: times}),
				comma: i < entries.length - 1,
			});
		}
	}

	return lines;
}

function scalar(value: unknown): Token {
	if (typeof value === 'string') return {kind: 'string', text: quoted(value)};
	if (typeof value === 'number' || typeof value === 'bigint') return {kind: 'number', text: String(value)};
	if (value instanceof Date) return {kind: 'string', text: quoted(value.toISOString())};
	return {kind: 'literal', text: value === undefined ? 'null' : JSON.stringify(value)};
}

/** A string in quotes with its control and invisible characters shown as escapes (\e[2J, \x07, \n, \u202e). */
function quoted(text: string): string {
	return `"${inert(text)}"`;
}

/** The text to copy for a line's value: a string as is, anything else as JSON (at any depth). */
export function copyText(value: unknown): string {
	if (typeof value === 'string') return value;
	return stringifyJson(value);
}
