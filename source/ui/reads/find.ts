/**
 * The find's read (`/`, `n`, `N` in the events table): the next or previous event containing the text, from the
 * cursor's row in the table's order, around the end to the other end when none is left; and its place (how many
 * events come before it: a count that reads no record text), so the table can show it and say "row k of N". In time
 * order it looks near the cursor first (a sixteenth of the case's time span, whose row groups alone are read), then
 * everywhere in one scan of the records.
 */
import type {PaneRow} from '../../query/columns.js';
import type {FilterState} from '../../query/filters.js';
import {findNearQuery, findQuery, positionQuery, spanQuery, type FindOptions} from '../../query/find.js';
import type {Cursor, SortColumn} from '../../query/paging.js';
import type {Query} from '../../store/reader.js';
import type {FindAnswer} from '../model/data.js';
import type {FindRequest} from '../state/state.js';

/** A near find's reach: this share of the case file's time span past the cursor. */
const REACH = 1 / 16;

type Found = PaneRow & {ahead: boolean};

/** Looks for `text` as `request` asks, wrapping around once. */
export async function loadFind(
	query: Query,
	filter: FilterState,
	order: 'desc' | 'asc',
	sort: SortColumn | undefined,
	text: string,
	request: FindRequest,
): Promise<FindAnswer> {
	const options: FindOptions = {order, direction: request.direction, inclusive: request.inclusive};
	if (sort) options.sort = sort;
	let row = request.from && !sort ? await near(query, filter, text, options, request.from) : undefined;
	row ??= (
		(await query(findQuery(filter, text, {...options, ...(request.from ? {from: request.from} : {})}))) as Found[]
	)[0];
	if (!row) return {wrapped: false};
	const cursor = {
		eventTime: row.eventTime,
		eventID: row.eventID,
		...(sort ? {sortValue: String(row[sort] ?? '')} : {}),
	};
	const [counted] = await query(positionQuery(filter, cursor, order, sort));
	return {found: {row: cursor, place: {top: Number(counted?.['count'] ?? 0)}}, wrapped: row.ahead !== true};
}

/** The match within {@link REACH} of the case's time span from `from`, in the direction looked, if any. */
async function near(
	query: Query,
	filter: FilterState,
	text: string,
	options: FindOptions,
	from: Cursor,
): Promise<Found | undefined> {
	const [span] = await query(spanQuery());
	const first = span?.['first'];
	const last = span?.['last'];
	if (!(first instanceof Date) || !(last instanceof Date)) return undefined;
	const reach = (last.getTime() - first.getTime()) * REACH;
	const older = (options.direction === 'next') === (options.order === 'desc');
	const bound = new Date(from.eventTime.getTime() + (older ? -reach : reach));
	// Past the case's first or last event: the near find would read as much as the whole one.
	if (bound <= first || bound >= last) return undefined;
	const rows = (await query(findNearQuery(filter, text, {...options, from, reach: bound}))) as Found[];
	return rows[0];
}
