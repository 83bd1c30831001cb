/**
 * Fitting text into a column of terminal cells: wide (CJK, emoji) and combining characters are measured with
 * string-width, cut on grapheme boundaries, and padded so that columns stay aligned. Text from the case file is
 * made visible first (controls, bidi and other format characters, zero-width and invisible characters become
 * escapes: see visible.ts), here, so no caller can forget.
 */
import stringWidth from 'string-width';
import {visibleText} from './visible.js';

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** Cells `text` takes on a terminal once made visible (as fit shows it). */
export function cells(text: string): number {
	return stringWidth(visibleText(text));
}

/**
 * `text` made visible, then cut to at most `width` cells with `…` where it was cut, and padded with spaces to exactly
 * `width` cells. `keep: 'end'` cuts the start instead of the end, for values whose distinguishing part is at the
 * end (ARNs: `…role/IoTFleetOperator/tmp-recovery-7f3c`). `align: 'right'` pads on the left.
 */
export function fit(text: string, width: number, options: {keep?: 'start' | 'end'; align?: 'left' | 'right'} = {}): string {
	if (width <= 0) return '';
	const safe = visibleText(text);
	const cut = truncate(safe, width, options.keep ?? 'start');
	const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
	return options.align === 'right' ? pad + cut : cut + pad;
}

/** `text` (already made visible) cut to at most `width` cells, with `…` where it was cut. */
export function truncate(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	const graphemes = [...segmenter.segment(text)].map(s => s.segment);
	if (keep === 'end') graphemes.reverse();
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
