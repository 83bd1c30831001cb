/**
 * The events table's read: one page by keyset paging, forward or backward from an anchor row, with its place in the
 * filtered set (model/position.ts) and, while a find is on, which of its rows contain the text found. Only the rows
 * shown (plus one, to know whether more follow) come into JavaScript.
 */
import type {PaneRow} from '../../query/columns.js';
import type {FilterState} from '../../query/filters.js';
import {pageMatchesQuery} from '../../query/find.js';
import {pageQuery, type SortColumn} from '../../query/paging.js';
import type {Query} from '../../store/reader.js';
import type {PageData} from '../model/data.js';
import {placeAfter, type Place} from '../model/position.js';
import type {PageRequest} from '../state/state.js';

/** The page `request` asks for under the filter, at most `limit` rows, in `order`; `find`: mark its matches. */
export async function loadPage(
	query: Query,
	filter: FilterState,
	order: 'desc' | 'asc',
	request: PageRequest,
	limit: number,
	sort?: SortColumn,
	find?: string,
): Promise<PageData> {
	const size = Math.max(1, limit);
	const inclusive = request.inclusive === true;
	const rows = async (o: 'desc' | 'asc', after = request.anchor) =>
		(await query(
			pageQuery(filter, {
				order: o,
				after,
				limit: size,
				...(sort ? {sort} : {}),
				...(after && inclusive ? {inclusive} : {}),
			}),
		)) as unknown as PaneRow[];
	const view = async (data: PaneRow[], moreBefore: boolean, moreAfter: boolean, first?: Place): Promise<PageData> => {
		const keys = data.map(r => ({
			eventID: r.eventID,
			eventTime: r.eventTime,
			...(sort ? {sortValue: String(r[sort] ?? '')} : {}),
		}));
		const matches =
			find && keys.length > 0
				? (await query(pageMatchesQuery(find, keys))).map(row => String(row['eventID']))
				: undefined;
		return {
			seq: request.seq,
			data,
			rows: keys,
			moreBefore,
			moreAfter,
			...(first ? {first} : {}),
			...(matches ? {matches} : {}),
		};
	};
	const top = async (): Promise<PageData> => {
		const got = await rows(order, undefined);
		return view(got.slice(0, size), false, got.length > size, {top: 0});
	};
	const at = request.at;
	if (request.direction === 'forward') {
		if (!request.anchor) return top();
		const got = await rows(order);
		const first = at && (inclusive ? at : placeAfter(at, 1));
		const atTop = first !== undefined && 'top' in first && first.top === 0;
		return view(got.slice(0, size), !atTop, got.length > size, first);
	}
	const got = await rows(order === 'desc' ? 'asc' : 'desc');
	const moreBefore = got.length > size;
	// Fewer rows than fit before the anchor: show the top page instead of a short one.
	if (!moreBefore && request.anchor && got.length < size) return top();
	const shown = got.slice(0, size).reverse();
	// Backward from the end (G): the last row is the last of all; from an anchor: the row before it.
	const last = request.anchor ? at && placeAfter(at, -1) : {end: 0};
	return view(shown, moreBefore, request.anchor !== undefined, last && placeAfter(last, 1 - shown.length));
}
