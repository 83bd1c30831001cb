/**
 * Terminal-safe text, JSON escaping and the table formatter, on hostile values.
 */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {inert} from '../../source/text/inert.js';
import {INVISIBLE_RANGES} from '../../source/text/invisible.js';
import {jsonString} from '../../source/text/json-text.js';
import {fitWidths, formatTable, KEEP_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type TableData} from '../../source/text/table.js';
import {JsonText, jsonRow, realText, toCell} from '../../source/text/values.js';
import {tableLines} from '../../source/ui/console/result-table.js';
import {ESCAPE_TEXT, INVISIBLE_TEXT, WIDE_TEXT} from '../output/hostile-records.js';
import {separators} from '../helpers/separators.js';

/** Every code point of the invisible ranges (and the C0 controls). */
const EVERY_UNSAFE = [
	...Array.from({length: 0x20}, (_, i) => i),
	...INVISIBLE_RANGES.flatMap(([from, to]) => Array.from({length: to - from + 1}, (_, i) => from + i)),
].map(code => String.fromCodePoint(code));

/** Raw characters no output may carry: C0 (but none here), DEL, C1, bidi and invisible format characters, tags. */
const RAW_UNSAFE =
	/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]/u;

describe('inert', () => {
	it('makes every control and invisible character a visible escape', () => {
		for (const char of EVERY_UNSAFE) {
			const shown = inert(`a${char}b`);
			expect(shown, `U+${char.codePointAt(0)!.toString(16)}`).not.toMatch(RAW_UNSAFE);
			expect(shown).toMatch(/^a\\(n|r|t|0|e|x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]{5}\})b$/);
		}
		expect(inert(INVISIBLE_TEXT)).toBe(
			'a\\x85b\\x9bc\\u202ed\\u2066e\\u200bf\\u200dg\\u2028h\\u2029i\\u2060j\\ufeffk\\u{e0041}\\u{e007f}l\\u061cm\\xadn\\x7fo',
		);
		expect(inert(WIDE_TEXT)).toBe(WIDE_TEXT);
	});
});

describe('JSON text', () => {
	it('escapes C1, bidi, invisible format and tag characters as \\uXXXX, and reads back the same', () => {
		for (const char of EVERY_UNSAFE) {
			const json = jsonString(`a${char}b`);
			expect(json).not.toMatch(RAW_UNSAFE);
			expect(JSON.parse(json)).toBe(`a${char}b`);
		}
		expect(jsonString('\u{e0041}\u202e')).toBe('"\\udb40\\udc41\\u202e"');
		const row = jsonRow(
			['ua', 'j'],
			[INVISIBLE_TEXT, new JsonText(`{ "a" :\n "${INVISIBLE_TEXT}" }`)],
			['VARCHAR', 'JSON'],
		);
		expect(row).not.toMatch(RAW_UNSAFE);
		expect(JSON.parse(row)).toEqual({ua: INVISIBLE_TEXT, j: {a: INVISIBLE_TEXT}});
	});

	it('writes reals as DuckDB to_json does', () => {
		expect([2, 0.1, 1e21, 1e-7, -2, Number.NaN, Number.POSITIVE_INFINITY].map(realText)).toEqual([
			'2.0',
			'0.1',
			'1e21',
			'1e-7',
			'-2.0',
			'NaN',
			'Infinity',
		]);
	});
});

describe('the table formatter', () => {
	const hostile: TableData = {
		columns: ['id', 'value', 'n'],
		types: ['VARCHAR', 'VARCHAR', 'BIGINT'],
		rows: [
			['plain', 'text', 1n],
			['invisible', INVISIBLE_TEXT, 22n],
			['wide', WIDE_TEXT.repeat(3), 333n],
			['escapes', ESCAPE_TEXT, 4444n],
			['long', 'x'.repeat(500), 5n],
		],
	};

	it('fits the width: long columns cut with …, short ones whole, hostile values never shift a column', () => {
		const lines = formatTable(hostile, {width: 60});
		expect(lines).toHaveLength(2 + hostile.rows.length);
		for (const line of lines) {
			expect(stringWidth(line)).toBeLessThanOrEqual(60);
			expect(line).not.toMatch(RAW_UNSAFE);
			expect(separators(line)).toEqual(separators(lines[0]!));
		}
		expect(lines[6]).toMatch(/^long +│x+…│ +5$/);
		expect(lines[4]).toContain(WIDE_TEXT.repeat(3)); // wide characters measured: two cells each
	});

	it('keeps every value whole at an infinite width', () => {
		const lines = formatTable(hostile, {width: Number.POSITIVE_INFINITY});
		expect(lines[6]).toContain('x'.repeat(500));
		expect(lines[3]).toContain(inert(INVISIBLE_TEXT));
		for (const line of lines) expect(separators(line)).toEqual(separators(lines[0]!));
	});

	it('cuts the widest columns first, keeping short ones (times, IDs) whole while it can', () => {
		expect(fitWidths([27, 36, 200, 300], 120)).toEqual([27, 36, 27, 27]);
		expect(fitWidths([10, 20], 100)).toEqual([10, 20]);
		// When the short ones must be cut too, none goes below the minimum.
		expect(
			fitWidths([KEEP_COLUMN_WIDTH, KEEP_COLUMN_WIDTH, KEEP_COLUMN_WIDTH], 20).every(w => w >= MIN_COLUMN_WIDTH),
		).toBe(true);
	});

	it('shows the same cells in the SQL console', () => {
		const data: TableData = {
			columns: ['t', 'j', 'd'],
			types: ['TIMESTAMP WITH TIME ZONE', 'JSON', 'DOUBLE'],
			rows: [['2024-12-03T10:15:30.123456Z', new JsonText('{"a": 1}'), 2]],
		};
		const cli = formatTable(data, {width: 80});
		const screen = tableLines(data, {row: 0, column: 0}, 80, 5).map(line => line.trimEnd());
		expect(screen).toEqual(cli);
		expect(cli[2]).toBe(`2024-12-03T10:15:30.123456Z│{"a":1}│2.0`);
		expect(toCell(new JsonText('{"a": "=x"}'))).toBe('{"a":"=x"}');
	});
});
