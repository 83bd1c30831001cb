/**
 * Characters that change what a reader sees without being seen: DEL and the C1 controls, bidirectional marks,
 * overrides and isolates, zero-width and other format characters, line and paragraph separators, the byte order
 * mark, interlinear annotations and tag characters. Terminals and editors reorder, hide or act on them, so every
 * output escapes them: JSON as `\uXXXX` (see json-text.ts), tables and CSV as a visible escape (see inert.ts).
 * One list, also as a regular expression class for DuckDB (RE2), so that exports escape the same characters.
 */

/** Inclusive code point ranges. */
export const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
	[0x7f, 0x9f], // DEL, C1 controls
	[0xad, 0xad], // soft hyphen
	[0x61c, 0x61c], // Arabic letter mark
	[0x180e, 0x180e], // Mongolian vowel separator
	[0x200b, 0x200f], // zero-width space, non-joiner, joiner, LRM, RLM
	[0x2028, 0x202e], // line and paragraph separators, bidi embeddings and overrides
	[0x2060, 0x206f], // word joiner, invisible operators, bidi isolates, deprecated format characters
	[0xfeff, 0xfeff], // byte order mark / zero-width no-break space
	[0xfff9, 0xfffb], // interlinear annotation
	[0xe0000, 0xe007f], // tag characters
];

const hex = (code: number) => code.toString(16).toUpperCase();

/** A JavaScript character class (use with the `u` flag) matching {@link INVISIBLE_RANGES}; `extra` is put first. */
export function invisibleClass(extra = ''): string {
	const ranges = INVISIBLE_RANGES.map(([from, to]) => (from === to ? `\\u{${hex(from)}}` : `\\u{${hex(from)}}-\\u{${hex(to)}}`));
	return `[${extra}${ranges.join('')}]`;
}

/** The same class in RE2 syntax, for DuckDB's regexp functions; `extra` is put first. */
export function invisibleClassRe2(extra = ''): string {
	const ranges = INVISIBLE_RANGES.map(([from, to]) => (from === to ? `\\x{${hex(from)}}` : `\\x{${hex(from)}}-\\x{${hex(to)}}`));
	return `[${extra}${ranges.join('')}]`;
}
