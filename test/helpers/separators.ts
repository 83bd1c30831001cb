/**
 * Where a table's column separators stand on a terminal, for tests that check a hostile value never shifts a column.
 */
import stringWidth from 'string-width';

/** Display columns at which a column separator (`│` or `┼`) stands in a table line. */
export function separators(line: string): number[] {
	const at: number[] = [];
	let column = 0;
	for (const {segment} of new Intl.Segmenter('en', {granularity: 'grapheme'}).segment(line)) {
		if (segment === '│' || segment === '┼') at.push(column);
		column += stringWidth(segment);
	}
	return at;
}
