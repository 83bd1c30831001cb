/**
 * Where rows of the events table are in the whole filtered, ordered set, for the "row k of N" indicator. Keyset
 * paging never counts rows, so a page's place is carried from the page it came from: the first page is at the top,
 * the last (G) at the end, and a page read after or before an anchor row sits next to that row's place. A find
 * counts the rows before its match once (query/find.ts, positionQuery). Pure.
 */

/** A row's place: its index from the top (0: the first row) or, after G, from the end (0: the last row). */
export type Place = {top: number} | {end: number};

/** The place of the row `offset` rows below a row at `place` (above, for a negative offset). */
export function placeAfter(place: Place, offset: number): Place {
	return 'top' in place ? {top: place.top + offset} : {end: place.end - offset};
}

/** The row's number, 1 for the first, given the filtered count `total` (undefined: not known yet). */
export function rowNumber(place: Place, total: number | undefined): number | undefined {
	if ('top' in place) return place.top + 1;
	return total === undefined ? undefined : total - place.end;
}
