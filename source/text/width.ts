/**
 * Terminal cells: wide (CJK, emoji) and combining characters measured with string-width, text cut on grapheme
 * boundaries. The text must be inert already (inert.ts): control characters have no width a terminal agrees on.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const ASCII_RUN = /^[\u0020-\u007e]*/;

/** Cells of one grapheme: one for printable ASCII without asking string-width (most of a log is ASCII). */
function graphemeCells(grapheme: string): number {
	return grapheme.length === 1 && grapheme >= ' ' && grapheme <= '~' ? 1 : stringWidth(grapheme);
}

/** Cells `text` takes on a terminal. */
export function cells(text: string): number {
	return stringWidth(text);
}

/** Cells `text` takes, counted only until they pass `limit` (then some number above it): long values stay cheap. */
export function cellsUpTo(text: string, limit: number): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (!Number.isFinite(limit)) return stringWidth(text);
	// A printable ASCII start longer than the limit says enough (the character after it starts a new grapheme).
	const ascii = ASCII_RUN.exec(text)![0].length;
	if (ascii > limit + 1) return ascii;
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		used += graphemeCells(segment);
		if (used > limit) break;
	}
	return used;
}

/** `text` cut to at most `width` cells, with `…` where it was cut (at the end, or at the start for `keep: 'end'`). */
export function truncate(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
	return cutTo(text, width, keep).text;
}

/** `text` (already inert) cut to at most `width` cells and padded with spaces to exactly `width` cells. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	const cut = cutTo(text, width, 'start');
	const room = ' '.repeat(Math.max(0, width - cut.cells));
	return align === 'right' ? room + cut.text : cut.text + room;
}

/** {@link truncate}, and the cells the result takes. */
function cutTo(text: string, width: number, keep: 'start' | 'end'): {text: string; cells: number} {
	if (width <= 0) return {text: '', cells: 0};
	if (PRINTABLE_ASCII.test(text)) {
		if (text.length <= width) return {text, cells: text.length};
		return {
			text: keep === 'end' ? `…${text.slice(text.length - (width - 1))}` : `${text.slice(0, width - 1)}…`,
			cells: width,
		};
	}
	if (keep === 'start' && ASCII_RUN.exec(text)![0].length > width)
		return {text: `${text.slice(0, width - 1)}…`, cells: width};
	const whole = cellsUpTo(text, width);
	if (whole <= width) return {text, cells: whole};
	let graphemes: Iterable<string> = (function* () {
		for (const {segment} of segmenter.segment(text)) yield segment;
	})();
	if (keep === 'end') graphemes = [...graphemes].reverse();
	const out: string[] = [];
	let used = 0;
	for (const grapheme of graphemes) {
		const w = graphemeCells(grapheme);
		if (used + w > width - 1) break;
		out.push(grapheme);
		used += w;
	}
	if (keep === 'end') return {text: `…${out.reverse().join('')}`, cells: used + 1};
	return {text: `${out.join('')}…`, cells: used + 1};
}
