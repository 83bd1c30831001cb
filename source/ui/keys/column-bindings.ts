/**
 * The events table's column keys (choose, order, hide, sort by): rows of the binding table (bindings.ts), kept here
 * so the table stays short. Their handler is source/ui/state/table-columns.ts, through the events scope.
 */
import type {Binding} from './bindings.js';

export const COLUMN_BINDINGS: readonly Binding[] = [
	{scope: 'events', keys: ['left', 'h'], action: 'column-left', help: 'column cursor to the previous column'},
	{scope: 'events', keys: ['right', 'l'], action: 'column-right', help: 'column cursor to the next column'},
	{scope: 'events', keys: ['-'], action: 'column-hide', help: 'hide the column under the cursor', hint: 'hide col'},
	{
		scope: 'events',
		keys: ['+'],
		action: 'column-show',
		help: 'show a hidden column (sourceIPAddress, errorCode, ...) after the cursor',
		hint: 'add col',
	},
	{scope: 'events', keys: ['<'], action: 'column-move-left', help: 'move the column under the cursor left'},
	{scope: 'events', keys: ['>'], action: 'column-move-right', help: 'move the column under the cursor right'},
	{scope: 'events', keys: ['['], action: 'sort-ascending', help: 'sort by the column under the cursor, A to Z'},
	{scope: 'events', keys: [']'], action: 'sort-descending', help: 'sort by the column under the cursor, Z to A'},
];
