/**
 * JSON text that cannot hurt what reads it next: every invisible or bidi character (invisible.ts) is written as a
 * `\uXXXX` escape (Node's JSON.stringify leaves them raw), in lower-case hex as JSON.stringify writes control
 * characters. source/query/export-sql.ts does the same in SQL, so that a row written by `clicktrail query` and the
 * same row exported by DuckDB's COPY are the same text.
 */
import {invisibleClass} from './invisible.js';

const INVISIBLE = new RegExp(invisibleClass(), 'gu');
/** A JSON string token, or whitespace between tokens (also used, in RE2 syntax, by export-sql.ts). */
export const JSON_WHITESPACE = /("(?:[^"\\]|\\.)*")|[ \t\n\r]+/g;

/** `text` as a JSON string token, with control and invisible characters escaped. */
export function jsonString(text: string): string {
	return escapeInvisible(JSON.stringify(text));
}

/** A JSON text (a DuckDB JSON value) on one line: whitespace between tokens removed, invisible characters escaped. */
export function compactJson(text: string): string {
	return escapeInvisible(stripJsonWhitespace(text));
}

/** A JSON text without the whitespace between its tokens (strings are kept as they are). */
export function stripJsonWhitespace(text: string): string {
	return text.replace(JSON_WHITESPACE, '$1');
}

/** Every invisible character of a JSON text as a `\uXXXX` escape (a surrogate pair above U+FFFF). */
export function escapeInvisible(json: string): string {
	return json.replace(INVISIBLE, char => {
		const code = char.codePointAt(0)!;
		if (code <= 0xffff) return unicodeEscape(code);
		const offset = code - 0x10000;
		return unicodeEscape(0xd800 + (offset >> 10)) + unicodeEscape(0xdc00 + (offset & 0x3ff));
	});
}

function unicodeEscape(code: number): string {
	return `\\u${code.toString(16).padStart(4, '0')}`;
}
