/**
 * The help's text fits the terminal it is drawn on (wrapped under its keys, nothing cut) and scrolls to its end.
 */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {BINDINGS} from '../../source/ui/keys/bindings.js';
import {helpLines, KEY_COLUMN} from '../../source/ui/help-text.js';
import {initialState, type UiState} from '../../source/ui/state/state.js';
import {update} from '../../source/ui/state/update.js';

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('help text', () => {
	it.each([80, 100, 60])('at %i columns: every line fits whole and every binding is listed', width => {
		const lines = helpLines(width);
		for (const line of lines) {
			expect(stringWidth(line), line).toBeLessThanOrEqual(width);
			expect(line.endsWith('…'), line).toBe(false);
		}
		const text = squeeze(lines.join(' '));
		for (const binding of BINDINGS) expect(text).toContain(squeeze(binding.help));
		// Continuation lines sit under the text, not under the keys.
		expect(lines.filter(line => line.startsWith(' '.repeat(KEY_COLUMN + 3))).length).toBeGreaterThan(0);
	});

	it('scrolls by line and page, stops at its last line, and g/G go to either end', () => {
		const press = (state: UiState, action: Parameters<typeof update>[1] & {type: 'key'}) => update(state, action).state;
		const key = (action: 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom') =>
			({type: 'key', scope: 'help', action}) as const;
		let s = press(initialState(undefined, {columns: 80, rows: 24}), {type: 'key', scope: 'global', action: 'help'});
		expect(s).toMatchObject({mode: 'help', helpTop: 0});
		const page = s.box.bodyHeight - 1;
		const last = helpLines(80).length - page;
		expect(last).toBeGreaterThan(page);
		s = press(s, key('page-down'));
		expect(s.helpTop).toBe(page);
		s = press(press(s, key('down')), key('up'));
		expect(s.helpTop).toBe(page);
		s = press(s, key('bottom'));
		expect(s.helpTop).toBe(last);
		expect(press(s, key('down')).helpTop).toBe(last);
		expect(press(s, key('page-down')).helpTop).toBe(last);
		expect(press(s, key('top')).helpTop).toBe(0);
		expect(press(press(s, key('top')), key('page-up')).helpTop).toBe(0);
		expect(press(s, {type: 'key', scope: 'help', action: 'close-help'}).mode).toBe('browse');
	});
});
