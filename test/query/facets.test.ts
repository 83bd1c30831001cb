import {describe, expect, test} from 'vitest';
import {facetQuery, facetsQuery, type Chip} from '../../source/query/index.js';
import {expectWellFormed} from './helpers.js';

const A: Chip = {kind: 'field', field: 'eventName', value: 'A', exclude: false};
const B: Chip = {kind: 'field', field: 'eventName', value: 'B', exclude: false};
const notC: Chip = {kind: 'field', field: 'eventName', value: 'C', exclude: true};
const alice: Chip = {kind: 'field', field: 'principal', value: 'alice', exclude: false};

describe('facetQuery', () => {
	test('no filter: top values, count desc then value, limit + 1', () => {
		const query = facetQuery('deviceId', {chips: []}, 10);
		expectWellFormed(query);
		expect(query).toEqual({
			sql: 'SELECT deviceId AS value, count(*) AS count FROM events GROUP BY deviceId ORDER BY count DESC, value ASC NULLS LAST LIMIT ?',
			params: [11],
		});
	});

	test("leaves out the field's own includes but keeps its excludes and other fields", () => {
		const query = facetQuery('eventName', {chips: [A, alice, B, notC, {kind: 'errors'}]}, 5);
		expectWellFormed(query);
		expect(query.sql).toBe(
			'SELECT eventName AS value, count(*) AS count FROM events WHERE principal = ? AND (eventName IS DISTINCT FROM ?) AND errorCode IS NOT NULL GROUP BY eventName ORDER BY count DESC, value ASC NULLS LAST LIMIT ?',
		);
		expect(query.params).toEqual(['alice', 'C', 6]);
	});

	test("another field's facet applies the includes", () => {
		const query = facetQuery('principal', {chips: [A, alice, B]}, 5);
		expectWellFormed(query);
		expect(query.sql).toContain('WHERE eventName IN (?, ?) GROUP BY principal');
		expect(query.params).toEqual(['A', 'B', 6]);
	});

	test('a limit must be a positive whole number', () => {
		expect(() => facetQuery('eventName', {chips: []}, 0)).toThrow(RangeError);
		expect(() => facetQuery('eventName', {chips: []}, 1.5)).toThrow(RangeError);
	});
});

describe('facetsQuery', () => {
	test('one UNION ALL of the per-field queries, each with its own filter, field index first in the order', () => {
		const state = {chips: [A, alice]};
		const query = facetsQuery(['eventName', 'principal'], state, 5);
		expectWellFormed(query);
		const one = facetQuery('eventName', state, 5);
		const two = facetQuery('principal', state, 5);
		expect(query.sql).toBe(
			`(SELECT 0 AS field, value, count FROM (${one.sql})) UNION ALL (SELECT 1 AS field, value, count FROM (${two.sql})) ORDER BY field, count DESC, value ASC NULLS LAST`,
		);
		expect(query.params).toEqual([...one.params, ...two.params]);
	});

	test('needs a field and a positive whole limit', () => {
		expect(() => facetsQuery([], {chips: []}, 5)).toThrow(RangeError);
		expect(() => facetsQuery(['eventName'], {chips: []}, 0)).toThrow(RangeError);
	});
});
