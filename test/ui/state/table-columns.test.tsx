/**
 * Columns of the events table: choose, order and hide them (sourceIPAddress and errorCode reachable at 120 columns),
 * sort by any shown column. Keys go through the real update; the pane renders what they leave in state.
 */
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {PageData} from '../../../source/ui/model/data.js';
import {EventsPane} from '../../../source/ui/panes/events.js';
import type {ActionName, Scope} from '../../../source/ui/keys/bindings.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';
import {PLAIN_THEME, ThemeContext} from '../../../source/ui/theme.js';
import {fakeEvents} from '../helpers/fake-reader.js';

const press = (state: UiState, ...keys: Array<[Scope, ActionName] | string>): UiState =>
	keys.reduce(
		(s, key) =>
			typeof key === 'string'
				? update(s, {type: 'prompt-input', text: key}).state
				: update(s, {type: 'key', scope: key[0], action: key[1]}).state,
		state,
	);
const EV = (action: ActionName): [Scope, ActionName] => ['events', action];

function heading(state: UiState): string {
	const rows = fakeEvents(5);
	const page: PageData = {seq: 0, data: rows, rows, moreBefore: false, moreAfter: false};
	const {lastFrame, unmount} = render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<EventsPane
				page={{data: page, loading: false}}
				counts={{data: {matching: 5, total: 5}, loading: false}}
				row={0}
				order={state.order}
				focused
				width={state.box.mainWidth}
				pageSize={5}
				zone="UTC"
				table={state.table}
			/>
		</ThemeContext.Provider>,
	);
	const text = lastFrame() ?? '';
	unmount();
	return text;
}

const at120 = () => initialState({chips: []}, {columns: 120, rows: 40});

describe('the events table columns', () => {
	it('at 120 columns sourceIPAddress and errorCode do not fit at first, and + brings either in', () => {
		const start = at120();
		expect(start.box.mainWidth).toBe(83);
		const first = heading(start);
		expect(first).toContain('deviceId');
		expect(first).not.toContain('sourceIPAddress');
		expect(first).not.toContain('errorCode');

		const prompted = press(start, EV('column-show'));
		expect(prompted.mode).toBe('prompt');
		expect(prompted.prompt).toMatchObject({kind: 'column', subject: 'sourceIPAddress errorCode'});
		const wrong = press(prompted, 'nope', ['prompt', 'prompt-submit']);
		expect(wrong.prompt?.error).toBe('type one of: sourceIPAddress, errorCode');
		const shown = press(prompted, 'err', ['prompt', 'prompt-submit']);
		expect(shown.mode).toBe('browse');
		expect(shown.table.cursor).toBe('errorCode');
		const text = heading(shown);
		expect(text).toContain('errorCode');
		expect(text).not.toContain('deviceId'); // it gave its room to the column asked for
		// Each cell of the error rows shows its errorCode.
		expect(text).toContain('AccessDenied');
	});

	it('- hides the column under the cursor, and the next one takes its room; always-shown ones stay', () => {
		let s = press(at120(), EV('column-right'), EV('column-right'));
		expect(s.table.cursor).toBe('principal');
		s = press(s, EV('column-hide'));
		expect(s.message).toMatch(/principal is always shown/);
		s = press(s, EV('column-right'), EV('column-hide'));
		expect(s.table.columns).toEqual(['eventName', 'principal', 'sourceIPAddress', 'errorCode']);
		const text = heading(s);
		expect(text).toContain('sourceIPAddress');
		expect(text).not.toContain('deviceId');
		expect(s.message).toBe('hid deviceId; + shows it again');
	});

	it('< and > move a column; the time column stays first', () => {
		let s = press(at120(), EV('column-right'), EV('column-move-right'));
		expect(s.table.columns.slice(0, 2)).toEqual(['principal', 'eventName']);
		expect(heading(s)).toMatch(/time UTC\s+principal\s+eventName/);
		s = press(s, EV('column-move-left'), EV('column-move-left'));
		expect(s.table.columns.slice(0, 2)).toEqual(['eventName', 'principal']);
		expect(press(at120(), EV('column-move-right')).table).toEqual(at120().table);
	});

	it('[ and ] sort by the column under the cursor (a new page request), on the time column by time', () => {
		const s = press(at120(), EV('column-right'), EV('sort-ascending'));
		expect(s.table.sort).toBe('eventName');
		expect(s.order).toBe('asc');
		expect(s.page.seq).toBeGreaterThan(at120().page.seq);
		expect(heading(s)).toContain('by eventName A-Z');
		expect(heading(s)).toContain('eventName↑');
		const flipped = press(s, EV('toggle-order'));
		expect(heading(flipped)).toContain('by eventName Z-A');
		const byTime = press(s, EV('column-left'), EV('sort-descending'));
		expect(byTime.table.sort).toBeUndefined();
		expect(heading(byTime)).toContain('newest first');
	});
});

describe('the frequency view keys', () => {
	it('# opens the column under the cursor (not the time), Enter includes the value, Esc closes unchanged', () => {
		const start = at120();
		expect(press(start, EV('frequency')).message).toMatch(/timeline counts events by time/);
		const open = press(start, EV('column-right'), EV('frequency'));
		expect(open).toMatchObject({mode: 'frequency', frequency: {field: 'eventName', cursor: 0}});
		const values = [
			{value: 'ListDevices', count: 7},
			{value: null, count: 2},
		];
		const arrived = update(open, {
			type: 'frequency-loaded',
			key: 'k',
			data: {field: 'eventName', values, more: false},
		}).state;
		const down = press(arrived, ['frequency', 'down'], ['frequency', 'down']);
		expect(down.frequency?.cursor).toBe(1);
		const included = press(down, ['frequency', 'include']);
		expect(included).toMatchObject({mode: 'browse', focus: 'events', frequency: undefined});
		expect(included.filter.chips).toEqual([{kind: 'field', field: 'eventName', value: null, exclude: false}]);
		const closed = press(arrived, ['frequency', 'frequency-close']);
		expect(closed.mode).toBe('browse');
		expect(closed.filter).toEqual(start.filter);
	});
});
