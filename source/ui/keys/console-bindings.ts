/**
 * The SQL console's keys: rows of the binding table (bindings.ts), kept here so the table stays short. Their handler
 * is source/ui/state/scopes/console.ts.
 */
import type {Binding} from './bindings.js';

export const CONSOLE_BINDINGS: readonly Binding[] = [
	{
		scope: 'console',
		keys: ['enter'],
		action: 'console-run',
		help: 'run the SQL (read-only statements only); q or q! alone quits, as :q does in vim',
		hint: 'run',
	},
	{scope: 'console', keys: ['ctrl-j', 'meta-enter'], action: 'console-newline', help: 'new line', hint: 'newline'},
	{
		scope: 'console',
		keys: ['escape', 'ctrl-c'],
		action: 'console-cancel',
		help: 'cancel the running query, or close the console',
		hint: 'cancel/close',
	},
	{
		scope: 'console',
		keys: ['tab'],
		action: 'console-complete',
		help: "complete a table, column or JSON path (raw->'$.userIdentity.)",
		hint: 'complete',
	},
	{scope: 'console', keys: ['up'], action: 'console-up', help: 'previous line, or the previous query in the history'},
	{scope: 'console', keys: ['down'], action: 'console-down', help: 'next line, or the next query in the history'},
	{scope: 'console', keys: ['left'], action: 'console-left', help: 'cursor left'},
	{scope: 'console', keys: ['right'], action: 'console-right', help: 'cursor right'},
	{scope: 'console', keys: ['home', 'ctrl-a'], action: 'console-home', help: 'start of the line'},
	{scope: 'console', keys: ['end', 'ctrl-e'], action: 'console-end', help: 'end of the line'},
	{
		scope: 'console',
		keys: ['backspace', 'delete'],
		action: 'console-backspace',
		help: 'delete the character before the cursor',
	},
	{scope: 'console', keys: ['ctrl-u'], action: 'console-clear', help: 'clear the SQL'},
	{scope: 'console', keys: ['pageup'], action: 'console-rows-up', help: 'scroll the result up'},
	{scope: 'console', keys: ['pagedown'], action: 'console-rows-down', help: 'scroll the result down'},
	{
		scope: 'console',
		keys: ['ctrl-left', 'meta-left'],
		action: 'console-columns-left',
		help: 'scroll the result left a column',
	},
	{
		scope: 'console',
		keys: ['ctrl-right', 'meta-right'],
		action: 'console-columns-right',
		help: 'scroll the result right a column',
	},
	{scope: 'console', keys: ['ctrl-s'], action: 'save-view', help: 'save the SQL as a view', hint: 'save'},
	{
		scope: 'console',
		keys: ['ctrl-o'],
		action: 'export',
		help: 'export the result of the SQL to a file (.csv, .json, .jsonl, .parquet)',
		hint: 'export',
	},
];
