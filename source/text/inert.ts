/**
 * Text from log files is attacker-controlled. Before it reaches a terminal (or a table, or a CSV cell), every
 * control character and every invisible format character (see invisible.ts) becomes a visible escape, so an
 * escape sequence in a userAgent is shown, never interpreted, and a bidi override or zero-width character cannot
 * reorder or hide what is shown.
 */
import {invisibleClass} from './invisible.js';

// C0 controls, lone surrogates (with the u flag, a paired surrogate is one code point and does not match), then DEL,
// C1 controls and the invisible format characters.
const UNSAFE = new RegExp(invisibleClass('\\u0000-\\u001f\\ud800-\\udfff'), 'gu');

/** The escapes with a name; every other unsafe character is `\xHH` (up to U+00FF), `\uHHHH` or `\u{HHHHH}`. */
export const NAMED_ESCAPES: Readonly<Record<string, string>> = {
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\u0000': '\\0',
	'\u001b': '\\e',
};

/** Replace every control and invisible character with a visible escape (\e, \n, \x07, \u202e, \u{e0041} ...). */
export function inert(text: string): string {
	return text.replace(UNSAFE, visible);
}

/** The visible escape of one unsafe character. */
export function visible(char: string): string {
	const named = NAMED_ESCAPES[char];
	if (named !== undefined) return named;
	const code = char.codePointAt(0)!;
	if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
	if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
	return `\\u{${code.toString(16)}}`;
}
