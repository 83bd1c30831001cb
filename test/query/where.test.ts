import {describe, expect, test} from 'vitest';
import {buildWhere, FACET_FIELDS, type Chip, type FilterState} from '../../source/query/index.js';
import {expectWellFormed} from './helpers.js';

const field = (
	name: Chip & {kind: 'field'} extends {field: infer F} ? F : never,
	value: string | null,
	exclude = false,
): Chip => ({
	kind: 'field',
	field: name,
	value,
	exclude,
});

function where(...chips: Chip[]) {
	const query = buildWhere({chips});
	expectWellFormed(query);
	return query;
}

describe('buildWhere, one chip of each kind', () => {
	test('no chips: empty', () => {
		expect(buildWhere({chips: []})).toEqual({sql: '', params: []});
	});

	test('field include', () => {
		expect(where(field('eventName', 'ListDevices'))).toEqual({sql: 'WHERE eventName = ?', params: ['ListDevices']});
	});

	test('field exclude', () => {
		expect(where(field('principal', 'arn:x', true))).toEqual({
			sql: 'WHERE (principal IS DISTINCT FROM ?)',
			params: ['arn:x'],
		});
	});

	test('null include and exclude', () => {
		expect(where(field('deviceId', null))).toEqual({sql: 'WHERE deviceId IS NULL', params: []});
		expect(where(field('deviceId', null, true))).toEqual({sql: 'WHERE deviceId IS NOT NULL', params: []});
	});

	test('from is inclusive, until exclusive, bound as Date', () => {
		const a = new Date('2024-12-03T23:28:00Z');
		const b = new Date('2024-12-04T00:00:00Z');
		const query = where({kind: 'from', time: a, label: 'x'}, {kind: 'until', time: b, label: 'y'});
		expect(query).toEqual({sql: 'WHERE eventTime >= ? AND eventTime < ?', params: [a, b]});
		expect(query.params[0]).toBeInstanceOf(Date);
	});

	test('errors', () => {
		expect(where({kind: 'errors'})).toEqual({sql: 'WHERE errorCode IS NOT NULL', params: []});
	});

	test('text: case-insensitive substring of raw, the lowered text bound', () => {
		expect(where({kind: 'text', text: 'G030ABC'})).toEqual({
			sql: 'WHERE contains(lower(CAST(raw AS VARCHAR)), ?)',
			params: ['g030abc'],
		});
	});

	test.each(FACET_FIELDS)('every facet field names its own column: %s', name => {
		expect(where(field(name, 'v')).sql).toBe(`WHERE ${name} = ?`);
	});

	test('an unknown field from untyped input throws rather than reaching SQL', () => {
		const chips = [{kind: 'field', field: 'raw) OR (1=1', value: 'x', exclude: false}] as unknown as Chip[];
		expect(() => buildWhere({chips})).toThrow(/Unknown filter field/);
	});

	test('an invalid date throws', () => {
		expect(() => buildWhere({chips: [{kind: 'from', time: new Date(Number.NaN), label: 'x'}]})).toThrow(/invalid date/);
	});
});

describe('buildWhere, combinations', () => {
	test('includes of one field OR together as IN, in chip order', () => {
		expect(where(field('eventName', 'A'), field('eventName', 'B'), field('eventName', 'C'))).toEqual({
			sql: 'WHERE eventName IN (?, ?, ?)',
			params: ['A', 'B', 'C'],
		});
	});

	test('a null among includes ORs with IS NULL', () => {
		expect(where(field('deviceId', 'G1'), field('deviceId', null), field('deviceId', 'G2'))).toEqual({
			sql: 'WHERE (deviceId IN (?, ?) OR deviceId IS NULL)',
			params: ['G1', 'G2'],
		});
		expect(where(field('deviceId', 'G1'), field('deviceId', null))).toEqual({
			sql: 'WHERE (deviceId = ? OR deviceId IS NULL)',
			params: ['G1'],
		});
	});

	test('different fields AND; includes are grouped where the field first appears', () => {
		const query = where(
			field('eventName', 'A'),
			field('principal', 'p1'),
			field('eventName', 'B'),
			field('principal', 'p2', true),
			{kind: 'errors'},
		);
		expect(query).toEqual({
			sql: 'WHERE eventName IN (?, ?) AND principal = ? AND (principal IS DISTINCT FROM ?) AND errorCode IS NOT NULL',
			params: ['A', 'B', 'p1', 'p2'],
		});
	});

	test('excludes AND NOT, each its own condition', () => {
		expect(where(field('eventName', 'A', true), field('eventName', 'B', true))).toEqual({
			sql: 'WHERE (eventName IS DISTINCT FROM ?) AND (eventName IS DISTINCT FROM ?)',
			params: ['A', 'B'],
		});
	});

	test('params follow placeholders through every kind', () => {
		const t1 = new Date('2024-12-01T00:00:00Z');
		const t2 = new Date('2024-12-02T00:00:00Z');
		const state: FilterState = {
			chips: [
				{kind: 'text', text: 'One'},
				{kind: 'from', time: t1, label: ''},
				field('awsRegion', 'us-east-1'),
				field('errorCode', 'AccessDenied', true),
				{kind: 'until', time: t2, label: ''},
				{kind: 'text', text: 'Two'},
				field('awsRegion', 'eu-west-1'),
			],
		};
		const query = buildWhere(state);
		expectWellFormed(query);
		expect(query.sql).toBe(
			'WHERE contains(lower(CAST(raw AS VARCHAR)), ?) AND eventTime >= ? AND awsRegion IN (?, ?) AND (errorCode IS DISTINCT FROM ?) AND eventTime < ? AND contains(lower(CAST(raw AS VARCHAR)), ?)',
		);
		expect(query.params).toEqual(['one', t1, 'us-east-1', 'eu-west-1', 'AccessDenied', t2, 'two']);
	});

	test("omitIncludesOf drops that field's includes but keeps its excludes", () => {
		const query = buildWhere(
			{chips: [field('eventName', 'A'), field('eventName', 'B', true), field('principal', 'p')]},
			{omitIncludesOf: 'eventName'},
		);
		expect(query).toEqual({sql: 'WHERE (eventName IS DISTINCT FROM ?) AND principal = ?', params: ['B', 'p']});
	});
});
