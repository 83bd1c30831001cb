/**
 * Text from log files made visible for the screen: every character that a terminal would act on or not show is
 * replaced by a visible escape, so that a hostile value can neither move the cursor, reorder what is displayed, nor
 * hide text from the reader. Beyond what source/text/inert.ts escapes (C0/C1 controls, DEL, bidi overrides and
 * isolates), this covers every Unicode format character (category Cf: zero-width space, non-joiner and joiner,
 * word joiner, invisible operators, U+FEFF, soft hyphen, tag characters U+E0000-U+E007F, ...), the line and
 * paragraph separators U+2028/U+2029, lone surrogates, and the Hangul fillers that render as blank cells.
 * What remains has a width string-width measures the way terminals draw it.
 */

// Cc: C0, DEL, C1. Cf: format characters (bidi, zero-width, tags, BOM...). Zl/Zp: U+2028/U+2029.
// Lone surrogates (a JavaScript string may hold them; a terminal shows them as something else). Hangul fillers.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

const NAMED: Record<string, string> = {
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\u0000': '\\0',
	'\u001b': '\\e',
};

/** `text` with every control, format and invisible character shown as an escape (\e, \n, \x07, \u200b, \u{e0041}). */
export function visibleText(text: string): string {
	return text.replace(HIDDEN, char => NAMED[char] ?? escape(char));
}

function escape(char: string): string {
	const code = char.codePointAt(0)!;
	if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
	if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
	return `\\u{${code.toString(16)}}`;
}
