/**
 * How the record view lays a JSON line out on screen lines: wrapped (the default: a long value goes on over as many
 * screen lines as it needs, at most a view's height, the last ending in `…` if even that is not enough) or sideways
 * (one screen line, shifted left by some cells as less -S does, `…` at an end where text goes on). Nothing is cut
 * without an `…`. Pure; the scroll keys (state/record-layout.ts) and the pane use the same layout.
 */
import {INDENT, type JsonLine} from './json-lines.js';
import {inert} from '../text/inert.js';
import {cells} from '../text/width.js';

/** A run of one token's shown text: characters [start, end). */
export type Piece = {token: number; start: number; end: number};

/** One screen line of a JSON line: its pieces, and whether text before or after it is left out (`…`). */
export type ScreenLine = {pieces: Piece[]; before: boolean; after: boolean};

/** The record view's layouts. */
export type RecordLayout = 'wrap' | 'sideways';

/**
 * A line's indentation: two spaces a level, but never more than half the pane; deeper lines show their depth
 * instead (`  [depth 70] `), so a deeply nested record keeps its text in view.
 */
export function indentation(depth: number, width: number): string {
	const full = INDENT.repeat(Math.min(depth, width));
	const most = Math.max(0, Math.floor((width - 2) / 2));
	if (full.length <= most) return full;
	const label = `[depth ${depth}] `;
	return label.length <= most ? label.padStart(most) : ' '.repeat(most);
}

/** Cells for a line's text in a view `width` wide (after the cursor mark and the indentation). */
export function contentRoom(line: JsonLine, width: number): number {
	return Math.max(1, width - 2 - indentation(line.depth, width).length);
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/** Each grapheme of the line's shown text with its token, offset and cells, in order (lazily). */
function* graphemes(line: JsonLine): Generator<{token: number; start: number; end: number; cells: number}> {
	for (const [token, t] of line.tokens.entries()) {
		const shown = inert(t.text);
		if (PRINTABLE_ASCII.test(shown)) {
			for (let i = 0; i < shown.length; i++) yield {token, start: i, end: i + 1, cells: 1};
			continue;
		}
		for (const {segment, index} of segmenter.segment(shown))
			yield {token, start: index, end: index + segment.length, cells: cells(segment)};
	}
}

/** Adds a grapheme to a screen line's pieces (extending the last piece when it continues it). */
function push(pieces: Piece[], g: Piece): void {
	const last = pieces.at(-1);
	if (last && last.token === g.token && last.end === g.start) last.end = g.end;
	else pieces.push({token: g.token, start: g.start, end: g.end});
}

/** The line wrapped into screen lines of `room` cells, at most `most` of them (the last then ends in `…`). */
export function wrapLine(line: JsonLine, room: number, most: number): ScreenLine[] {
	const out: ScreenLine[] = [{pieces: [], before: false, after: false}];
	let used = 0;
	for (const g of graphemes(line)) {
		// The last screen line a line may have keeps a cell for the `…`.
		const capacity = out.length >= most ? room - 1 : room;
		if (used + g.cells > capacity && used > 0) {
			if (out.length >= most) {
				out.at(-1)!.after = true;
				break;
			}
			out.push({pieces: [], before: false, after: false});
			used = 0;
		}
		push(out.at(-1)!.pieces, g);
		used += g.cells;
	}
	return out;
}

/** The line as one screen line of `room` cells, from cell `left` of its text (less -S). */
export function sidewaysLine(line: JsonLine, room: number, left: number): ScreenLine {
	// A `…` takes the first cell when text is left out before, the last when text is left out after.
	const before = left > 0;
	const skip = left + (before ? 1 : 0);
	const capacity = before ? room - 1 : room;
	const taken: Array<Piece & {cells: number}> = [];
	let at = 0;
	let used = 0;
	let after = false;
	for (const g of graphemes(line)) {
		const from = at;
		at += g.cells;
		if (from < skip) continue;
		if (used + g.cells > capacity) {
			after = true;
			break;
		}
		taken.push(g);
		used += g.cells;
	}
	if (after) while (taken.length > 0 && used > capacity - 1) used -= taken.pop()!.cells;
	const pieces: Piece[] = [];
	for (const g of taken) push(pieces, g);
	return {pieces, before, after};
}

/** Screen lines a line takes in a layout, for a view `width` wide and `height` high. */
export function screenLines(
	line: JsonLine,
	layout: RecordLayout,
	width: number,
	height: number,
	left = 0,
): ScreenLine[] {
	const room = contentRoom(line, width);
	return layout === 'wrap' ? wrapLine(line, room, Math.max(1, height)) : [sidewaysLine(line, room, left)];
}

const rowCounts = new WeakMap<JsonLine, Map<string, number>>();

/** How many screen lines a line takes (kept per line, width and height: the scroll keys ask often). */
export function lineHeight(line: JsonLine, layout: RecordLayout, width: number, height: number): number {
	if (layout === 'sideways') return 1;
	let counts = rowCounts.get(line);
	if (!counts) rowCounts.set(line, (counts = new Map()));
	const key = `${width}x${height}`;
	let count = counts.get(key);
	if (count === undefined) counts.set(key, (count = screenLines(line, layout, width, height).length));
	return count;
}
