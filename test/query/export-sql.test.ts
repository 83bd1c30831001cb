import {describe, expect, it} from 'vitest';
import {copyStatement, exportFormatFor, exportSelect} from '../../source/query/export-sql.js';
import {filterFromJson, filterToJson} from '../../source/query/filter-json.js';
import type {FilterState} from '../../source/query/filters.js';
import {filterViewQuery} from '../../source/query/view-query.js';

describe('export SQL', () => {
	it('quotes the path as a literal (quotes doubled) and refuses NUL', () => {
		expect(copyStatement('SELECT 1;', "/tmp/o'x.csv", 'csv')).toBe(
			"COPY (\nSELECT 1\n) TO '/tmp/o''x.csv' (FORMAT csv, HEADER true, QUOTE '', ESCAPE '')",
		);
		expect(() => copyStatement('SELECT 1', '/tmp/a\0b', 'csv')).toThrow(/NUL/);
	});

	it('neutralises text columns and header names, not numbers; parquet gets the query unchanged', () => {
		const columns = [
			{name: 'n', type: 'BIGINT'},
			{name: '=say "hi"', type: 'VARCHAR'},
		];
		const sql = exportSelect('SELECT 1;', columns, 'csv');
		// The header line is the column's name: the formula name quoted, CSV quotes doubled, then identifier quotes doubled.
		expect(sql).toContain(`AS "n,""'=say """"hi"""""""`);
		// One neutralising CASE, for the VARCHAR column only.
		expect(sql.split(String.raw`'^([=+\-@\t\r])', '''\1')`)).toHaveLength(2);
		expect(exportSelect('SELECT 1;', columns, 'parquet')).toBe('SELECT 1');
	});

	it('tells the format from the extension', () => {
		expect(['a.csv', 'a.JSON', 'a.jsonl', 'a.ndjson', 'a.parquet', 'a.txt'].map(exportFormatFor)).toEqual([
			'csv',
			'json',
			'jsonl',
			'jsonl',
			'parquet',
			undefined,
		]);
	});
});

describe('filter JSON and the filter view query', () => {
	const filter: FilterState = {
		chips: [
			{kind: 'field', field: 'eventName', value: "it's", exclude: false},
			{kind: 'until', time: new Date('2024-12-04T00:00:00Z'), label: '2024-12-04'},
		],
	};

	it('round-trips, and rejects what it cannot read', () => {
		expect(filterFromJson(filterToJson(filter))).toEqual(filter);
		expect(() => filterFromJson('{"chips":[{"kind":"field","field":"raw; DROP","value":"x"}]}')).toThrow(
			/unknown field/,
		);
		expect(() => filterFromJson('nope')).toThrow(/not valid JSON/);
	});

	it('binds every value', () => {
		const query = filterViewQuery(filter);
		expect(query.sql).not.toContain("it's");
		expect(query.params).toEqual(["it's", new Date('2024-12-04T00:00:00Z')]);
	});
});
