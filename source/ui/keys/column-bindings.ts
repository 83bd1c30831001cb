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
	{
		scope: 'events',
		keys: ['#'],
		action: 'frequency',
		help: 'how often each value of the column under the cursor occurs (Enter filters to one)',
		hint: 'count',
	},
];

/** The frequency view's keys. */
export const FREQUENCY_BINDINGS: readonly Binding[] = [
	{scope: 'frequency', keys: ['up', 'k'], action: 'up', help: 'previous value'},
	{scope: 'frequency', keys: ['down', 'j'], action: 'down', help: 'next value'},
	{scope: 'frequency', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page'},
	{scope: 'frequency', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page'},
	{scope: 'frequency', keys: ['g', 'home'], action: 'top', help: 'first value'},
	{scope: 'frequency', keys: ['G', 'end'], action: 'bottom', help: 'last value'},
	{scope: 'frequency', keys: ['enter', '+'], action: 'include', help: 'filter to this value', hint: 'include'},
	{scope: 'frequency', keys: ['-', 'x'], action: 'exclude', help: 'filter out this value', hint: 'exclude'},
	{scope: 'frequency', keys: ['escape', '#'], action: 'frequency-close', help: 'back to the events', hint: 'back'},
];
