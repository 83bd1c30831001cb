/**
 * The screen's state, plain data: what the user did (focus, mode, selection, filter) and what the hooks read for it
 * (`data`, dispatched as it arrives). The scope handlers read the data from here; nothing comes in with a key.
 */
import type {TableColumn} from '../../events/columns.js';
import type {Chip, FilterState} from '../../query/filters.js';
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
import type {Change, Dossier, InventoryView} from '../model/inventory.js';
import type {LineageView, SessionRow} from '../model/lineage.js';
import type {Annotations, FindingBuckets, Markers, MarkRow} from '../model/marks.js';
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
 * the confirmation of a delete, the file to export to, or whether to replace that file when it exists; a mark's
 * note, what to do with a marked event (e: edit the note, u: unmark), a mark's delete, the report's file.
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
		| 'column'
		| 'mark-note'
		| 'mark-choice'
		| 'mark-delete'
		| 'report'
		| 'report-overwrite';
	text: string;
	error?: string;
	/** The mode to go back to when the prompt closes (default browse). */
	returnTo?: Mode;
	/**
	 * The view the prompt is about (rename, delete; the name chosen, for the description); the file, to replace it;
	 * the eventID a mark prompt is about; the report's default file.
	 */
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
	/** Opened from the lineage tree (a hop's issuing event), a device's dossier or the marks list: back goes there. */
	back?: 'lineage' | 'dossier' | 'marks';
	/** Scrolled sideways by this many cells (the sideways layout, `w`). */
	left?: number;
};

/** The events table's column choices. */
export type TableState = {columns: ShownColumns; cursor: ColumnName; sort?: SortColumn};
/** The lineage tree's place: whose lineage, the selected row, and the record it was opened from. */
export type LineagePlace = {eventID: string; cursor: number; from: RecordPlace};
/** The inventory pane's place: as of before `until` (ISO 8601; none: after the newest event), and a device's dossier. */
export type InventoryPlace = {until?: string; cursor: number; dossier?: {deviceId: string; cursor: number}};

/** Everything the reducer owns. */
export type UiState = {
	mode: Mode;
	/** The mode to return to when the help closes. */
	helpReturn: Mode;
	focus: Pane;
	filter: FilterState;
	/** Earlier filters, most recent last: every filter change pushes the one it replaced; u (undo) restores it. */
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
	/** The inventory (mode inventory), a device's dossier (mode dossier) or a record opened from it. */
	inventory?: InventoryPlace;
	/** The sessions list: the selected row. */
	sessions: {cursor: number};
	/** The findings list: the selected row. */
	findings: {cursor: number};
	/** The marks list: the selected row. */
	marks: {cursor: number};
	/** The case file's path (the report's default name and its guard against writing over it). */
	caseFile?: string;
	/** Work going on in the background (writing a report), for the status bar; undefined when none. */
	working?: string;
	/** Where everything goes on this terminal (set on resize). */
	box: Layout;
	/** Display zone for every time. */
	zone: Zone;
	/** A fixed "now" for relative times (tests); otherwise the newest event, or the clock. */
	now?: Date;
	data: ScreenData;
	/** Filters undone with u, most recent last; Ctrl-R (redo) puts the last back. A new change empties it. */
	redo: FilterState[];
	/** Where Esc goes back to after a pivot from a record or the lineage tree (moves.ts). */
	trail: TrailStep[];
	/** The from/until chips before each zoom into the timeline, most recent last (Z restores them). */
	zooms: Chip[][];
	/** An eventID to put the events cursor on when the page holding it arrives (back after a pivot, a restored session). */
	seek?: string;
	/** The help screen's first line shown. */
	helpTop: number;
	/** The console result's cell cursor (mode result), and the first line shown of its whole value (mode cell). */
	result: {row: number; column: number; top: number};
};

/** A pivot taken from a record (or the lineage tree): the filter before it, and where the record and table were. */
export type TrailStep = {
	filter: FilterState;
	mode: 'record' | 'lineage';
	record?: RecordPlace;
	lineage?: LineagePlace;
	page: PageRequest;
	row: number;
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
	inventory: Answer<InventoryView>;
	dossier: Answer<Dossier>;
	/** What the record on screen changed, if it is a mutating IoT 1-Click call. */
	change: Answer<Change | null>;
	/** Whether the case holds marks or findings; the gutter's markers; the marks list; the timeline's findings row. */
	annotations: Answer<Annotations>;
	markers: Answer<Markers>;
	marks: Answer<MarkRow[]>;
	findingBuckets: Answer<FindingBuckets>;
	/** Bumped after a mark is saved or deleted, to read the marks again. */
	marksVersion: number;
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
	opening: {columns?: number; rows?: number; zone?: Zone; now?: Date; caseFile?: string} = {},
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
		marks: {cursor: 0},
		...(opening.caseFile ? {caseFile: opening.caseFile} : {}),
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
			inventory: {},
			dossier: {},
			change: {},
			annotations: {},
			markers: {},
			marks: {},
			findingBuckets: {},
			marksVersion: 0,
			find: {},
			completions: NO_COMPLETIONS,
			views: {list: [], version: 0},
			sql: {run: {state: 'idle'}, history: []},
		},
		redo: [],
		trail: [],
		zooms: [],
		helpTop: 0,
		result: {row: 0, column: 0, top: 0},
	};
}
