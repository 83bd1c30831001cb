/**
 * Fitting text into a column of terminal cells: wide (CJK, emoji) and combining characters are measured with
 * string-width, cut on grapheme boundaries, and padded so that columns stay aligned (source/text/width.ts). Text
 * from the case file is made inert first, here, so no caller can forget.
 */
import {inert} from '../../text/inert.js';
import {cells as textCells, truncate} from '../../text/width.js';

export {truncate};

/** Cells `text` takes on a terminal once made inert (as fit shows it, escapes included). */
export function cells(text: string): number {
	return textCells(inert(text));
}

/**
 * `text` made inert, then cut to at most `width` cells with `…` where it was cut, and padded with spaces to exactly
 * `width` cells. `keep: 'end'` cuts the start instead of the end, for values whose distinguishing part is at the
 * end (ARNs: `…role/IoTFleetOperator/tmp-recovery-7f3c`); `keep: 'middle'` cuts the middle, keeping both ends
 * (`arn:aws:iam::1234…role/Admin`; `tail` cells of the end, default half). `align: 'right'` pads on the left.
 */
export function fit(
	text: string,
	width: number,
	options: {keep?: 'start' | 'end' | 'middle'; align?: 'left' | 'right'; tail?: number} = {},
): string {
	if (width <= 0) return '';
	const safe = inert(text);
	const cut =
		options.keep === 'middle'
			? cutMiddle(safe, width, options.tail ?? Math.floor((width - 1) / 2))
			: truncate(safe, width, options.keep ?? 'start');
	const pad = ' '.repeat(Math.max(0, width - textCells(cut)));
	return options.align === 'right' ? pad + cut : cut + pad;
}

/** `text` (inert) cut to at most `width` cells by taking out its middle: its start, `…`, its last `tail` cells. */
function cutMiddle(text: string, width: number, tail: number): string {
	if (textCells(text) <= width) return text;
	const head = truncate(text, width - tail, 'start');
	return tail === 0 ? head : head + truncate(text, tail + 1, 'end').slice(1);
}
