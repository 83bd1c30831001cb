/**
 * One format for the same data: how a value from the case file is written as a table or CSV cell and as JSON,
 * whichever command writes it. The store's output converter (source/store/output-values.ts) hands values over as:
 * null; strings (text, and times already as ISO 8601 in UTC with microseconds, `2024-12-03T10:15:30.123456Z`);
 * booleans; numbers and bigints; {@link JsonText} (JSON columns); Uint8Array (BLOB); arrays and objects (nested
 * types). A column's DuckDB type tells an integer from a real (`2` or `2.0`); inside nested values, where none is
 * given, integers are bigints and numbers are reals. DuckDB's COPY exports write the same text
 * (source/query/export-sql.ts builds it in SQL).
 */
import {compactJson, jsonString, stripJsonWhitespace} from './json-text.js';
import {inert} from './inert.js';

/** The text of a JSON column: written as JSON (not as a string holding JSON) in json and ndjson. */
export class JsonText {
	constructor(readonly text: string) {}
}

/** A real number as DuckDB's to_json writes it: `2.0`, `0.1`, `1e21`, `NaN`, `Infinity`. */
export function realText(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
	if (Object.is(value, -0)) return '-0.0';
	const text = String(value).replace('e+', 'e');
	return Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

/** A JavaScript Date in the one time format: `2024-12-03T10:15:30.123000Z` (microseconds, UTC). */
export function isoTime(date: Date): string {
	return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/Z$/, '000Z');
}

const REAL = /^(FLOAT|DOUBLE|DECIMAL.*)$/;

/** Whether a number of a column of `type` (undefined inside nested values) is a real. */
function isReal(type: string | undefined): boolean {
	return type === undefined || REAL.test(type);
}

/** A value (of a column of DuckDB type `type`) as JSON text. */
export function jsonValue(value: unknown, type?: string): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'string') return jsonString(value);
	if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	if (typeof value === 'number')
		return !isReal(type) ? String(value) : Number.isFinite(value) ? realText(value) : 'null';
	if (value instanceof JsonText) return compactJson(value.text);
	if (value instanceof Uint8Array) return jsonString(Buffer.from(value).toString('hex'));
	if (value instanceof Date) return jsonString(isoTime(value));
	if (Array.isArray(value)) return `[${value.map(item => jsonValue(item)).join(',')}]`;
	if (typeof value === 'object') {
		return `{${Object.entries(value as Record<string, unknown>)
			.map(([key, item]) => `${jsonString(key)}:${jsonValue(item)}`)
			.join(',')}}`;
	}
	return jsonString(String(value));
}

/** A row as one line of JSON: `{"column":value,...}`. */
export function jsonRow(columns: readonly string[], row: readonly unknown[], types: readonly string[]): string {
	return `{${columns.map((column, index) => `${jsonString(column)}:${jsonValue(row[index], types[index] ?? '')}`).join(',')}}`;
}

/** A value as the text of a table or CSV cell, with every control and invisible character made visible. */
export function toCell(value: unknown, type?: string): string {
	return inert(cellText(value, type));
}

/** A value as text, before it is made inert. */
export function cellText(value: unknown, type: string | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	if (typeof value === 'number') return isReal(type) ? realText(value) : String(value);
	if (value instanceof JsonText) return stripJsonWhitespace(value.text);
	if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
	if (value instanceof Date) return isoTime(value);
	return jsonValue(value);
}

/** Whether a column of this DuckDB type holds text that a spreadsheet could read as a formula. */
export function isTextType(type: string): boolean {
	return type === 'VARCHAR' || type === 'JSON' || type.startsWith('ENUM');
}

/** Cells a spreadsheet would run as a formula: starting with =, +, -, @, tab or carriage return. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell that cannot be read as a formula: a leading `'` when it starts like one. */
export function neutralise(cell: string): string {
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Column names made unique as DuckDB's result does it: `a`, `a:1`, `a:2`. */
export function uniqueNames(names: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return names.map(name => {
		const count = (seen.get(name) ?? 0) + 1;
		seen.set(name, count);
		return count > 1 ? `${name}:${count - 1}` : name;
	});
}
