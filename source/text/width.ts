/**
 * Terminal cells: wide (CJK, emoji) and combining characters measured with string-width, text cut on grapheme
 * boundaries. The text must be inert already (inert.ts): control characters have no width a terminal agrees on.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/** Cells `text` takes on a terminal. */
export function cells(text: string): number {
	return stringWidth(text);
}

/** Cells `text` takes, counted only until they pass `limit` (then some number above it): long values stay cheap. */
export function cellsUpTo(text: string, limit: number): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (!Number.isFinite(limit)) return stringWidth(text);
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		used += stringWidth(segment);
		if (used > limit) break;
	}
	return used;
}

/** `text` cut to at most `width` cells, with `…` where it was cut (at the end, or at the start for `keep: 'end'`). */
export function truncate(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
	if (width <= 0) return '';
	if (PRINTABLE_ASCII.test(text)) {
		if (text.length <= width) return text;
		return keep === 'end' ? `…${text.slice(text.length - (width - 1))}` : `${text.slice(0, width - 1)}…`;
	}
	if (cellsUpTo(text, width) <= width) return text;
	let graphemes: Iterable<string> = (function* () {
		for (const {segment} of segmenter.segment(text)) yield segment;
	})();
	if (keep === 'end') graphemes = [...graphemes].reverse();
	const out: string[] = [];
	let used = 0;
	for (const grapheme of graphemes) {
		const w = stringWidth(grapheme);
		if (used + w > width - 1) break;
		out.push(grapheme);
		used += w;
	}
	if (keep === 'end') return `…${out.reverse().join('')}`;
	return `${out.join('')}…`;
}

/** `text` (already inert) cut to at most `width` cells and padded with spaces to exactly `width` cells. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	const cut = truncate(text, width);
	const room = ' '.repeat(Math.max(0, width - cells(cut)));
	return align === 'right' ? room + cut : cut + room;
}
