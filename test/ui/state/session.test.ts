/**
 * The session kept between runs, as data: what is kept, how it reads back (a hand-edited file restores what is
 * valid), and the screen opening on it.
 */
import {describe, expect, it} from 'vitest';
import type {FilterState} from '../../../source/query/filters.js';
import {openScreen, RESTORED} from '../../../source/ui/state/screen-store.js';
import {
	restoreSession,
	sessionFromJson,
	sessionOf,
	sessionToJson,
	type Session,
} from '../../../source/ui/state/session.js';
import {initialState} from '../../../source/ui/state/state.js';

const FILTER: FilterState = {
	chips: [
		{kind: 'field', field: 'principal', value: 'arn:aws:iam::123456789012:user/ops', exclude: false},
		{kind: 'errors'},
		{kind: 'from', time: new Date('2024-12-03T23:00:00Z'), label: '2024-12-03 23:00Z'},
		{kind: 'until', time: new Date('2024-12-04T00:00:00Z'), label: '2024-12-04 00:00Z'},
	],
};

const SESSION: Session = {
	filter: FILTER,
	zooms: [[], [{kind: 'from', time: new Date('2024-12-03T00:00:00Z'), label: '2024-12-03 00:00Z'}]],
	focus: 'timeline',
	order: 'asc',
	sort: 'deviceId',
	anchor: {eventTime: new Date('2024-12-03T23:38:01Z'), eventID: 'e-41', sortValue: 'G030'},
	direction: 'forward',
	row: 7,
	eventID: 'e-49',
};

describe('the session', () => {
	it('reads back what it wrote, for the same case file only', () => {
		const text = sessionToJson(SESSION, '/cases/acme.duckdb');
		expect(sessionFromJson(text, '/cases/acme.duckdb')).toEqual(SESSION);
		expect(sessionFromJson(text, '/cases/other.duckdb')).toBeUndefined();
		expect(sessionFromJson('not json', '/cases/acme.duckdb')).toBeUndefined();
		expect(sessionFromJson('{"version":2}', '/cases/acme.duckdb')).toBeUndefined();
	});

	it('keeps what is valid in a hand-edited file and drops the rest', () => {
		const edited = {
			...(JSON.parse(sessionToJson(SESSION, '/c.duckdb')) as Record<string, unknown>),
			focus: 'nowhere',
			sort: 'raw',
			row: -3,
			anchor: {eventTime: 'yesterday', eventID: 'e-1'},
			direction: 'backward',
			zooms: [{chips: [{kind: 'bogus'}]}],
		};
		expect(sessionFromJson(JSON.stringify(edited), '/c.duckdb')).toEqual({
			filter: FILTER,
			zooms: [],
			focus: 'events',
			order: 'asc',
			direction: 'forward',
			row: 0,
			eventID: 'e-49',
		});
		const badChip = {...edited, filter: {chips: [{kind: 'field', field: 'raw', value: 'x'}]}};
		expect(sessionFromJson(JSON.stringify(badChip), '/c.duckdb')).toBeUndefined();
	});

	it('is what the screen has now: the filter, zooms, focus, order, sort, page and the event under the cursor', () => {
		let state = restoreSession(initialState(), SESSION);
		const rows = [0, 1, 2, 3, 4, 5, 6, 7].map(i => ({eventID: `e-${42 + i}`, eventTime: new Date(0)}));
		const data = {seq: state.page.seq, rows, data: [], moreBefore: true, moreAfter: true};
		state = {...state, data: {...state.data, page: {key: 'k', data}}};
		expect(sessionOf(state)).toEqual(SESSION);
	});

	it('opens the screen on it (and says so), unless the screen opens on a filter or SQL', () => {
		const opened = openScreen({columns: 100, rows: 30, zone: 'UTC', session: SESSION}).getState();
		expect(opened).toMatchObject({
			filter: FILTER,
			focus: 'timeline',
			order: 'asc',
			table: {sort: 'deviceId'},
			row: 7,
			seek: 'e-49',
			message: RESTORED,
			page: {anchor: SESSION.anchor, direction: 'forward'},
		});
		const view = openScreen({columns: 100, rows: 30, zone: 'UTC', session: SESSION, filter: {chips: []}}).getState();
		expect(view.filter.chips).toEqual([]);
		expect(view.message).toBeUndefined();
		const sql = openScreen({columns: 100, rows: 30, zone: 'UTC', session: SESSION, sql: 'SELECT 1'}).getState();
		expect(sql.filter.chips).toEqual([]);
	});
});
