import {describe, expect, test} from 'vitest';
import {filterAsSql, inlineParams, sqlLiteral, type FilterState} from '../../source/query/index.js';

describe('sqlLiteral', () => {
	test.each([
		['plain', "'plain'"],
		["it's", "'it''s'"],
		["' OR 1=1 --", "''' OR 1=1 --'"],
		["''", "''''''"],
		['back\\slash', "'back\\slash'"],
		['', "''"],
		['a\0b', "('a' || chr(0) || 'b')"],
		['\0', "('' || chr(0) || '')"],
	])('%j -> %s', (value, literal) => {
		expect(sqlLiteral(value)).toBe(literal);
	});

	test('dates as TIMESTAMPTZ in UTC, milliseconds when present', () => {
		expect(sqlLiteral(new Date('2024-12-03T23:38:05Z'))).toBe("TIMESTAMPTZ '2024-12-03 23:38:05+00'");
		expect(sqlLiteral(new Date('2024-12-03T23:38:05.007Z'))).toBe("TIMESTAMPTZ '2024-12-03 23:38:05.007+00'");
		expect(() => sqlLiteral(new Date(Number.NaN))).toThrow(RangeError);
	});

	test('numbers and booleans', () => {
		expect(sqlLiteral(51)).toBe('51');
		expect(sqlLiteral(true)).toBe('TRUE');
		expect(sqlLiteral(false)).toBe('FALSE');
		expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('inlineParams', () => {
	test('replaces placeholders in order, and a ? inside a value stays put', () => {
		expect(
			inlineParams({sql: 'SELECT * FROM events WHERE a = ? AND b IN (?, ?) LIMIT ?', params: ['?', "x'y", 'z', 3]}),
		).toBe("SELECT * FROM events WHERE a = '?' AND b IN ('x''y', 'z') LIMIT 3");
	});

	test('a count mismatch throws', () => {
		expect(() => inlineParams({sql: 'SELECT ?', params: []})).toThrow(/1 placeholders but 0 parameters/);
	});
});

describe('filterAsSql', () => {
	test('no chips', () => {
		expect(filterAsSql({chips: []})).toBe('SELECT *\nFROM events\nORDER BY eventTime DESC, eventID DESC;');
	});

	test('every kind of chip, readable, values quoted', () => {
		const state: FilterState = {
			chips: [
				{kind: 'field', field: 'eventName', value: 'CreateProject', exclude: false},
				{kind: 'field', field: 'eventName', value: "Delete'Project", exclude: false},
				{kind: 'field', field: 'principal', value: 'arn:aws:iam::1:user/x', exclude: true},
				{kind: 'field', field: 'deviceId', value: null, exclude: true},
				{kind: 'from', time: new Date('2024-12-03T23:28:00Z'), label: '2024-12-03 23:28Z'},
				{kind: 'until', time: new Date('2024-12-04T00:00:00Z'), label: '2024-12-04'},
				{kind: 'errors'},
				{kind: 'text', text: "O'Brien"},
			],
		};
		expect(filterAsSql(state)).toBe(
			[
				'SELECT *',
				'FROM events',
				"WHERE eventName IN ('CreateProject', 'Delete''Project')",
				"  AND (principal IS DISTINCT FROM 'arn:aws:iam::1:user/x')",
				'  AND deviceId IS NOT NULL',
				"  AND eventTime >= TIMESTAMPTZ '2024-12-03 23:28:00+00'",
				"  AND eventTime < TIMESTAMPTZ '2024-12-04 00:00:00+00'",
				'  AND errorCode IS NOT NULL',
				"  AND contains(lower(CAST(raw AS VARCHAR)), 'o''brien')",
				'ORDER BY eventTime DESC, eventID DESC;',
			].join('\n'),
		);
	});

	test('a value holding ? or -- stays inside its literal', () => {
		const sql = filterAsSql({chips: [{kind: 'field', field: 'userAgent', value: "? '--", exclude: false}]});
		expect(sql).toContain("WHERE userAgent = '? ''--'");
	});
});
