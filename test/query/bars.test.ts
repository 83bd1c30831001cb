import {describe, expect, test} from 'vitest';
import {renderBars} from '../../source/query/index.js';

const counts = (...totals: number[]) => totals.map(total => ({total, errors: 0}));

describe('renderBars', () => {
	test('one row: eighths of the largest', () => {
		expect(renderBars(counts(0, 1, 2, 3, 4, 5, 6, 7, 8), 1).rows).toEqual([' ▁▂▃▄▅▆▇█']);
	});

	test('several rows, top first', () => {
		expect(renderBars(counts(8, 4, 12, 0, 16), 2).rows).toEqual(['  ▄ █', '█▄█ █']);
	});

	test('a lone event among many still shows', () => {
		expect(renderBars(counts(1, 1000), 3).rows).toEqual([' █', ' █', '▁█']);
	});

	test('empty, zero and no-height input', () => {
		expect(renderBars([], 3)).toEqual({rows: ['', '', ''], errors: [], max: 0});
		expect(renderBars(counts(0, 0), 2).rows).toEqual(['  ', '  ']);
		expect(renderBars(counts(1, 2), 0).rows).toEqual([]);
	});

	test('errors are flagged per column, and max is reported', () => {
		const bars = renderBars(
			[
				{total: 3, errors: 0},
				{total: 5, errors: 2},
				{total: 0, errors: 0},
			],
			1,
		);
		expect(bars.errors).toEqual([false, true, false]);
		expect(bars.max).toBe(5);
	});

	test('every row is as wide as the input', () => {
		const bars = renderBars(counts(5, 9, 1, 0, 30, 2), 4);
		expect(bars.rows).toHaveLength(4);
		for (const row of bars.rows) expect([...row]).toHaveLength(6);
	});
});
