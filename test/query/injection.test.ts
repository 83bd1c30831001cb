import {describe, expect, test} from 'vitest';
import {
	buildWhere,
	countQuery,
	facetQuery,
	filterAsSql,
	histogramCountsQuery,
	BUCKETS,
	pageQuery,
	recordQuery,
	spanQuery,
	type Chip,
	type FilterState,
	type SqlQuery,
} from '../../source/query/index.js';
import {fencedSpanQuery} from '../../source/query/histogram.js';
import {expectWellFormed} from './helpers.js';

const NASTY = [
	"' OR 1=1 --",
	"'; DROP TABLE events; --",
	'\\',
	"\\'",
	'"quoted"',
	"it's",
	'a\0b',
	'?',
	'$1',
	'/* comment */',
	'line\nbreak',
	'%_*',
];

function nastyState(value: string): FilterState {
	const chips: Chip[] = [
		{kind: 'field', field: 'eventName', value, exclude: false},
		{kind: 'field', field: 'eventName', value: `${value}2`, exclude: false},
		{kind: 'field', field: 'principal', value, exclude: true},
		{kind: 'text', text: value},
		{kind: 'from', time: new Date('2024-12-01T00:00:00Z'), label: value},
	];
	return {chips};
}

function builders(state: FilterState, value: string): Array<[string, SqlQuery]> {
	return [
		['buildWhere', buildWhere(state)],
		['countQuery', countQuery(state)],
		['facetQuery', facetQuery('principal', state, 10)],
		['facetQuery own field', facetQuery('eventName', state, 10)],
		['spanQuery', spanQuery(state)],
		['histogramCountsQuery', histogramCountsQuery(state, BUCKETS[0]!, {from: new Date(0), until: new Date(60_000)})],
		['fencedSpanQuery', fencedSpanQuery(state, {from: new Date(0), until: new Date(60_000)})],
		['pageQuery', pageQuery(state, {order: 'desc', limit: 5, after: {eventTime: new Date(0), eventID: value}})],
		['recordQuery', recordQuery(value)],
	];
}

describe.each(NASTY)('value %j', value => {
	test.each(builders(nastyState(value), value))('%s keeps it out of the SQL text', (_name, query) => {
		expectWellFormed(query);
		if (value.length > 1) expect(query.sql).not.toContain(value);
		expect(query.sql).not.toContain('\0');
		expect(query.sql).not.toMatch(/OR 1=1|DROP|--|\/\*|\\/);
		const strings = query.params.filter((p): p is string => typeof p === 'string');
		expect(strings.some(p => p.includes(value.toLowerCase()) || p.includes(value))).toBe(true);
	});

	test('filterAsSql quotes it', () => {
		const sql = filterAsSql({chips: [{kind: 'field', field: 'eventName', value, exclude: false}]});
		const literal = sql.slice(sql.indexOf('WHERE eventName = ') + 18, sql.indexOf('\nORDER BY'));
		// The literal is one or more single-quoted strings, quotes doubled inside, joined by chr(0) for NUL.
		expect(literal).toMatch(/^(?:'(?:[^']|'')*'|\((?:'(?:[^']|'')*'(?: \|\| chr\(0\) \|\| )?)+\))$/);
	});
});
