/**
 * The key router: Ink's (input, key) -> a key name -> the scope and action the binding table gives it in the current
 * mode and pane. Pure. The scope's handler (source/ui/state/scopes/) gives the action its meaning.
 */
import type {Key} from 'ink';
import {BINDINGS, scopesFor, type ActionName, type Binding, type Mode, type Pane, type Scope} from './bindings.js';

/** The subset of Ink's Key the router reads (tests may pass a partial one). */
export type KeyFlags = Partial<
	Pick<
		Key,
		| 'upArrow'
		| 'downArrow'
		| 'leftArrow'
		| 'rightArrow'
		| 'pageUp'
		| 'pageDown'
		| 'home'
		| 'end'
		| 'return'
		| 'escape'
		| 'ctrl'
		| 'shift'
		| 'tab'
		| 'backspace'
		| 'delete'
		| 'meta'
	>
>;

/** A key's name as the binding table writes it: 'j', 'G', '/', 'enter', 'escape', 'shift-tab', 'ctrl-c', ... */
export function keyName(input: string, key: KeyFlags): string | undefined {
	if (key.upArrow) return key.ctrl ? 'ctrl-up' : key.meta ? 'meta-up' : 'up';
	if (key.downArrow) return key.ctrl ? 'ctrl-down' : key.meta ? 'meta-down' : 'down';
	if (key.leftArrow) return key.ctrl ? 'ctrl-left' : key.meta ? 'meta-left' : 'left';
	if (key.rightArrow) return key.ctrl ? 'ctrl-right' : key.meta ? 'meta-right' : 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	// Alt-Enter arrives as ESC CR (return with meta); Ctrl-J as a bare LF, which Ink reports with no flags.
	if (key.return) return key.meta ? 'meta-enter' : 'enter';
	if (input === '\n') return 'ctrl-j';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	// Most terminals send DEL (0x7f) for Backspace, which Ink reports as delete.
	if (key.backspace) return 'backspace';
	if (key.delete) return 'delete';
	if (key.escape) return 'escape';
	if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	if (input.length === 1) return input;
	return undefined;
}

/** Index of the table: mode and pane -> key name -> binding. */
const cache = new Map<string, Map<string, Binding>>();

/** The bindings in effect in a mode and pane, by key name (the most specific scope wins). */
export function keymap(mode: Mode, pane: Pane): Map<string, Binding> {
	const cacheKey = `${mode}/${pane}`;
	let map = cache.get(cacheKey);
	if (!map) {
		map = new Map();
		for (const scope of scopesFor(mode, pane)) {
			for (const binding of BINDINGS) {
				if (binding.scope !== scope) continue;
				for (const key of binding.keys) if (!map.has(key)) map.set(key, binding);
			}
		}
		cache.set(cacheKey, map);
	}
	return map;
}

/** A routed key: the scope whose handler takes it, and the action. */
export type Routed = {scope: Scope; action: ActionName};

/** The scope and action a key names in a mode and pane, if any. */
export function routeKey(mode: Mode, pane: Pane, name: string | undefined): Routed | undefined {
	if (name === undefined) return undefined;
	const binding = keymap(mode, pane).get(name);
	return binding && {scope: binding.scope, action: binding.action};
}

/** The action a key names in a mode and pane, if any. */
export function route(mode: Mode, pane: Pane, name: string | undefined): ActionName | undefined {
	return routeKey(mode, pane, name)?.action;
}

/** Status-bar hints for a mode and pane: `key label` pairs from the bindings that have a hint, most specific first. */
export function hints(mode: Mode, pane: Pane): Array<{key: string; label: string}> {
	const out: Array<{key: string; label: string}> = [];
	for (const scope of scopesFor(mode, pane)) {
		for (const binding of BINDINGS) {
			if (binding.scope === scope && binding.hint && binding.keys[0])
				out.push({key: binding.keys[0], label: binding.hint});
		}
	}
	return out;
}

/** The scope an action is bound in for a mode and pane (the most specific), if any. */
export function scopeOf(mode: Mode, pane: Pane, action: ActionName): Scope | undefined {
	return scopesFor(mode, pane).find(scope => BINDINGS.some(b => b.scope === scope && b.action === action));
}
