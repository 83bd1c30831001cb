/**
 * The find's read (`/`, `n`, `N` in the events table): the next or previous event containing the text, from the
 * cursor's row in the table's order, around the end to the other end when none is left (one scan of the records);
 * and its place (how many events come before it: a count that reads no record text), so the table can show it and
 * say "row k of N".
 */
import type {FilterState} from '../../query/filters.js';
import {findQuery, positionQuery} from '../../query/find.js';
import type {PaneRow} from '../../query/columns.js';
import type {SortColumn} from '../../query/paging.js';
import type {Query} from '../../store/reader.js';
import type {FindAnswer} from '../model/data.js';
import type {FindRequest} from '../state/state.js';

/** Looks for `text` as `request` asks, wrapping around once. */
export async function loadFind(
	query: Query,
	filter: FilterState,
	order: 'desc' | 'asc',
	sort: SortColumn | undefined,
	text: string,
	request: FindRequest,
): Promise<FindAnswer> {
	const options = {order, direction: request.direction, inclusive: request.inclusive, ...(sort ? {sort} : {})};
	const [row] = (await query(findQuery(filter, text, {...options, ...(request.from ? {from: request.from} : {})}))) as
		Array<PaneRow & {ahead: boolean}> | [];
	if (!row) return {wrapped: false};
	const cursor = {
		eventTime: row.eventTime,
		eventID: row.eventID,
		...(sort ? {sortValue: String(row[sort] ?? '')} : {}),
	};
	const [counted] = await query(positionQuery(filter, cursor, order, sort));
	return {found: {row: cursor, place: {top: Number(counted?.['count'] ?? 0)}}, wrapped: row.ahead !== true};
}
