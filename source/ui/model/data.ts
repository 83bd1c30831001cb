/**
 * What the panes render: the data the screen reads from the case file, in the shapes the hooks dispatch into state
 * and the panes take as props. Types only (and one selector); panes import these, never hooks or the store.
 */
import type {PivotColumn} from '../../events/columns.js';
import type {BarCount} from '../../query/bars.js';
import type {PaneRow} from '../../query/columns.js';
import type {FacetField} from '../../query/filters.js';
import type {Bucket} from '../../query/histogram.js';
import type {Cursor} from '../../query/paging.js';
import type {SqlResult} from '../../store/read-only-sql.js';
import type {SavedView} from '../../store/views.js';
import type {DuplicateKeys} from '../json/parse.js';
import type {JsonLine} from '../json-lines.js';
import type {Place} from './position.js';

export type {SavedView, SqlResult};

/** A pane's data: the latest answer, an error message if the latest request failed, and whether one is pending. */
export type Loaded<T> = {data?: T; error?: string; loading: boolean};

/** An answer as state holds it: the request's key it answers, its data (kept from before on an error), the error. */
export type Answer<T> = {key?: string; data?: T; error?: string};

const shown = new WeakMap<Answer<unknown>, {key: string | undefined; value: Loaded<unknown>}>();

/**
 * The answer as a pane shows it, for the request `key` the state wants now (undefined: none wanted). The same object
 * until the answer or the key changes, so that memoised panes skip frames that are not about them.
 */
export function loaded<T>(answer: Answer<T>, key: string | undefined): Loaded<T> {
	const last = shown.get(answer);
	if (last && last.key === key) return last.value as Loaded<T>;
	const value: Loaded<T> = {
		data: answer.data,
		error: answer.key === key ? answer.error : undefined,
		loading: key !== undefined && answer.key !== key,
	};
	shown.set(answer, {key, value});
	return value;
}

/** Matching and total event counts. */
export type Counts = {matching: number; total: number};

/** One field's top values, as the facets pane shows them. */
export type FacetList = {
	field: FacetField;
	values: ReadonlyArray<{value: string | null; count: number}>;
	more: boolean;
};

/**
 * The page of the events table on screen: the request it answers, its rows' keys, whether more follow, where its
 * first row is in the filtered set (when known), and which rows contain the text found (while a find is on).
 */
export type PageView = {
	seq: number;
	rows: Cursor[];
	moreBefore: boolean;
	moreAfter: boolean;
	first?: Place;
	matches?: readonly string[];
};

/** A page and its rows. */
export type PageData = PageView & {data: PaneRow[]};

/** Bars over a span. */
export type Timeline = {
	bucket: Bucket;
	from: Date;
	until: Date;
	/** Start of each bucket, and its counts. */
	starts: Date[];
	counts: BarCount[];
	/** Events left out of the span because they lie far before or after the rest, and the outermost times. */
	outside?: {before: number; after: number; earliest: Date; latest: Date};
};

/** What `clicktrail verify --db` recorded about the event's source file, if anything. */
export type FileIntegrity = {status: string; checkedAt?: Date};

/**
 * One event: every column; raw parsed into a value (the first of duplicate keys kept, as the loader keeps it), with
 * the keys it repeats; its source file's integrity when verified.
 */
export type EventRecord = {
	row: Record<string, unknown>;
	raw: unknown;
	duplicates?: DuplicateKeys;
	droppedKeys?: number;
	integrity?: FileIntegrity;
	/** The findings of `clicktrail hunt` that hold this event, and the fields their rules read. */
	findings?: EventFinding[];
};

/** The fields of the record on screen that pivots use: its key and each pivot column's value (the registry's PIVOTS). */
export type RecordSummary = {eventID: string; eventTime: Date} & Record<PivotColumn, string | null>;
/** A finding an event belongs to: which rule matched it, and on which fields. */
export type EventFinding = {findingId: number; severity: string; title: string; ruleId: string; fields: string[]};

/** The record view's data, with what is derived from it once, when it arrives: its JSON lines and its summary. */
export type RecordData = {record: EventRecord; lines: readonly JsonLine[]; summary: RecordSummary};

/** A find's answer: the row found (with its place) or none, and whether the search wrapped around the end. */
export type FindAnswer = {found?: {row: Cursor; place: Place}; wrapped: boolean};

/** Where the console's statement is. */
export type ConsoleRun =
	| {state: 'idle'}
	| {state: 'running'; sql: string; started: number}
	| {state: 'done'; sql: string; result: SqlResult}
	| {state: 'error'; sql: string; error: string}
	| {state: 'cancelled'; sql: string};
