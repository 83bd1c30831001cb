/**
 * The screen's state, plain data: what the user did (focus, mode, selection, filter) and what the hooks read for it
 * (`data`, dispatched as it arrives). The scope handlers read the data from here; nothing comes in with a key.
 */
import type {TableColumn} from '../../events/columns.js';
import type {FilterState} from '../../query/filters.js';
import type {SortColumn, Cursor} from '../../query/paging.js';
import {DEFAULT_COLUMNS, type ColumnName, type ShownColumns} from '../event-columns.js';
import type {Zone} from '../../query/time.js';
import {NO_COMPLETIONS, type CompletionSource} from '../console/complete.js';
import type {Mode, Pane} from '../keys/bindings.js';
import {layout, type Layout} from '../layout.js';
import type {
	Answer,
	ConsoleRun,
	Counts,
	FacetList,
	FindAnswer,
	PageData,
	RecordData,
	SavedView,
	Timeline,
} from '../model/data.js';
import type {Place} from '../model/position.js';
import type {FindingRow} from '../model/findings.js';
import type {LineageView, SessionRow} from '../model/lineage.js';
import {INITIAL_CONSOLE, type ConsoleState} from './console-state.js';

/** Which page of the events table to show: the rows after (forward) or before (backward) an anchor row. */
export type PageRequest = {
	/** Bumped on every change, so that the answer to an older request is recognised. */
	seq: number;
	/** Rows strictly after (forward) or before (backward) this row in display order; none: from the top or the end. */
	anchor?: Cursor;
	direction: 'forward' | 'backward';
	/** The anchor row's place in the filtered set (model/position.ts), when known: the page's place follows from it. */
	at?: Place;
	/** The page starts at the anchor row itself (a found row, shown at the top). */
	inclusive?: boolean;
};

/** A find on its way in the events table: from the cursor's row (none: from an end), down (next) or up (previous). */
export type FindRequest = {from?: Cursor; direction: 'next' | 'previous'; inclusive: boolean};

/** The text looked for with `/` (n and N look for it again), and the search in the events table on its way. */
export type FindState = {text: string; request?: FindRequest};

/**
 * The prompt being typed: a search, a filter, a name for a new view (then its description), a new name for a view,
 * the confirmation of a delete, the file to export to, or whether to replace that file when it exists.
 */
export type Prompt = {
	kind:
		| 'search'
		| 'find'
		| 'filter'
		| 'view-name'
		| 'view-description'
		| 'view-rename'
		| 'view-delete'
		| 'export'
		| 'export-overwrite'
		| 'column';
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
	/** Opened from the lineage tree (a hop's issuing event): back goes to the tree. */
	back?: 'lineage';
	/** Scrolled sideways by this many cells (the sideways layout, `w`). */
	left?: number;
};

/** The events table's column choices. */
export type TableState = {columns: ShownColumns; cursor: ColumnName; sort?: SortColumn};
/** The lineage tree's place: whose lineage, the selected row, and the record it was opened from. */
export type LineagePlace = {eventID: string; cursor: number; from: RecordPlace};

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
	/** The events table's columns: which are shown in what order, the column cursor, the sort column (none: time). */
	table: TableState;
	/** The frequency view: the column counted and the selected value. */
	frequency?: {field: TableColumn; cursor: number};
	page: PageRequest;
	/** Selected row of the page. */
	row: number;
	record?: RecordPlace;
	/** The record view's long lines: wrapped (the default) or one screen line each, scrolled sideways (`w`). */
	recordLayout: 'wrap' | 'sideways';
	/** The find (`/`): the text, and the search on its way. */
	find?: FindState;
	prompt?: Prompt;
	/** A one-line notice (e.g. "copied 812 bytes", "this event has no deviceId"). */
	message?: string;
	console: ConsoleState;
	/** The saved-views list: the selected entry. */
	views: {cursor: number};
	/** The lineage tree on screen (mode lineage, or a hop's record opened from it). */
	lineage?: LineagePlace;
	/** The sessions list: the selected row. */
	sessions: {cursor: number};
	/** The findings list: the selected row. */
	findings: {cursor: number};
	/** Where everything goes on this terminal (set on resize). */
	box: Layout;
	/** Display zone for every time. */
	zone: Zone;
	/** A fixed "now" for relative times (tests); otherwise the newest event, or the clock. */
	now?: Date;
	data: ScreenData;
};

/** What relative times typed in the prompt count back from. */
export function nowOf(state: UiState): Date {
	return state.now ?? state.data.newest ?? new Date();
}

/** What the hooks read from the case file, as it arrived. */
export type ScreenData = {
	counts: Answer<Counts>;
	facets: Answer<FacetList[]>;
	timeline: Answer<Timeline | null>;
	page: Answer<PageData>;
	record: Answer<RecordData | null>;
	frequency: Answer<FacetList>;
	lineage: Answer<LineageView | null>;
	sessions: Answer<SessionRow[]>;
	findings: Answer<FindingRow[]>;
	find: Answer<FindAnswer>;
	/** The newest event's time: what relative times count back from. */
	newest?: Date;
	completions: CompletionSource;
	/** The saved views; `version` is bumped after a change, to read them again. */
	views: {list: readonly SavedView[]; error?: string; version: number};
	/** The console's statement and the history of statements run, oldest first. */
	sql: {run: ConsoleRun; history: readonly string[]};
};

/** The state the screen opens in: events table focused, no filter, newest first, nothing read yet. */
export function initialState(
	filter: FilterState = {chips: []},
	opening: {columns?: number; rows?: number; zone?: Zone; now?: Date} = {},
): UiState {
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
		table: {columns: DEFAULT_COLUMNS, cursor: 'eventTime'},
		page: {seq: 0, direction: 'forward'},
		row: 0,
		recordLayout: 'wrap',
		console: INITIAL_CONSOLE,
		views: {cursor: 0},
		sessions: {cursor: 0},
		findings: {cursor: 0},
		box: layout(opening.columns ?? 80, opening.rows ?? 24),
		zone: opening.zone ?? 'UTC',
		...(opening.now ? {now: opening.now} : {}),
		data: {
			counts: {},
			facets: {},
			timeline: {},
			page: {},
			record: {},
			frequency: {},
			lineage: {},
			sessions: {},
			findings: {},
			find: {},
			completions: NO_COMPLETIONS,
			views: {list: [], version: 0},
			sql: {run: {state: 'idle'}, history: []},
		},
	};
}
