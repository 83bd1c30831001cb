import {describe, expect, test} from 'vitest';
import {countQuery, pageQuery, recordQuery, takePage, type Chip} from '../../source/query/index.js';
import {expectWellFormed} from './helpers.js';

const COLUMNS = 'eventID, eventTime, eventName, principal, deviceId, sourceIPAddress, errorCode, awsRegion, accountId';
const cursor = {eventTime: new Date('2024-12-03T23:38:05Z'), eventID: 'e-42'};
const A: Chip = {kind: 'field', field: 'eventName', value: 'A', exclude: false};

describe('pageQuery', () => {
	test('first page, newest first, limit + 1', () => {
		const query = pageQuery({chips: []}, {order: 'desc', limit: 50});
		expectWellFormed(query);
		expect(query).toEqual({
			sql: `SELECT ${COLUMNS} FROM events ORDER BY eventTime DESC, eventID DESC LIMIT ?`,
			params: [51],
		});
		expect(query.sql).not.toMatch(/OFFSET/i);
	});

	test('desc continues with < after the cursor (and a plain eventTime bound the scan can prune by)', () => {
		const query = pageQuery({chips: []}, {order: 'desc', limit: 2, after: cursor});
		expectWellFormed(query);
		expect(query).toEqual({
			sql: `SELECT ${COLUMNS} FROM events WHERE eventTime <= ? AND (eventTime, eventID) < (?, ?) ORDER BY eventTime DESC, eventID DESC LIMIT ?`,
			params: [cursor.eventTime, cursor.eventTime, 'e-42', 3],
		});
	});

	test('asc continues with > after the cursor', () => {
		const query = pageQuery({chips: []}, {order: 'asc', limit: 2, after: cursor});
		expectWellFormed(query);
		expect(query).toEqual({
			sql: `SELECT ${COLUMNS} FROM events WHERE eventTime >= ? AND (eventTime, eventID) > (?, ?) ORDER BY eventTime ASC, eventID ASC LIMIT ?`,
			params: [cursor.eventTime, cursor.eventTime, 'e-42', 3],
		});
	});

	test('the cursor ANDs with the filter, its params after the filter', () => {
		const query = pageQuery({chips: [A, {kind: 'text', text: 'Q'}]}, {order: 'desc', limit: 10, after: cursor});
		expectWellFormed(query);
		expect(query.sql).toContain(
			'WHERE eventName = ? AND contains(lower(CAST(raw AS VARCHAR)), ?) AND eventTime <= ? AND (eventTime, eventID) < (?, ?) ORDER BY',
		);
		expect(query.params).toEqual(['A', 'q', cursor.eventTime, cursor.eventTime, 'e-42', 11]);
	});

	test('bad limits and cursors throw', () => {
		expect(() => pageQuery({chips: []}, {order: 'desc', limit: 0})).toThrow(RangeError);
		expect(() =>
			pageQuery({chips: []}, {order: 'desc', limit: 1, after: {eventTime: new Date(Number.NaN), eventID: 'x'}}),
		).toThrow(/invalid date/);
	});
});

describe('takePage', () => {
	const rows = [1, 2, 3].map(i => ({eventTime: new Date(Date.UTC(2024, 11, 3, 0, 0, 10 - i)), eventID: `e${i}`}));

	test('limit + 1 rows: more follow, cursor at the last row shown', () => {
		const page = takePage(rows, 2);
		expect(page.rows).toEqual(rows.slice(0, 2));
		expect(page.more).toBe(true);
		expect(page.next).toEqual({eventTime: rows[1]!.eventTime, eventID: 'e2'});
	});

	test('limit rows or fewer: the end', () => {
		expect(takePage(rows, 3)).toEqual({rows, more: false});
		expect(takePage([], 3)).toEqual({rows: [], more: false});
	});
});

test('countQuery', () => {
	expect(countQuery({chips: []})).toEqual({sql: 'SELECT count(*) AS count FROM events', params: []});
	const query = countQuery({chips: [A, {kind: 'errors'}]});
	expectWellFormed(query);
	expect(query).toEqual({
		sql: 'SELECT count(*) AS count FROM events WHERE eventName = ? AND errorCode IS NOT NULL',
		params: ['A'],
	});
});

test('recordQuery binds the eventID', () => {
	const query = recordQuery("x' OR '1'='1");
	expectWellFormed(query);
	expect(query).toEqual({sql: 'SELECT * FROM events WHERE eventID = ?', params: ["x' OR '1'='1"]});
});

test('recordQuery with the eventTime compares the time first, both bound', () => {
	const time = new Date('2024-12-03T23:38:00Z');
	const query = recordQuery('e-1', time);
	expectWellFormed(query);
	expect(query).toEqual({sql: 'SELECT * FROM events WHERE eventTime = ? AND eventID = ?', params: [time, 'e-1']});
	expect(() => recordQuery('e-1', new Date(Number.NaN))).toThrow(RangeError);
});

describe('pageQuery sorted by a column', () => {
	test('orders by the column (missing as empty text), then time and eventID; continues after all three', () => {
		const query = pageQuery(
			{chips: []},
			{order: 'asc', limit: 2, sort: 'deviceId', after: {...cursor, sortValue: 'G0'}},
		);
		expectWellFormed(query);
		expect(query).toEqual({
			sql: `SELECT ${COLUMNS} FROM events WHERE (coalesce(deviceId, ''), eventTime, eventID) > (?, ?, ?) ORDER BY coalesce(deviceId, '') ASC, eventTime ASC, eventID ASC LIMIT ?`,
			params: ['G0', cursor.eventTime, 'e-42', 3],
		});
		expect(() => pageQuery({chips: []}, {order: 'asc', limit: 2, sort: 'raw' as never})).toThrow(/Unknown sort/);
	});
});
