/**
 * The inventory (D) and a device's dossier in state and on their panes: the list's rows and markers, D as of the end
 * of the time filter, moving, Enter on a device, Enter on a dossier event, Esc one level at a time, the record's
 * device pivot from there; the change section's text.
 */
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {Change} from '../../../source/inventory/change.js';
import type {Dossier} from '../../../source/inventory/dossier.js';
import type {Inventory, SetBy} from '../../../source/inventory/types.js';
import {changeHeight, changeText, inventoryRows, type InventoryView} from '../../../source/ui/model/inventory.js';
import {DossierPane, InventoryPane} from '../../../source/ui/panes/inventory.js';
import {recordData} from '../../../source/ui/reads/record.js';
import type {UiAction} from '../../../source/ui/state/actions.js';
import {dataKeys, recordBodyHeight} from '../../../source/ui/state/data-keys.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';
import {PLAIN_THEME, ThemeContext} from '../../../source/ui/theme.js';

const by = (eventID: string): SetBy => ({eventID, eventTime: '2024-12-03T10:00:00.000000Z', principal: 'arn:p'});
const placement = (placementName: string, state: 'active' | 'deleted', devices: string[] = []) => ({
	placementName,
	state,
	attributes: {location: placementName},
	devices: devices.map(deviceId => ({deviceTemplateName: 'button', deviceId, associatedBy: by(`a-${deviceId}`)})),
	createdBy: by('c'),
	deletedBy: state === 'deleted' ? by('d') : null,
	attributesSetBy: by('c'),
});
const device = (deviceId: string, enabled: boolean | null) => ({
	deviceId,
	enabled,
	enabledSetBy: enabled === null ? null : by(`e-${deviceId}`),
	placement: null,
	claimed: null,
	lastEvent: {...by('l'), eventName: 'UpdateDeviceState'},
});
const inventory: Inventory = {
	at: '2024-12-04T00:00:00.000000Z',
	projects: [
		{
			accountId: '111122223333',
			awsRegion: 'us-east-1',
			projectName: 'front-desk',
			state: 'active',
			createdBy: by('c'),
			deletedBy: null,
			placements: [placement('dock', 'deleted'), placement('lobby', 'active', ['G1', 'G2'])],
		},
		{
			accountId: '111122223333',
			awsRegion: 'us-east-1',
			projectName: 'old',
			state: 'deleted',
			createdBy: null,
			deletedBy: by('x'),
			placements: [],
		},
	],
	devices: [device('G1', false), device('G2', true), device('G3', null)],
};
const view: InventoryView = {inventory, rows: inventoryRows(inventory), until: null};
const dossier: Dossier = {
	deviceId: 'G1',
	events: [
		{...by('ev-1'), eventName: 'UpdateDeviceState', errorCode: 'AccessDenied', after: {...device('G1', null)}},
		{
			...by('ev-2'),
			eventTime: '2024-12-03T10:05:00.000000Z',
			eventName: 'UpdateDeviceState',
			errorCode: null,
			after: device('G1', false),
		},
	],
};

const run = (state: UiState, ...actions: UiAction[]) => actions.reduce((s, a) => update(s, a).state, state);
const key = (scope: 'browse' | 'inventory' | 'dossier' | 'record', action: string) =>
	({type: 'key', scope, action}) as UiAction;
const withData = (state: UiState): UiState => ({
	...state,
	data: {
		...state.data,
		inventory: {key: 'null', data: view},
		dossier: {key: JSON.stringify('G1'), data: dossier},
	},
});

describe('the inventory rows', () => {
	it('indents placements under projects and devices under placements, marks deleted and disabled in text', () => {
		expect(view.rows.map(r => `${'  '.repeat(r.depth)}${r.text}${r.marked ? ' *' : ''}`)).toEqual([
			'project front-desk · 111122223333 us-east-1',
			'  [DELETED] placement dock · {"location":"dock"} *',
			'  placement lobby · {"location":"lobby"}',
			'    button: G1 · [DISABLED] *',
			'    button: G2 · enabled',
			'[DELETED] project old · 111122223333 us-east-1 *',
			'devices in no placement (1)',
			'  G3 · enabled unknown',
		]);
	});

	it('renders the list with the cursor row, the markers readable without colour', () => {
		const {lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<InventoryPane inventory={{data: view, loading: false}} cursor={3} width={100} height={12} zone="UTC" />
			</ThemeContext.Provider>,
		);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('inventory after the newest event (2024-12-04 00:00:00 UTC) · 2 projects · 3 devices');
		expect(frame).toContain('›     button: G1 · [DISABLED]');
		expect(frame).toContain('[DELETED] project old');
		unmount();
	});

	it('renders a dossier: each event with the state after it, failed calls named', () => {
		const {lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<DossierPane dossier={{data: dossier, loading: false}} cursor={1} width={140} height={6} zone="UTC" />
			</ThemeContext.Provider>,
		);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('dossier of device G1 · 2 events, oldest first');
		expect(frame).toContain(
			'  2024-12-03 10:00:00 UTC UpdateDeviceState · FAILED AccessDenied → enabled unknown · no placement · claim unknown · by arn:p',
		);
		expect(frame).toContain(
			'› 2024-12-03 10:05:00 UTC UpdateDeviceState → [DISABLED] · no placement · claim unknown · by arn:p',
		);
		unmount();
	});
});

describe('the inventory in state', () => {
	it('D opens it as of the end of the time filter, or after the newest event', () => {
		const plain = run(initialState(), key('browse', 'open-inventory'));
		expect(plain.mode).toBe('inventory');
		expect(plain.inventory).toEqual({cursor: 0});
		expect(dataKeys(plain).inventory).toBe('null');
		const until = new Date('2024-12-03T23:00:00Z');
		const filtered = initialState({chips: [{kind: 'until', time: until, label: 'until=2024-12-03T23:00Z'}]});
		const opened = run(filtered, key('browse', 'open-inventory'));
		expect(opened.inventory?.until).toBe('2024-12-03T23:00:00.000000Z');
		expect(dataKeys(opened).inventory).toBe(JSON.stringify('2024-12-03T23:00:00.000000Z'));
	});

	it('moves with j/k/G/g/PgDn; Enter on a device opens its dossier, elsewhere says so', () => {
		const state = withData(run(initialState(), key('browse', 'open-inventory')));
		expect(run(state, key('inventory', 'bottom')).inventory?.cursor).toBe(7);
		expect(run(state, key('inventory', 'bottom'), key('inventory', 'top')).inventory?.cursor).toBe(0);
		expect(run(state, key('inventory', 'page-down')).inventory?.cursor).toBe(7);
		expect(run(state, key('inventory', 'down'), key('inventory', 'up')).inventory?.cursor).toBe(0);
		expect(run(state, key('inventory', 'open')).message).toBe('Enter on a device opens its dossier');
		const opened = run(state, key('inventory', 'down'), key('inventory', 'down'), key('inventory', 'down'));
		const dossierState = run(opened, key('inventory', 'open'));
		expect(dossierState.mode).toBe('dossier');
		expect(dossierState.inventory).toEqual({cursor: 3, dossier: {deviceId: 'G1', cursor: 0}});
		expect(dataKeys(dossierState).dossier).toBe(JSON.stringify('G1'));
	});

	it('Enter on a dossier event opens its record; Esc goes back one level: record, dossier, inventory, browse', () => {
		const inDossier = withData({
			...initialState(),
			mode: 'dossier',
			inventory: {cursor: 3, dossier: {deviceId: 'G1', cursor: 0}},
		});
		const record = run(inDossier, key('dossier', 'down'), key('dossier', 'open'));
		expect(record.mode).toBe('record');
		expect(record.record).toMatchObject({eventID: 'ev-2', back: 'dossier', line: 0});
		expect(record.record?.eventTime?.toISOString()).toBe('2024-12-03T10:05:00.000Z');
		const back1 = run(record, key('record', 'back'));
		expect(back1.mode).toBe('dossier');
		expect(back1.inventory?.dossier?.cursor).toBe(1);
		const back2 = run(back1, key('dossier', 'back'));
		expect(back2.mode).toBe('inventory');
		expect(back2.inventory).toEqual({cursor: 3});
		const back3 = run(back2, key('inventory', 'back'));
		expect(back3.mode).toBe('browse');
		expect(back3.inventory).toBeUndefined();
	});

	it("keeps the record's device pivot (d) working from a dossier's record", () => {
		const inDossier = withData({
			...initialState(),
			mode: 'dossier',
			inventory: {cursor: 3, dossier: {deviceId: 'G1', cursor: 1}},
		});
		const record = run(inDossier, key('dossier', 'open'));
		const row = {eventID: 'ev-2', eventTime: new Date('2024-12-03T10:05:00Z'), deviceId: 'G1', principal: 'arn:p'};
		const data = recordData({row, raw: row});
		const shown = {...record, data: {...record.data, record: {key: 'k', data}}};
		const pivoted = run(shown, key('record', 'pivot-deviceId'));
		expect(pivoted.mode).toBe('browse');
		expect(pivoted.filter.chips).toEqual([{kind: 'field', field: 'deviceId', value: 'G1', exclude: false}]);
	});
});

describe('the change section', () => {
	const change: Change = {
		eventID: 'ev-2',
		eventName: 'UpdateDeviceState',
		failed: null,
		lines: [
			{fact: 'enabled', before: {value: 'true', by: by('ev-1')}, after: 'false'},
			{fact: 'claimed', before: null, after: 'claimed'},
		],
	};

	it('names the event that set each "before", or says it is not in the evidence; a failed call changed nothing', () => {
		expect(changeText(change)).toEqual([
			'enabled: true -> false · before set by ev-1 at 2024-12-03T10:00:00.000000Z by arn:p',
			'claimed: ? -> claimed · before: not in the evidence',
		]);
		expect(changeText({...change, failed: 'AccessDenied', lines: []})).toEqual([
			'failed (AccessDenied): this call changed nothing',
		]);
		expect(changeText(null)).toEqual([]);
		const again = {...change, lines: [{fact: 'enabled', before: {value: 'false', by: by('ev-1')}, after: 'false'}]};
		expect(changeText(again)[0]).toMatch(/^enabled: false -> false \(unchanged\) · before set by ev-1 /);
	});

	it("takes its lines from the record view's JSON, only for the record on screen", () => {
		const state: UiState = {...initialState(), mode: 'record', record: {eventID: 'ev-2', line: 0, top: 0}};
		const full = state.box.recordHeight;
		expect(recordBodyHeight(state)).toBe(full);
		const shown = {...state, data: {...state.data, change: {key: 'k', data: change}}};
		expect(changeHeight(change, full)).toBe(3);
		expect(recordBodyHeight(shown)).toBe(full - 3);
		const other = {...shown, record: {eventID: 'another', line: 0, top: 0}};
		expect(recordBodyHeight(other)).toBe(full);
	});
});
