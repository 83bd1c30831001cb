/**
 * Drawing histogram bars with Unicode block characters, pure, so that a pane only prints the rows.
 */

/** The eighth blocks, from one eighth to full. */
export const BLOCKS = '▁▂▃▄▅▆▇█';

/** One column's counts. */
export type BarCount = {total: number; errors: number};

/** Bars ready to print. */
export type Bars = {
	/** `height` strings, top row first, each one character per column (a space where the bar does not reach). */
	rows: string[];
	/** Per column: whether it holds any errors (the pane marks or colours those columns). */
	errors: boolean[];
	/** The largest total, which a full-height bar stands for. */
	max: number;
};

/**
 * Scales the totals to `height` rows of eighth blocks, the largest total filling every row. A column with any events
 * shows at least `▁`, so that a lone event is never invisible; an empty one is blank.
 */
export function renderBars(counts: readonly BarCount[], height: number): Bars {
	const rowsCount = Math.max(0, Math.floor(height));
	const max = counts.reduce((m, c) => Math.max(m, c.total), 0);
	const eighths = counts.map(c => {
		if (c.total <= 0 || max === 0) return 0;
		return Math.max(1, Math.round((c.total / max) * rowsCount * 8));
	});
	const rows: string[] = [];
	for (let r = 0; r < rowsCount; r++) {
		const level = rowsCount - 1 - r;
		rows.push(
			eighths
				.map(e => {
					const cell = Math.min(8, Math.max(0, e - level * 8));
					return cell === 0 ? ' ' : BLOCKS[cell - 1]!;
				})
				.join(''),
		);
	}

	return {rows, errors: counts.map(c => c.errors > 0), max};
}

/** The mark under a bucket where some of its events failed, fewer than half. */
export const ERROR_MARK_LOW = '.';
/** The mark under a bucket where half or more of its events failed (its bar is drawn in the error colour too). */
export const ERROR_MARK_HIGH = '!';

/**
 * How much of a bucket failed, by its error share: 0 none, 1 some (under half), 2 half or more. By share, not by any
 * error, so that the marks still single out a bucket when nearly every bucket holds an error or two.
 */
export function errorLevel(count: BarCount): 0 | 1 | 2 {
	if (count.errors <= 0 || count.total <= 0) return 0;
	return count.errors * 2 >= count.total ? 2 : 1;
}

/** A bucket's mark for its error level: a space, {@link ERROR_MARK_LOW} or {@link ERROR_MARK_HIGH}. */
export function errorMark(count: BarCount): string {
	return [' ', ERROR_MARK_LOW, ERROR_MARK_HIGH][errorLevel(count)]!;
}
