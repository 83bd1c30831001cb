/**
 * The record view's keys (scroll, find, wrap, pivots, copy, mark, lineage): rows of the binding table (bindings.ts),
 * kept here so the table stays short. Their handler is source/ui/state/scopes/record.ts.
 */
import {PIVOTS} from '../../events/columns.js';
import type {Binding} from './bindings.js';

/** What `m` does, in the events table and the record view. */
export const MARK_HELP = 'mark the event, with an optional note; on a marked event: e edits the note, u unmarks';

export const RECORD_BINDINGS: readonly Binding[] = [
	{scope: 'record', keys: ['escape', 'backspace', 'delete'], action: 'back', help: 'back to the events', hint: 'back'},
	{scope: 'record', keys: ['up', 'k'], action: 'up', help: 'previous line'},
	{scope: 'record', keys: ['down', 'j'], action: 'down', help: 'next line'},
	{scope: 'record', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page'},
	{scope: 'record', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page'},
	{scope: 'record', keys: ['g', 'home'], action: 'top', help: 'first line'},
	{scope: 'record', keys: ['G', 'end'], action: 'bottom', help: 'last line'},
	{scope: 'record', keys: ['/'], action: 'find', help: 'find text in the record', hint: 'find'},
	{scope: 'record', keys: ['n'], action: 'find-next', help: 'the next line with the text found'},
	{scope: 'record', keys: ['N'], action: 'find-previous', help: 'the previous line with the text found'},
	{scope: 'record', keys: ['w'], action: 'toggle-wrap', help: 'wrap long lines, or scroll them sideways', hint: 'wrap'},
	{scope: 'record', keys: ['left', 'h'], action: 'left', help: 'scroll left (sideways layout, w)'},
	{scope: 'record', keys: ['right', 'l'], action: 'right', help: 'scroll right (sideways layout, w)'},
	...PIVOTS.map(({name, use}): Binding => ({
		scope: 'record',
		keys: [use.key],
		action: `pivot-${name}`,
		help: use.help,
		hint: use.hint,
	})),
	{scope: 'record', keys: ['t'], action: 'pivot-around', help: 'every event in the 5 minutes either side', hint: '±5m'},
	{
		scope: 'record',
		keys: ['y'],
		action: 'copy-value',
		help: 'copy the value on the cursor line (OSC 52)',
		hint: 'copy value',
	},
	{
		scope: 'record',
		keys: ['Y'],
		action: 'copy-record',
		help: 'copy the whole record as JSON (OSC 52)',
		hint: 'copy record',
	},

	{scope: 'record', keys: ['m'], action: 'mark-event', help: MARK_HELP, hint: 'mark'},
	{
		scope: 'record',
		keys: ['L'],
		action: 'open-lineage',
		help: "the lineage of the event's access key, hop by hop to its origin",
		hint: 'lineage',
	},
];
