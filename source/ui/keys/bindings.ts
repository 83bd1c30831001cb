/**
 * Every key of the screen, as data: which key does what in which mode and pane. The key router reads it to turn
 * keys into actions, the help screen lists it, and the status bar takes its hints from it. Nothing else binds keys. A new
 * pane or mode adds its scope here, its rows to the table, and its handler in source/ui/state/scopes/.
 */
import type {ActionName} from './actions.js';
import {COLUMN_BINDINGS, FREQUENCY_BINDINGS} from './column-bindings.js';
import {CONSOLE_BINDINGS} from './console-bindings.js';
import {LIST_BINDINGS} from './list-bindings.js';
import {MARK_HELP, RECORD_BINDINGS} from './record-bindings.js';
import {HELP_BINDINGS, RESULT_BINDINGS, UNDO_BINDINGS} from './ux-bindings.js';

/** A pane of the browse mode. */
export type Pane = 'filters' | 'facets' | 'timeline' | 'events';

/** The panes in Tab order. */
export const PANES: readonly Pane[] = ['filters', 'facets', 'timeline', 'events'];

/**
 * What the screen is doing: browsing panes, reading one record, typing in a prompt, reading the help, typing SQL in
 * the console, or picking a saved view.
 */
export type Mode =
	| 'browse'
	| 'record'
	| 'prompt'
	| 'help'
	| 'console'
	| 'views'
	| 'frequency'
	| 'lineage'
	| 'sessions'
	| 'findings'
	| 'inventory'
	| 'dossier'
	| 'marks'
	/** The console's result with a cell cursor, and one cell's whole value (ux-bindings.ts). */
	| 'result'
	| 'cell';

/**
 * Where a binding applies. A key is looked up in the most specific scope first: in browse mode the focused pane's
 * scope, then 'browse', then 'global'; in record mode 'record' then 'global'; in prompt and help mode their own scope
 * only.
 */
export type Scope = 'global' | 'browse' | Pane | Exclude<Mode, 'browse'>;

export type {ActionName} from './actions.js';

/** One row of the table. */
export type Binding = {
	scope: Scope;
	/** Key names as {@link keyName} produces them: 'j', 'G', '/', 'enter', 'escape', 'shift-tab', 'pagedown', ... */
	keys: readonly string[];
	action: ActionName;
	/** What it does, for the help screen. */
	help: string;
	/** A short label for the status bar; bindings without one are listed in help only. */
	hint?: string;
};

/** The key-binding table. */
export const BINDINGS: readonly Binding[] = [
	{scope: 'global', keys: ['q'], action: 'quit', help: 'quit clicktrail', hint: 'quit'},
	{scope: 'global', keys: ['?'], action: 'help', help: 'show this help', hint: 'help'},
	{scope: 'global', keys: ['ctrl-c'], action: 'quit', help: 'quit clicktrail'},

	{scope: 'browse', keys: ['tab'], action: 'focus-next', help: 'focus the next pane', hint: 'pane'},
	{scope: 'browse', keys: ['shift-tab'], action: 'focus-previous', help: 'focus the previous pane'},
	{
		scope: 'browse',
		keys: ['/'],
		action: 'find',
		help: 'find text in the raw records: the next event with it',
		hint: 'find',
	},
	{scope: 'browse', keys: ['n'], action: 'find-next', help: 'the next event with the text found (around the end)'},
	{scope: 'browse', keys: ['N'], action: 'find-previous', help: 'the previous event with the text found'},
	{scope: 'browse', keys: ['&'], action: 'search', help: 'show only the events whose raw record has a text'},
	{
		scope: 'browse',
		keys: ['f'],
		action: 'add-filter',
		help: 'add a filter: principal=, eventName=, deviceId=, from=, until=, around=, errors, finding=any|RULE_ID|#N',
		hint: 'filter',
	},
	{scope: 'browse', keys: [':'], action: 'open-console', help: 'open the SQL console', hint: 'sql'},
	{scope: 'browse', keys: ['S'], action: 'filter-sql', help: 'show the SQL the filters run, in the console, to edit'},
	{
		scope: 'browse',
		keys: ['V'],
		action: 'open-views',
		help: 'list the saved views (open, rename, delete)',
		hint: 'views',
	},
	{
		scope: 'browse',
		keys: ['K'],
		action: 'open-sessions',
		help: 'list the sessions: one row per access key used on IoT 1-Click events',
		hint: 'sessions',
	},
	{
		scope: 'browse',
		keys: ['F'],
		action: 'open-findings',
		help: 'list the findings of clicktrail hunt (Enter: their events)',
		hint: 'findings',
	},
	{
		scope: 'browse',
		keys: ['D'],
		action: 'open-inventory',
		help: 'the IoT 1-Click inventory as of the end of the time filter (projects, placements, devices)',
		hint: 'inventory',
	},
	{scope: 'browse', keys: ['M'], action: 'open-marks', help: 'list the marked events with their notes', hint: 'marks'},
	{
		scope: 'browse',
		keys: ['R'],
		action: 'write-report',
		help: 'write the incident report of the filtered events to a file (.html, or .md for Markdown)',
		hint: 'report',
	},
	{scope: 'browse', keys: ['w'], action: 'save-view', help: 'save the filters as a view'},
	{
		scope: 'browse',
		keys: ['X'],
		action: 'export',
		help: 'export the filtered events to a file (.csv, .json, .jsonl, .parquet)',
	},
	{scope: 'browse', keys: ['c', 'C'], action: 'clear-filters', help: 'clear every filter', hint: 'clear'},
	{scope: 'browse', keys: ['E'], action: 'toggle-errors', help: 'show only failed calls, or all again'},
	...UNDO_BINDINGS,

	{scope: 'filters', keys: ['left', 'h', 'up', 'k'], action: 'left', help: 'select the previous filter chip'},
	{scope: 'filters', keys: ['right', 'l', 'down', 'j'], action: 'right', help: 'select the next filter chip'},
	{
		scope: 'filters',
		keys: ['backspace', 'x', 'delete'],
		action: 'remove-chip',
		help: 'remove the selected chip',
		hint: 'remove',
	},
	{
		scope: 'filters',
		keys: ['!', 'enter'],
		action: 'invert-chip',
		help: 'turn the selected chip from include to exclude or back',
		hint: 'invert',
	},

	{scope: 'facets', keys: ['up', 'k'], action: 'up', help: 'previous value'},
	{scope: 'facets', keys: ['down', 'j'], action: 'down', help: 'next value'},
	{scope: 'facets', keys: ['pageup', 'left', 'h'], action: 'page-up', help: 'previous field'},
	{scope: 'facets', keys: ['pagedown', 'right', 'l'], action: 'page-down', help: 'next field'},
	{scope: 'facets', keys: ['g', 'home'], action: 'top', help: 'first value'},
	{scope: 'facets', keys: ['G', 'end'], action: 'bottom', help: 'last value'},
	{
		scope: 'facets',
		keys: ['enter', '+', '='],
		action: 'include',
		help: 'filter to this value (values of one field OR together)',
		hint: 'include',
	},
	{scope: 'facets', keys: ['-', 'x'], action: 'exclude', help: 'filter out this value', hint: 'exclude'},

	{scope: 'timeline', keys: ['left', 'h'], action: 'left', help: 'previous bucket'},
	{scope: 'timeline', keys: ['right', 'l'], action: 'right', help: 'next bucket'},
	{scope: 'timeline', keys: ['g', 'home'], action: 'top', help: 'first bucket'},
	{scope: 'timeline', keys: ['G', 'end'], action: 'bottom', help: 'last bucket'},
	{
		scope: 'timeline',
		keys: ['space', 'v'],
		action: 'mark',
		help: 'mark one end of a span (again to unmark)',
		hint: 'mark',
	},
	{
		scope: 'timeline',
		keys: ['enter', 'z'],
		action: 'zoom-in',
		help: 'zoom into the marked span (or the bucket under the cursor)',
		hint: 'zoom',
	},
	{scope: 'timeline', keys: ['Z', 'backspace', 'delete'], action: 'zoom-out', help: 'zoom back out', hint: 'unzoom'},

	{scope: 'events', keys: ['up', 'k'], action: 'up', help: 'previous event'},
	{scope: 'events', keys: ['down', 'j'], action: 'down', help: 'next event'},
	{scope: 'events', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page'},
	{scope: 'events', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page'},
	{scope: 'events', keys: ['g', 'home'], action: 'top', help: 'first event'},
	{scope: 'events', keys: ['G', 'end'], action: 'bottom', help: 'last event'},
	{scope: 'events', keys: ['enter'], action: 'open', help: 'show the whole record', hint: 'open'},
	{
		scope: 'events',
		keys: ['s', 'o'],
		action: 'toggle-order',
		help: 'flip the sort order (newest or oldest first, A to Z or Z to A)',
		hint: 'sort',
	},

	{scope: 'events', keys: ['m'], action: 'mark-event', help: MARK_HELP, hint: 'mark'},

	...COLUMN_BINDINGS,
	...FREQUENCY_BINDINGS,

	...RECORD_BINDINGS,

	...LIST_BINDINGS,

	{scope: 'prompt', keys: ['enter'], action: 'prompt-submit', help: 'apply', hint: 'apply'},
	{scope: 'prompt', keys: ['escape'], action: 'prompt-cancel', help: 'cancel', hint: 'cancel'},
	{scope: 'prompt', keys: ['backspace', 'delete'], action: 'prompt-delete', help: 'delete the last character'},
	{scope: 'prompt', keys: ['ctrl-c'], action: 'prompt-cancel', help: 'cancel'},

	...CONSOLE_BINDINGS,

	{scope: 'views', keys: ['up', 'k'], action: 'up', help: 'previous view'},
	{scope: 'views', keys: ['down', 'j'], action: 'down', help: 'next view'},
	{
		scope: 'views',
		keys: ['enter'],
		action: 'open',
		help: 'open the view (a filter view sets the chips; a SQL view runs in the console)',
		hint: 'open',
	},
	{scope: 'views', keys: ['r'], action: 'views-rename', help: 'rename the view', hint: 'rename'},
	{scope: 'views', keys: ['d', 'delete'], action: 'views-delete', help: 'delete the view (asks first)', hint: 'delete'},
	{scope: 'views', keys: ['escape', 'V', 'q'], action: 'views-close', help: 'close the list', hint: 'close'},
	{scope: 'views', keys: ['ctrl-c'], action: 'quit', help: 'quit clicktrail'},

	{scope: 'help', keys: ['escape', '?', 'q', 'enter'], action: 'close-help', help: 'close the help', hint: 'close'},
	{scope: 'help', keys: ['ctrl-c'], action: 'quit', help: 'quit clicktrail'},
	...HELP_BINDINGS,
	...RESULT_BINDINGS,
];

/** The scopes searched, most specific first, for a mode and focused pane. */
export function scopesFor(mode: Mode, pane: Pane): Scope[] {
	switch (mode) {
		case 'browse':
			return [pane, 'browse', 'global'];
		case 'record':
			return ['record', 'global'];
		case 'prompt':
			return ['prompt'];
		case 'help':
			return ['help'];
		case 'console':
			return ['console'];
		case 'views':
			return ['views'];
		case 'frequency':
			return ['frequency', 'global'];
		case 'lineage':
			return ['lineage', 'global'];
		case 'sessions':
			return ['sessions', 'global'];
		case 'findings':
			return ['findings', 'global'];
		case 'inventory':
			return ['inventory', 'global'];
		case 'dossier':
			return ['dossier', 'global'];
		case 'marks':
			return ['marks', 'global'];
		case 'result':
			return ['result', 'global'];
		case 'cell':
			return ['cell', 'global'];
	}
}

export {keyLabel} from './labels.js';
