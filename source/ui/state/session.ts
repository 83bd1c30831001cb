/**
 * The screen's session, kept when it quits and restored when the same case file is opened again: the filter (its
 * chips), the zoom steps (so Z still zooms out), the focused pane, the events table's order, sort column and place,
 * its cursor by eventID. Pure: the file is read and written by source/commands/screen-session.ts. The text read back
 * is checked piece by piece (a hand-edited file restores what is valid and drops the rest, never throwing).
 */
import {TABLE_COLUMNS, type TableColumn} from '../../events/columns.js';
import {filterFromJson, filterToJson} from '../../query/filter-json.js';
import type {Chip, FilterState} from '../../query/filters.js';
import type {Cursor} from '../../query/paging.js';
import {PANES, type Pane} from '../keys/bindings.js';
import type {UiState} from './state.js';

/** A saved session. */
export type Session = {
	filter: FilterState;
	zooms: Chip[][];
	focus: Pane;
	order: 'desc' | 'asc';
	sort?: TableColumn;
	/** The page of the events table: the row it continues from, and which way. */
	anchor?: Cursor;
	direction: 'forward' | 'backward';
	row: number;
	/** The event under the cursor, when the page on screen had arrived. */
	eventID?: string;
};

/** The session of a screen as it is now. */
export function sessionOf(state: UiState): Session {
	const page = state.data.page.data;
	const eventID = page && page.seq === state.page.seq ? page.rows[state.row]?.eventID : undefined;
	return {
		filter: state.filter,
		zooms: state.zooms,
		focus: state.focus,
		order: state.order,
		...(state.table.sort ? {sort: state.table.sort} : {}),
		...(state.page.anchor ? {anchor: state.page.anchor} : {}),
		direction: state.page.direction,
		row: state.row,
		...(eventID === undefined ? {} : {eventID}),
	};
}

/** The screen opened on a saved session: its filter, zoom steps, focus, order, sort and place. */
export function restoreSession(state: UiState, session: Session): UiState {
	const {anchor, direction} = session;
	return {
		...state,
		filter: session.filter,
		zooms: session.zooms,
		focus: session.focus,
		order: session.order,
		table: {...state.table, ...(session.sort ? {sort: session.sort} : {})},
		page: {seq: state.page.seq + 1, direction, ...(anchor ? {anchor} : {})},
		row: session.row,
		...(session.eventID === undefined ? {} : {seek: session.eventID}),
	};
}

/** A session as JSON text (times as ISO 8601). */
export function sessionToJson(session: Session, caseFile: string): string {
	const chips = (filter: FilterState) => JSON.parse(filterToJson(filter)) as unknown;
	const {anchor} = session;
	return `${JSON.stringify(
		{
			version: 1,
			caseFile,
			...session,
			filter: chips(session.filter),
			zooms: session.zooms.map(zoom => chips({chips: zoom})),
			...(anchor ? {anchor: {...anchor, eventTime: anchor.eventTime.toISOString()}} : {}),
		},
		null,
		2,
	)}\n`;
}

/** A session read back from {@link sessionToJson}'s text for `caseFile`; undefined when it is not one. */
export function sessionFromJson(text: string, caseFile: string): Session | undefined {
	const parsed = readObject(text);
	if (!parsed || parsed['version'] !== 1 || parsed['caseFile'] !== caseFile) return undefined;
	const filter = readFilter(parsed['filter']);
	if (!filter) return undefined;
	const zooms = Array.isArray(parsed['zooms']) ? parsed['zooms'].map(readFilter) : [];
	const focus = PANES.find(pane => pane === parsed['focus']) ?? 'events';
	const sort = TABLE_COLUMNS.find(column => column.name === parsed['sort'])?.name;
	const anchor = readCursor(parsed['anchor']);
	const row = parsed['row'];
	const eventID = parsed['eventID'];
	return {
		filter,
		zooms: zooms.includes(undefined) ? [] : zooms.map(zoom => zoom!.chips),
		focus,
		order: parsed['order'] === 'asc' ? 'asc' : 'desc',
		...(sort ? {sort} : {}),
		...(anchor ? {anchor} : {}),
		direction: anchor && parsed['direction'] === 'backward' ? 'backward' : 'forward',
		row: typeof row === 'number' && Number.isSafeInteger(row) && row >= 0 ? row : 0,
		...(typeof eventID === 'string' ? {eventID} : {}),
	};
}

function readObject(text: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function readFilter(value: unknown): FilterState | undefined {
	try {
		return filterFromJson(JSON.stringify(value));
	} catch {
		return undefined;
	}
}

function readCursor(value: unknown): Cursor | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const {eventTime, eventID, sortValue} = value as Record<string, unknown>;
	const time = typeof eventTime === 'string' ? new Date(eventTime) : undefined;
	if (!time || Number.isNaN(time.getTime()) || typeof eventID !== 'string') return undefined;
	return {eventTime: time, eventID, ...(typeof sortValue === 'string' ? {sortValue} : {})};
}
