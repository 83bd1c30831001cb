/**
 * The events table's read: one page by keyset paging, forward or backward from an anchor row. Only the rows shown
 * (plus one, to know whether more follow) come into JavaScript.
 */
import type {PaneRow} from '../../query/columns.js';
import type {FilterState} from '../../query/filters.js';
import {pageQuery, type SortColumn} from '../../query/paging.js';
import type {Query} from '../../store/reader.js';
import type {PageData} from '../model/data.js';
import type {PageRequest} from '../state/state.js';

/** The page `request` asks for under the filter, at most `limit` rows, in `order`. */
export async function loadPage(
	query: Query,
	filter: FilterState,
	order: 'desc' | 'asc',
	request: PageRequest,
	limit: number,
	sort?: SortColumn,
): Promise<PageData> {
	const size = Math.max(1, limit);
	const rows = async (o: 'desc' | 'asc', after = request.anchor) =>
		(await query(pageQuery(filter, {order: o, after, limit: size, ...(sort ? {sort} : {})}))) as unknown as PaneRow[];
	const view = (data: PaneRow[], moreBefore: boolean, moreAfter: boolean): PageData => ({
		seq: request.seq,
		data,
		rows: data.map(r => ({
			eventID: r.eventID,
			eventTime: r.eventTime,
			...(sort ? {sortValue: String(r[sort] ?? '')} : {}),
		})),
		moreBefore,
		moreAfter,
	});
	const top = async (): Promise<PageData> => {
		const got = await rows(order, undefined);
		return view(got.slice(0, size), false, got.length > size);
	};
	if (request.direction === 'forward') {
		if (!request.anchor) return top();
		const got = await rows(order);
		return view(got.slice(0, size), true, got.length > size);
	}
	const got = await rows(order === 'desc' ? 'asc' : 'desc');
	const moreBefore = got.length > size;
	// Fewer rows than fit before the anchor: show the top page instead of a short one.
	if (!moreBefore && request.anchor && got.length < size) return top();
	return view(got.slice(0, size).reverse(), moreBefore, request.anchor !== undefined);
}
