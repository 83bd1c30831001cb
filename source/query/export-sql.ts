/**
 * Export as SQL text: DuckDB's COPY (query) TO 'file' (...), around a SELECT that writes each row as the CLI writes
 * it ({@link exportSelect}). Pure. The output path is a value the user typed that COPY cannot take as a bound
 * parameter, so it is written as a quoted literal ({@link sqlLiteral}); a path holding NUL is refused.
 */
import {csvLine} from '../text/csv.js';
import {inert} from '../text/inert.js';
import {invisibleClassRe2} from '../text/invisible.js';
import {jsonString} from '../text/json-text.js';
import {isTextType, neutralise, uniqueNames} from '../text/values.js';
import {sqlLiteral} from './sql-view.js';

/** Formats an export can write. jsonl is one JSON object a line; json one array. */
export const EXPORT_FORMATS = ['csv', 'json', 'jsonl', 'parquet'] as const;

/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Whether `value` names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The format a file name implies (.csv, .json, .jsonl/.ndjson, .parquet/.pq), if any. */
export function exportFormatFor(path: string): ExportFormat | undefined {
	const match = /\.([a-z]+)$/i.exec(path);
	const ext = match?.[1]?.toLowerCase();
	if (ext === 'ndjson') return 'jsonl';
	if (ext === 'pq') return 'parquet';
	return ext && isExportFormat(ext) ? ext : undefined;
}

/** A column of the exported query: its name and DuckDB type name (as `SqlResult.types` gives it). */
export type ExportColumn = {name: string; type: string};

/** A name as a SQL identifier: double-quoted, quotes doubled. */
export function sqlIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

const TIME_FORMAT = "'%Y-%m-%dT%H:%M:%S.%fZ'";
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const REAL = /^(FLOAT|DOUBLE|DECIMAL.*)$/;
const NESTED = /^(STRUCT|MAP|UNION)\(|\]$/;
/** Types whose text holds no control or invisible character, comma or quote: written without those checks. */
const PLAIN =
	/^(TIMESTAMP(_S|_MS|_NS| WITH TIME ZONE)?|DATE|TIME|INTERVAL|UUID|BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*|BLOB)$/;
const INVISIBLE = invisibleClassRe2();
const UNSAFE = invisibleClassRe2('\\x{00}-\\x{1F}');
/** source/text/json-text.ts JSON_WHITESPACE in RE2: a JSON string token, or whitespace between tokens. */
const JSON_WHITESPACE = String.raw`("(?:[^"\\]|\\.)*")|[ \t\n\r]+`;

/**
 * The SELECT an export runs, so that a file holds the same text as `clicktrail query` prints for the same rows
 * (source/text/values.ts says what that is; this is the same in SQL). For csv, json and jsonl it yields one VARCHAR
 * column holding each output line, which {@link copyStatement} writes as is: times in ISO 8601 UTC with
 * microseconds, reals as to_json writes them, JSON columns as JSON (whitespace between tokens removed). CSV cells
 * have every control and invisible character made visible (as in a table), and text cells and header names that a
 * spreadsheet would run as a formula (=, +, -, @ first) get a leading single quote; JSON lines have invisible
 * characters escaped as \uXXXX. Parquet gets the query unchanged (typed values: nothing to neutralise).
 */
export function exportSelect(sql: string, columns: readonly ExportColumn[], format: ExportFormat): string {
	if (format === 'parquet' || columns.length === 0) return stripSemicolon(sql);
	const names = uniqueNames(columns.map(column => column.name));
	const from = `(\n${stripSemicolon(sql)}\n) AS exported(${columns.map((_, i) => `v${i}`).join(', ')})`;
	const each = (expr: (i: number, type: string) => string) => columns.map(({type}, i) => expr(i, type));
	const source = each(i => `v${i}`);
	if (format === 'csv') {
		const header = csvLine(names.map(name => neutralise(inert(name)))).slice(0, -1);
		const line = steps(
			[
				source,
				each((i, type) => textExpr(`r.f${i}`, type)),
				each((i, type) => {
					if (PLAIN.test(type)) return `r.f${i}`;
					return isTextType(type)
						? `regexp_replace(${inertExpr(`r.f${i}`)}, '^([=+\\-@\\t\\r])', '''\\1')`
						: inertExpr(`r.f${i}`);
				}),
			],
			each((i, type) =>
				PLAIN.test(type)
					? `COALESCE(r.f${i}, '')`
					: `COALESCE(CASE WHEN regexp_matches(r.f${i}, '[",]') THEN '"' || replace(r.f${i}, '"', '""') || '"' ELSE r.f${i} END, '')`,
			).join(" || ',' || "),
		);
		return `SELECT ${line} AS ${sqlIdentifier(header)} FROM ${from}`;
	}
	const pairs = each(i => `${sqlLiteral(`${jsonString(names[i]!)}:`)} || COALESCE(r.f${i}, 'null')`);
	const line = steps(
		[
			source,
			each((i, type) => jsonExpr(`r.f${i}`, type)),
			each((i, type) => (viaToJson(type) && !PLAIN.test(type) ? lowerEscapesExpr(`r.f${i}`) : `r.f${i}`)),
			[`'{' || ${pairs.join(" || ',' || ")} || '}'`],
		],
		escapeInvisibleExpr('r.f0'),
	);
	return `SELECT ${line} AS line FROM ${from}`;
}

/**
 * `last` computed from the row through `levels`: each level's values (f0, f1, ...) are computed once from the
 * level before it, which its expressions read as r.f0, r.f1, ... The expressions name a value several times (CASE
 * WHEN test(x) THEN f(x) ELSE x END), and DuckDB computes an expression again at each mention (for the case
 * file's computed columns, principal, userIdentity and the like, that means reading raw again): a one-element list
 * of a struct and a lambda keep each level to one computation. A level costs some microseconds a row.
 */
function steps(levels: readonly (readonly string[])[], last: string): string {
	let body = last;
	for (const fields of [...levels].reverse()) {
		body = `list_transform([{${fields.map((field, i) => `'f${i}': ${field}`).join(', ')}}], r -> ${body})[1]`;
	}
	return body;
}

/** A column's value as text (NULL stays NULL), as source/text/values.ts writes a cell before it is made inert. */
function textExpr(column: string, type: string): string {
	if (type === 'TIMESTAMP WITH TIME ZONE') return `strftime(${column} AT TIME ZONE 'UTC', ${TIME_FORMAT})`;
	if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(type)) return `strftime(${column}, ${TIME_FORMAT})`;
	if (REAL.test(type)) return `CAST(to_json(CAST(${column} AS DOUBLE)) AS VARCHAR)`;
	if (type === 'JSON') {
		// On one line: the whitespace between tokens removed when a line break or tab is among it.
		const text = `CAST(${column} AS VARCHAR)`;
		return `CASE WHEN regexp_matches(${text}, '[\\t\\n\\r]') THEN regexp_replace(${text}, '${JSON_WHITESPACE}', '\\1', 'g') ELSE ${text} END`;
	}
	if (type === 'BLOB') return `lower(hex(${column}))`;
	if (NESTED.test(type)) return escapeInvisibleExpr(lowerEscapesExpr(`CAST(to_json(${column}) AS VARCHAR)`));
	return `CAST(${column} AS VARCHAR)`;
}

/** Whether a column's JSON is written by to_json (and its escapes need lower-casing). */
function viaToJson(type: string): boolean {
	return !(REAL.test(type) || type === 'BOOLEAN' || INTEGER.test(type) || type === 'JSON');
}

/** A column's value as JSON text (NULL for NULL, NaN and infinities), before to_json's escapes are lower-cased. */
function jsonExpr(column: string, type: string): string {
	if (REAL.test(type))
		return `CASE WHEN isfinite(CAST(${column} AS DOUBLE)) THEN CAST(to_json(CAST(${column} AS DOUBLE)) AS VARCHAR) END`;
	if (type === 'BOOLEAN' || INTEGER.test(type)) return `CAST(${column} AS VARCHAR)`;
	if (type === 'JSON') return textExpr(column, type);
	if (NESTED.test(type)) return `CAST(to_json(${column}) AS VARCHAR)`;
	return `CAST(to_json(${textExpr(column, type)}) AS VARCHAR)`;
}

/**
 * to_json's text with its control characters escaped in lower-case hex as JSON.stringify writes them (to_json
 * writes `\u001B`). The escapes are found by splitting the text into escaped backslashes, \u00XX escapes, other
 * escapes and runs of anything else, so that a backslash in the data followed by `u001B` stays as it is.
 */
function lowerEscapesExpr(json: string): string {
	const tokens = String.raw`\\\\|\\u00[01][0-9A-F]|\\.|[^\\]+`;
	return (
		`CASE WHEN regexp_matches(${json}, '${String.raw`\\u00[01][A-F]`}') THEN array_to_string(list_transform(regexp_extract_all(${json}, '${tokens}'), ` +
		`t -> CASE WHEN starts_with(t, '${String.raw`\u00`}') THEN lower(t) ELSE t END), '') ELSE ${json} END`
	);
}

/** source/text/inert.ts in SQL: every control and invisible character as a visible escape. */
function inertExpr(text: string): string {
	const visible =
		"CASE WHEN t = chr(10) THEN '\\n' WHEN t = chr(13) THEN '\\r' WHEN t = chr(9) THEN '\\t' WHEN t = chr(27) THEN '\\e' WHEN unicode(t) = 0 THEN '\\0' " +
		"WHEN unicode(t) <= 255 THEN printf('\\x%02x', unicode(t)) WHEN unicode(t) <= 65535 THEN printf('\\u%04x', unicode(t)) ELSE printf('\\u{%x}', unicode(t)) END";
	return eachOf(text, UNSAFE, visible);
}

/** source/text/json-text.ts escapeInvisible in SQL: invisible characters of JSON text as \uXXXX (a surrogate pair above U+FFFF). */
function escapeInvisibleExpr(text: string): string {
	const escaped =
		"CASE WHEN unicode(t) > 65535 THEN printf('\\u%04x\\u%04x', 55296 + ((unicode(t) - 65536) >> 10), 56320 + ((unicode(t) - 65536) & 1023)) ELSE printf('\\u%04x', unicode(t)) END";
	return eachOf(text, INVISIBLE, escaped);
}

/** `text` with each character of `charClass` replaced by `replacement` (an expression of that character, `t`). */
function eachOf(text: string, charClass: string, replacement: string): string {
	const others = `[^${charClass.slice(1)}`;
	return (
		`CASE WHEN regexp_matches(${text}, '${charClass}') THEN array_to_string(list_transform(regexp_extract_all(${text}, '${others}+|${charClass}'), ` +
		`t -> CASE WHEN regexp_full_match(t, '${charClass}') THEN ${replacement} ELSE t END), '') ELSE ${text} END`
	);
}

/** `COPY (sql) TO 'path' (...)` for a query from {@link exportSelect}; throws a RangeError for a path holding NUL. */
export function copyStatement(sql: string, path: string, format: ExportFormat): string {
	if (path.includes('\0')) throw new RangeError('the output path holds a NUL character');
	// csv, json and jsonl: exportSelect's lines, written as they are (no quoting: each line is already the text).
	const options: Record<ExportFormat, string> = {
		csv: "FORMAT csv, HEADER true, QUOTE '', ESCAPE ''",
		json: "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', PREFIX '[', SUFFIX ']' || chr(10), NEW_LINE ',' || chr(10)",
		jsonl: "FORMAT csv, HEADER false, QUOTE '', ESCAPE ''",
		parquet: 'FORMAT parquet',
	};
	return `COPY (\n${stripSemicolon(sql)}\n) TO ${sqlLiteral(path)} (${options[format]})`;
}

/** The statement without trailing semicolons and whitespace, so that it nests in parentheses (on lines of its own, so a trailing -- comment stays inside). */
export function stripSemicolon(sql: string): string {
	return sql.replace(/[\s;]+$/, '');
}
