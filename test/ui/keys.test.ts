import {describe, expect, it} from 'vitest';
import {BINDINGS, PANES, type Mode} from '../../source/ui/keys/bindings.js';
import {hints, keyName, route} from '../../source/ui/keys/router.js';
import {helpLines} from '../../source/ui/panes/help.js';
import {scopesFor} from '../../source/ui/keys/bindings.js';

const MODES: Mode[] = ['browse', 'record', 'prompt', 'help'];

describe('key-binding table', () => {
	it('gives every binding a help text and at least one key', () => {
		for (const binding of BINDINGS) {
			expect(binding.help.trim(), binding.action).not.toBe('');
			expect(binding.keys.length, binding.action).toBeGreaterThan(0);
		}
	});

	it('binds no key twice in one mode and pane', () => {
		for (const mode of MODES) {
			for (const pane of PANES) {
				const seen = new Map<string, string>();
				for (const scope of scopesFor(mode, pane)) {
					for (const binding of BINDINGS.filter(b => b.scope === scope)) {
						for (const key of binding.keys) {
							expect(
								seen.get(key),
								`${mode}/${pane}: ${key} bound to ${seen.get(key)} and ${binding.action}`,
							).toBeUndefined();
							seen.set(key, binding.action);
						}
					}
				}
			}
		}
	});

	it('lets q quit and ? open help from every pane, and Esc leave every mode but browse', () => {
		for (const pane of PANES) {
			expect(route('browse', pane, 'q')).toBe('quit');
			expect(route('browse', pane, '?')).toBe('help');
		}
		expect(route('record', 'events', 'escape')).toBe('back');
		expect(route('prompt', 'events', 'escape')).toBe('prompt-cancel');
		expect(route('help', 'events', 'escape')).toBe('close-help');
		expect(route('prompt', 'events', 'q')).toBeUndefined();
	});

	it('lists every binding in the help and takes status hints from the table', () => {
		const help = helpLines().join('\n');
		for (const binding of BINDINGS) expect(help).toContain(binding.help);
		expect(hints('browse', 'events').map(h => h.label)).toContain('open');
		expect(hints('record', 'events').map(h => h.label)).toEqual(
			expect.arrayContaining(['principal', 'device', '±5m', 'copy record']),
		);
	});
});

describe('keyName', () => {
	it('names keys as the table writes them', () => {
		expect(keyName('j', {})).toBe('j');
		expect(keyName('G', {shift: true})).toBe('G');
		expect(keyName('', {downArrow: true})).toBe('down');
		expect(keyName('', {pageDown: true})).toBe('pagedown');
		expect(keyName('', {return: true})).toBe('enter');
		expect(keyName('', {tab: true, shift: true})).toBe('shift-tab');
		expect(keyName('', {escape: true, meta: true})).toBe('escape');
		expect(keyName('', {delete: true})).toBe('delete');
		expect(keyName('c', {ctrl: true})).toBe('ctrl-c');
		expect(keyName(' ', {})).toBe('space');
		expect(keyName('paste', {})).toBeUndefined();
	});

	it('routes the same key to different actions by pane', () => {
		expect(route('browse', 'facets', 'x')).toBe('exclude');
		expect(route('browse', 'filters', 'x')).toBe('remove-chip');
		expect(route('browse', 'events', 'enter')).toBe('open');
		expect(route('browse', 'facets', 'enter')).toBe('include');
		expect(route('browse', 'timeline', 'enter')).toBe('zoom-in');
	});
});
