/**
 * What goes into the screen's state (actions) and what comes out besides the next state (effects). Both plain data.
 * Key actions name a scope and an action, nothing more; what the hooks read arrives as `<slot>-loaded`; the effects
 * are run in one place (source/ui/effects/), which dispatches what they bring back.
 */
import type {ExportFormat} from '../../query/export-sql.js';
import type {FilterState} from '../../query/filters.js';
import type {SqlQuery} from '../../query/sql.js';
import type {CompletionSource} from '../console/complete.js';
import type {ActionName, Scope} from '../keys/bindings.js';
import type {
	ConsoleRun,
	Counts,
	FacetList,
	FindAnswer,
	PageData,
	RecordData,
	SavedView,
	Timeline,
} from '../model/data.js';
import type {FindingRow} from '../model/findings.js';
import type {Change, Dossier, InventoryView} from '../model/inventory.js';
import type {LineageView, SessionRow} from '../model/lineage.js';
import type {Annotations, FindingBuckets, Markers, MarkRow} from '../model/marks.js';
import type {UiState} from './state.js';

/** The slots of `state.data` a read job fills, and what each holds. */
export type Slots = {
	counts: Counts;
	facets: FacetList[];
	timeline: Timeline | null;
	page: PageData;
	record: RecordData | null;
	frequency: FacetList;
	lineage: LineageView | null;
	sessions: SessionRow[];
	findings: FindingRow[];
	inventory: InventoryView;
	dossier: Dossier;
	change: Change | null;
	annotations: Annotations;
	markers: Markers;
	marks: MarkRow[];
	findingBuckets: FindingBuckets;
	find: FindAnswer;
};

/** An answer for a slot: `facets-loaded`, `page-loaded`, `record-loaded`, ... */
export type LoadedAction = {[K in keyof Slots]: {type: `${K}-loaded`; key: string; data: Slots[K]}}[keyof Slots];

/** An action of the screen. */
export type UiAction =
	/** A key the router bound: the scope whose handler takes it, and the action. */
	| {type: 'key'; scope: Scope; action: ActionName}
	/** Printable text typed or pasted into the prompt, or into the console. */
	| {type: 'prompt-input'; text: string}
	| {type: 'console-input'; text: string}
	| {type: 'message'; text: string | undefined}
	| {type: 'resized'; columns: number; rows: number}
	| LoadedAction
	| {type: 'load-failed'; slot: keyof Slots; key: string; error: string}
	| {type: 'newest-loaded'; newest: Date | undefined}
	| {type: 'completions-loaded'; completions: CompletionSource}
	| {type: 'views-loaded'; list: readonly SavedView[]; error?: string}
	| {type: 'history-loaded'; history: readonly string[]}
	/** The console's statement moved on (started, finished, failed, cancelled). */
	| {type: 'sql-run'; run: ConsoleRun}
	/** The prompt's work is done (message) or failed (error, the prompt stays open). */
	| {type: 'prompt-done'; message: string}
	| {type: 'prompt-error'; error: string}
	/** A saved view was saved, renamed or deleted: close the prompt and read the list again. */
	| {type: 'views-changed'; message: string}
	/** The export's file exists: ask whether to replace it (the prompt keeps where it came from). */
	| {type: 'prompt-confirm-overwrite'; path: string}
	/** A mark was saved or deleted: close the prompt and read the marks again. */
	| {type: 'marks-changed'; message: string}
	/** Background work (a report) moved on: what it does now (undefined: done), and a message when it ends. */
	| {type: 'working'; text?: string; message?: string};

/** A side effect, as data: run by source/ui/effects/run-effect.ts. */
export type Effect =
	| {type: 'quit'}
	/** Copy text to the terminal's clipboard (OSC 52). */
	| {type: 'copy'; text: string}
	| {type: 'run-sql'; sql: string}
	| {type: 'cancel-sql'}
	| {type: 'save-view'; name: string; description: string; filter?: FilterState; sql?: string}
	| {type: 'rename-view'; from: string; to: string}
	| {type: 'delete-view'; name: string}
	| {type: 'export'; query: SqlQuery; path: string; format: ExportFormat; userSql: boolean; overwrite: boolean}
	| {type: 'save-mark'; eventID: string; note: string}
	| {type: 'delete-mark'; eventID: string}
	/** The report of the events `filter` selects, written to `path` (source/report/). */
	| {
			type: 'write-report';
			path: string;
			format: 'html' | 'md';
			filter: FilterState;
			caseFile: string;
			overwrite: boolean;
	  };

/** The next state and the effects to run. */
export type Step = {state: UiState; effects: Effect[]};

/** A step with no effects, or with some. */
export function step(state: UiState, ...effects: Effect[]): Step {
	return {state, effects};
}

/** One scope's keys: the actions it handles, and its handler. */
export type ScopeHandler = {
	actions: readonly ActionName[];
	/** Actions that leave the status message as it is (every other key clears it first). */
	keepsMessage?: readonly ActionName[];
	handle: (state: UiState, action: ActionName) => Step;
};
