/**
 * Characters that change what a reader sees without being seen: DEL and the C1 controls, bidirectional marks,
 * overrides and isolates, zero-width and other format characters, line and paragraph separators, the byte order
 * mark, interlinear annotations, tag characters and the rest of Unicode's format characters (category Cf), the
 * Hangul fillers that draw as blank cells, and the other default-ignorable characters (variation selectors, the
 * combining grapheme joiner): anything that can make two different values look the same. Terminals and editors reorder, hide or act on them, so every
 * output escapes them: JSON as `\uXXXX` (see json-text.ts), tables and CSV as a visible escape (see inert.ts).
 * One list, also as a regular expression class for DuckDB (RE2), so that exports escape the same characters.
 */

/** Inclusive code point ranges. */
export const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
	[0x7f, 0x9f], // DEL, C1 controls
	[0xad, 0xad], // soft hyphen
	[0x34f, 0x34f], // combining grapheme joiner
	[0x600, 0x605], // Arabic number signs (format characters)
	[0x61c, 0x61c], // Arabic letter mark
	[0x6dd, 0x6dd], // Arabic end of ayah
	[0x70f, 0x70f], // Syriac abbreviation mark
	[0x890, 0x891], // Arabic pound and piastre marks above
	[0x8e2, 0x8e2], // Arabic disputed end of ayah
	[0x115f, 0x1160], // Hangul fillers (drawn as blank cells)
	[0x17b4, 0x17b5], // Khmer inherent vowels (invisible)
	[0x180b, 0x180f], // Mongolian free variation selectors and vowel separator
	[0x200b, 0x200f], // zero-width space, non-joiner, joiner, LRM, RLM
	[0x2028, 0x202e], // line and paragraph separators, bidi embeddings and overrides
	[0x2060, 0x206f], // word joiner, invisible operators, bidi isolates, deprecated format characters
	[0x3164, 0x3164], // Hangul filler
	[0xfe00, 0xfe0f], // variation selectors
	[0xfeff, 0xfeff], // byte order mark / zero-width no-break space
	[0xffa0, 0xffa0], // halfwidth Hangul filler
	[0xfff9, 0xfffb], // interlinear annotation
	[0x110bd, 0x110bd], // Kaithi number sign
	[0x110cd, 0x110cd], // Kaithi number sign above
	[0x13430, 0x1343f], // Egyptian hieroglyph format controls
	[0x1bca0, 0x1bca3], // shorthand format controls
	[0x1d173, 0x1d17a], // musical symbol format controls
	[0xe0000, 0xe007f], // tag characters
	[0xe0100, 0xe01ef], // variation selectors supplement
];

const hex = (code: number) => code.toString(16).toUpperCase();

/** A JavaScript character class (use with the `u` flag) matching {@link INVISIBLE_RANGES}; `extra` is put first. */
export function invisibleClass(extra = ''): string {
	const ranges = INVISIBLE_RANGES.map(([from, to]) =>
		from === to ? `\\u{${hex(from)}}` : `\\u{${hex(from)}}-\\u{${hex(to)}}`,
	);
	return `[${extra}${ranges.join('')}]`;
}

/** The same class in RE2 syntax, for DuckDB's regexp functions; `extra` is put first. */
export function invisibleClassRe2(extra = ''): string {
	const ranges = INVISIBLE_RANGES.map(([from, to]) =>
		from === to ? `\\x{${hex(from)}}` : `\\x{${hex(from)}}-\\x{${hex(to)}}`,
	);
	return `[${extra}${ranges.join('')}]`;
}
