import {describe, expect, it} from 'vitest';
import {
	compactJson,
	findForms,
	findNearQuery,
	findQuery,
	pageMatchesQuery,
	positionQuery,
} from '../../source/query/find.js';
import {expectWellFormed} from './helpers.js';

const cursor = {eventTime: new Date('2024-12-03T10:00:00Z'), eventID: 'e-1'};

describe('the find rule', () => {
	it('drops the whitespace JSON allows between tokens, outside quoted strings only', () => {
		expect(compactJson('"enabled": false')).toBe('"enabled":false');
		expect(compactJson('{ "a" : [ 1 , 2 ] }')).toBe('{"a":[1,2]}');
		expect(compactJson('"a": "Smith, John"')).toBe('"a":"Smith, John"');
		// A piece of JSON typed from inside a string: the first quote closes it.
		expect(compactJson('John", "b": 1', true)).toBe('John","b":1');
		expect(compactJson('Windows NT 10.0')).toBe('Windows NT 10.0');
		expect(compactJson('"x\\" , y": 1')).toBe('"x\\" , y":1');
	});

	it('looks for the text as typed and in its compact forms, in lower case, each once', () => {
		expect(findForms('"Enabled": False')).toEqual(['"enabled": false', '"enabled":false']);
		expect(findForms('AccessDenied')).toEqual(['accessdenied']);
		expect(findForms('John", "b"')).toEqual(['john", "b"', 'john","b"']);
		expect(findForms('   ')).toEqual(['   ']);
	});
});

describe('find queries', () => {
	it('the next match after the cursor, in the table order, every value bound', () => {
		const query = findQuery({chips: [{kind: 'errors'}]}, "x'); DROP TABLE events; --", {
			order: 'desc',
			from: cursor,
			direction: 'next',
			inclusive: false,
		});
		expectWellFormed({...query, sql: query.sql});
		expect(query.sql).not.toContain('DROP');
		// The record's text minified when it was stored with spaces (JSON lines, a pretty-printed object).
		expect(query.sql).toContain(
			`regexp_matches(CASE WHEN contains(CAST(raw AS VARCHAR), '": ') THEN CAST(json(raw) AS VARCHAR) ELSE CAST(raw AS VARCHAR) END, ?)`,
		);
		// One scan: the rows past the cursor first, then (wrapping around) the rest.
		expect(query.sql).toContain('(eventTime <= ? AND (eventTime, eventID) < (?, ?)) AS ahead');
		expect(query.sql).toMatch(/ORDER BY ahead DESC, eventTime DESC, eventID DESC LIMIT 1$/);
		// One case-insensitive pattern, the text's punctuation escaped so that it matches literally.
		expect(query.params).toEqual([
			cursor.eventTime,
			cursor.eventTime,
			'e-1',
			"(?i)x\\'\\)\\; drop table events\\; \\-\\-",
		]);
	});

	it('previous looks the other way; the first find of a text may stop on the cursor row', () => {
		const query = findQuery({chips: []}, 'a', {
			order: 'desc',
			from: cursor,
			direction: 'previous',
			inclusive: true,
			sort: 'principal',
		});
		expect(query.sql).toContain("((coalesce(principal, ''), eventTime, eventID) >= (?, ?, ?)) AS ahead");
		expect(query.sql).toMatch(
			/ORDER BY ahead DESC, coalesce\(principal, ''\) ASC, eventTime ASC, eventID ASC LIMIT 1$/,
		);
		expect(query.params).toEqual(['', cursor.eventTime, 'e-1', '(?i)a']);
	});

	it('near the cursor first: only the events within reach in the direction looked, by time', () => {
		const reach = new Date('2024-12-01T00:00:00Z');
		const query = findNearQuery({chips: []}, 'a', {
			order: 'desc',
			direction: 'next',
			inclusive: false,
			from: cursor,
			reach,
		});
		expectWellFormed(query);
		expect(query.sql).toContain(
			'WHERE eventTime >= ? AND eventTime <= ? AND (eventTime, eventID) < (?, ?) AND regexp_matches(',
		);
		expect(query.params).toEqual([reach, cursor.eventTime, cursor.eventTime, 'e-1', '(?i)a']);
		const up = findNearQuery({chips: []}, 'a', {
			order: 'desc',
			direction: 'previous',
			inclusive: false,
			from: cursor,
			reach,
		});
		expect(up.sql).toContain('WHERE eventTime <= ? AND eventTime >= ? AND (eventTime, eventID) > (?, ?)');
		expect(() =>
			findNearQuery({chips: []}, 'a', {
				order: 'desc',
				direction: 'next',
				inclusive: false,
				from: cursor,
				reach,
				sort: 'principal',
			}),
		).toThrow(RangeError);
	});

	it('the position counts the rows before the match; page matches look only at the page rows', () => {
		const position = positionQuery({chips: []}, cursor, 'desc');
		expectWellFormed(position);
		expect(position.sql).toBe(
			'SELECT count(*) AS count FROM events WHERE eventTime >= ? AND (eventTime, eventID) > (?, ?)',
		);
		const matches = pageMatchesQuery('"a": 1', [cursor, {eventTime: new Date('2024-12-03T09:00:00Z'), eventID: 'e-2'}]);
		expectWellFormed(matches);
		expect(matches.params).toEqual([
			new Date('2024-12-03T09:00:00Z'),
			cursor.eventTime,
			'e-1',
			'e-2',
			'(?i)\\"a\\"\\: 1|\\"a\\"\\:1',
		]);
	});
});
