/**
 * The screen's state (focus, mode, selection, filter) and the view: what the panes currently show, which the
 * reducer reads to move selections over data it does not hold. Plain data.
 */
import type {FacetField, FilterState} from '../../query/filters.js';
import type {Cursor} from '../../query/paging.js';
import type {Zone} from '../../query/time.js';
import type {Mode, Pane} from '../keys/bindings.js';
import type {ConsoleView} from './console-reducer.js';
import {INITIAL_CONSOLE, type ConsoleState} from './console-state.js';

/** Which page of the events table to show: the rows after (forward) or before (backward) an anchor row. */
export type PageRequest = {
	/** Bumped on every change, so that the answer to an older request is recognised. */
	seq: number;
	/** Rows strictly after (forward) or before (backward) this row in display order; none: from the top or the end. */
	anchor?: Cursor;
	direction: 'forward' | 'backward';
};

/**
 * The prompt being typed: a search, a filter, a name for a new view (then its description), a new name for a view,
 * the confirmation of a delete, the file to export to, or whether to replace that file when it exists.
 */
export type Prompt = {
	kind:
		| 'search'
		| 'filter'
		| 'view-name'
		| 'view-description'
		| 'view-rename'
		| 'view-delete'
		| 'export'
		| 'export-overwrite';
	text: string;
	error?: string;
	/** The mode to go back to when the prompt closes (default browse). */
	returnTo?: Mode;
	/** The view the prompt is about (rename, delete; the name chosen, for the description); the file, to replace it. */
	subject?: string;
	/** What is saved or exported: the filter or the console's SQL. */
	source?: 'filter' | 'console';
};

/** The record view's place. */
export type RecordPlace = {
	eventID: string;
	/** Its eventTime, when known (for a faster lookup). */ eventTime?: Date;
	line: number;
	top: number;
};

/** Everything the reducer owns. */
export type UiState = {
	mode: Mode;
	/** The mode to return to when the help closes. */
	helpReturn: Mode;
	focus: Pane;
	filter: FilterState;
	/** Earlier filters, restored by back (Esc) after a pivot or zoom. */
	history: FilterState[];
	/** Selected chip in the filter bar. */
	chip: number;
	/** The facets pane's cursor: which field (index into the view's lists, also the expanded one) and which of its values. */
	facet: {field: number; value: number};
	/** Bucket under the timeline cursor and the marked end of a span. */
	timeline: {cursor: number; mark?: number};
	order: 'desc' | 'asc';
	page: PageRequest;
	/** Selected row of the page. */
	row: number;
	record?: RecordPlace;
	prompt?: Prompt;
	/** A one-line notice (e.g. "copied 812 bytes", "this event has no deviceId"). */
	message?: string;
	console: ConsoleState;
	/** The saved-views list: the selected entry. */
	views: {cursor: number};
};

/** One field's top values, as the facets pane shows them. */
export type FacetList = {
	field: FacetField;
	values: ReadonlyArray<{value: string | null; count: number}>;
	more: boolean;
};

/** The page of the events table on screen: the request it answers, its rows' keys, and whether more follow. */
export type PageView = {seq: number; rows: Cursor[]; moreBefore: boolean; moreAfter: boolean};

/** The fields of the record on screen that pivots use. */
export type RecordSummary = {
	eventID: string;
	eventTime: Date;
	eventName: string | null;
	principal: string;
	deviceId: string | null;
	sourceIPAddress: string | null;
};

/** What the panes show now, as far as the reducer needs it. */
export type View = {
	facets: readonly FacetList[];
	page?: PageView;
	/** Rows the events table has room for. */
	pageSize: number;
	record?: {lines: number; summary?: RecordSummary};
	/** Lines the record view has room for. */
	recordHeight: number;
	/** The timeline's buckets: their starts and width. */
	timeline?: {starts: readonly Date[]; bucketMs: number};
	now: Date;
	zone: Zone;
	console?: ConsoleView;
	/** Names of the saved views, in list order. */
	views?: readonly string[];
};

/** The state the screen opens in: events table focused, no filter, newest first. */
export function initialState(filter: FilterState = {chips: []}): UiState {
	return {
		mode: 'browse',
		helpReturn: 'browse',
		focus: 'events',
		filter,
		history: [],
		chip: 0,
		facet: {field: 0, value: 0},
		timeline: {cursor: 0},
		order: 'desc',
		page: {seq: 0, direction: 'forward'},
		row: 0,
		console: INITIAL_CONSOLE,
		views: {cursor: 0},
	};
}
