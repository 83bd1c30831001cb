/**
 * The keys of the whole-screen lists (lineage, sessions, findings, inventory, a device's dossier, marks): rows of the
 * binding table (bindings.ts), kept here so the table stays short. Their handlers are in source/ui/state/scopes/.
 */
import type {Binding} from './bindings.js';

export const LIST_BINDINGS: readonly Binding[] = [
	{scope: 'lineage', keys: ['up', 'k'], action: 'up', help: 'previous hop'},
	{scope: 'lineage', keys: ['down', 'j'], action: 'down', help: 'next hop'},
	{scope: 'lineage', keys: ['g', 'home'], action: 'top', help: 'first hop'},
	{scope: 'lineage', keys: ['G', 'end'], action: 'bottom', help: 'the origin'},
	{
		scope: 'lineage',
		keys: ['enter'],
		action: 'open',
		help: 'the raw record of the event that issued the key',
		hint: 'open',
	},
	{scope: 'lineage', keys: ['a'], action: 'pivot-access-key', help: 'IoT events made with this key', hint: 'key'},
	{
		scope: 'lineage',
		keys: ['p'],
		action: 'pivot-principal',
		help: 'IoT events of the principal that held the key',
		hint: 'principal',
	},
	{scope: 'lineage', keys: ['escape', 'backspace', 'delete'], action: 'back', help: 'back to the record', hint: 'back'},

	{scope: 'sessions', keys: ['up', 'k'], action: 'up', help: 'previous session'},
	{scope: 'sessions', keys: ['down', 'j'], action: 'down', help: 'next session'},
	{scope: 'sessions', keys: ['g', 'home'], action: 'top', help: 'first session'},
	{scope: 'sessions', keys: ['G', 'end'], action: 'bottom', help: 'last session'},
	{
		scope: 'sessions',
		keys: ['enter', 'a'],
		action: 'pivot-access-key',
		help: 'the events made with this key',
		hint: 'events',
	},
	{scope: 'sessions', keys: ['p'], action: 'pivot-principal', help: 'the events of its principal', hint: 'principal'},
	{scope: 'sessions', keys: ['escape', 'K'], action: 'back', help: 'close the list', hint: 'close'},

	{scope: 'findings', keys: ['up', 'k'], action: 'up', help: 'previous finding'},
	{scope: 'findings', keys: ['down', 'j'], action: 'down', help: 'next finding'},
	{scope: 'findings', keys: ['g', 'home'], action: 'top', help: 'first finding'},
	{scope: 'findings', keys: ['G', 'end'], action: 'bottom', help: 'last finding'},
	{
		scope: 'findings',
		keys: ['enter'],
		action: 'open',
		help: "filter the events to the finding's events",
		hint: 'events',
	},
	{scope: 'findings', keys: ['escape', 'F'], action: 'back', help: 'close the list', hint: 'close'},

	{scope: 'inventory', keys: ['up', 'k'], action: 'up', help: 'previous row'},
	{scope: 'inventory', keys: ['down', 'j'], action: 'down', help: 'next row'},
	{scope: 'inventory', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page'},
	{scope: 'inventory', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page'},
	{scope: 'inventory', keys: ['g', 'home'], action: 'top', help: 'first row'},
	{scope: 'inventory', keys: ['G', 'end'], action: 'bottom', help: 'last row'},
	{scope: 'inventory', keys: ['enter'], action: 'open', help: "the device's dossier", hint: 'dossier'},
	{scope: 'inventory', keys: ['escape', 'backspace', 'D'], action: 'back', help: 'close the inventory', hint: 'close'},

	{scope: 'dossier', keys: ['up', 'k'], action: 'up', help: 'previous event'},
	{scope: 'dossier', keys: ['down', 'j'], action: 'down', help: 'next event'},
	{scope: 'dossier', keys: ['pageup', 'ctrl-b'], action: 'page-up', help: 'previous page'},
	{scope: 'dossier', keys: ['pagedown', 'ctrl-f', 'space'], action: 'page-down', help: 'next page'},
	{scope: 'dossier', keys: ['g', 'home'], action: 'top', help: 'first event'},
	{scope: 'dossier', keys: ['G', 'end'], action: 'bottom', help: 'last event'},
	{scope: 'dossier', keys: ['enter'], action: 'open', help: "the event's record", hint: 'open'},
	{scope: 'dossier', keys: ['escape', 'backspace'], action: 'back', help: 'back to the inventory', hint: 'back'},
	{scope: 'marks', keys: ['up', 'k'], action: 'up', help: 'previous mark'},
	{scope: 'marks', keys: ['down', 'j'], action: 'down', help: 'next mark'},
	{scope: 'marks', keys: ['g', 'home'], action: 'top', help: 'first mark'},
	{scope: 'marks', keys: ['G', 'end'], action: 'bottom', help: 'last mark'},
	{scope: 'marks', keys: ['enter'], action: 'open', help: 'open the marked event (Esc comes back)', hint: 'open'},
	{scope: 'marks', keys: ['d', 'delete'], action: 'marks-delete', help: 'delete the mark (asks first)', hint: 'delete'},
	{scope: 'marks', keys: ['escape', 'M'], action: 'back', help: 'close the list', hint: 'close'},
];
