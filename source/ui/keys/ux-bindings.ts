/**
 * Rows of the binding table (bindings.ts) kept here so the table stays short: going back and undoing in browse mode,
 * scrolling the help, and the console result's cell cursor with the whole-value view of one cell.
 */
import type {Binding} from './bindings.js';

/** Esc goes back (navigation); u and Ctrl-R undo and redo filter changes. */
export const UNDO_BINDINGS: readonly Binding[] = [
	{
		scope: 'browse',
		keys: ['escape'],
		action: 'back',
		help: 'back: after a pivot from a record (or the lineage tree), to it, with the filter before the pivot',
	},
	{
		scope: 'browse',
		keys: ['u'],
		action: 'undo',
		help: 'undo the last filter change (f, /, facets, chips, E, c, zoom, a pivot); says what it undid',
		hint: 'undo',
	},
	{scope: 'browse', keys: ['ctrl-r'], action: 'redo', help: 'redo the filter change undone last'},
];

/** Scrolling the help. */
export const HELP_BINDINGS: readonly Binding[] = [
	{scope: 'help', keys: ['down', 'j'], action: 'down', help: 'scroll the help down a line'},
	{scope: 'help', keys: ['up', 'k'], action: 'up', help: 'scroll the help up a line'},
	{scope: 'help', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page of the help'},
	{scope: 'help', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page of the help'},
	{scope: 'help', keys: ['g', 'home'], action: 'top', help: 'top of the help'},
	{scope: 'help', keys: ['G', 'end'], action: 'bottom', help: 'end of the help'},
];

/** The console result's cell cursor, and one cell's whole value. */
export const RESULT_BINDINGS: readonly Binding[] = [
	{
		scope: 'console',
		keys: ['ctrl-down', 'meta-down'],
		action: 'open-result',
		help: 'into the result: a cell cursor, Enter shows the cell whole',
		hint: 'cells',
	},
	{scope: 'result', keys: ['up', 'k'], action: 'up', help: 'previous row'},
	{scope: 'result', keys: ['down', 'j'], action: 'down', help: 'next row'},
	{scope: 'result', keys: ['left', 'h'], action: 'left', help: 'previous column'},
	{scope: 'result', keys: ['right', 'l'], action: 'right', help: 'next column'},
	{scope: 'result', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page of rows'},
	{scope: 'result', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page of rows'},
	{scope: 'result', keys: ['g', 'home'], action: 'top', help: 'first row'},
	{scope: 'result', keys: ['G', 'end'], action: 'bottom', help: 'last row'},
	{scope: 'result', keys: ['enter'], action: 'open', help: 'show the cell under the cursor whole', hint: 'open'},
	{scope: 'result', keys: ['y'], action: 'copy-value', help: 'copy the cell whole (OSC 52)', hint: 'copy'},
	{
		scope: 'result',
		keys: ['escape', 'ctrl-up', 'meta-up'],
		action: 'back',
		help: 'back to the SQL editor',
		hint: 'editor',
	},
	{scope: 'cell', keys: ['down', 'j'], action: 'down', help: 'next line of the value'},
	{scope: 'cell', keys: ['up', 'k'], action: 'up', help: 'previous line of the value'},
	{scope: 'cell', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page of the value'},
	{scope: 'cell', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page of the value'},
	{scope: 'cell', keys: ['g', 'home'], action: 'top', help: 'start of the value'},
	{scope: 'cell', keys: ['G', 'end'], action: 'bottom', help: 'end of the value'},
	{scope: 'cell', keys: ['y'], action: 'copy-value', help: 'copy the value whole (OSC 52)', hint: 'copy'},
	{
		scope: 'cell',
		keys: ['escape', 'q', 'enter', 'backspace'],
		action: 'back',
		help: 'back to the result',
		hint: 'back',
	},
];
