import {expect} from 'vitest';
import type {SqlQuery} from '../../source/query/index.js';

/** Number of `?` placeholders in the SQL text. */
export function placeholders(sql: string): number {
	return sql.split('?').length - 1;
}

/** Asserts the builder's contract: one parameter per placeholder, and the text well formed (balanced parentheses and quotes). */
export function expectWellFormed(query: SqlQuery): void {
	expect(placeholders(query.sql)).toBe(query.params.length);
	let depth = 0;
	for (const ch of query.sql) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		expect(depth).toBeGreaterThanOrEqual(0);
	}

	expect(depth).toBe(0);
	expect((query.sql.match(/'/g) ?? []).length % 2).toBe(0);
	expect(query.sql).not.toMatch(/;/);
}
