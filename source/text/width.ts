/**
 * Terminal cells: wide (CJK, emoji) and combining characters measured with string-width, text cut on grapheme
 * boundaries. The text must be inert already (inert.ts): control characters have no width a terminal agrees on.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/**
 * Characters that take one cell each and are each a grapheme of their own, whatever follows them (no combining marks,
 * joiners, variation selectors or emoji): printable ASCII, Latin-1 and Latin Extended but the soft hyphen, spacing
 * modifiers, general punctuation, arrows, mathematical operators, box drawing, blocks and geometric shapes but the two
 * wide squares. Text made only of them takes as many cells as it has characters, without string-width's grapheme
 * segmentation (which every line with a `·`, `…`, `│` or a bar would otherwise cost, every frame);
 * `test/text/width.test.ts` checks every one against string-width.
 */
const NARROW_CHARS = String.raw`\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u25fc\u25ff`;
export const NARROW = new RegExp(`^[${NARROW_CHARS}]*$`);
const NARROW_RUN = new RegExp(`^[${NARROW_CHARS}]*`);

/** Cells of one grapheme: one for a narrow character without asking string-width. */
function graphemeCells(grapheme: string): number {
	return grapheme.length === 1 && NARROW.test(grapheme) ? 1 : stringWidth(grapheme);
}

/** Cells `text` takes on a terminal. */
export function cells(text: string): number {
	return NARROW.test(text) ? text.length : stringWidth(text);
}

/** Cells `text` takes, counted only until they pass `limit` (then some number above it): long values stay cheap. */
export function cellsUpTo(text: string, limit: number): number {
	if (NARROW.test(text)) return text.length;
	if (!Number.isFinite(limit)) return stringWidth(text);
	// A narrow start longer than the limit says enough (the character after it starts a new grapheme).
	const narrow = NARROW_RUN.exec(text)![0].length;
	if (narrow > limit + 1) return narrow;
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
	if (NARROW.test(text)) {
		if (text.length <= width) return {text, cells: text.length};
		return {
			text: keep === 'end' ? `…${text.slice(text.length - (width - 1))}` : `${text.slice(0, width - 1)}…`,
			cells: width,
		};
	}
	if (keep === 'start' && NARROW_RUN.exec(text)![0].length > width)
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
