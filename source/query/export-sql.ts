/**
 * Export as SQL text: DuckDB's COPY (query) TO 'file' (FORMAT ...). Pure. The output path is a value the user typed
 * that COPY cannot take as a bound parameter, so it is written as a quoted literal ({@link sqlLiteral}); a path
 * holding NUL is refused.
 */
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

/**
 * Wraps a query so that its text cells cannot be read as spreadsheet formulas: a VARCHAR (or JSON) cell starting
 * with =, +, -, @, tab or carriage return gets a leading single quote. Other columns pass unchanged.
 */
export function neutralisedSelect(sql: string, columns: readonly ExportColumn[]): string {
	const items = columns.map(({name, type}) => {
		const column = sqlIdentifier(name);
		if (type !== 'VARCHAR' && type !== 'JSON') return column;
		return `CASE WHEN regexp_matches(CAST(${column} AS VARCHAR), '^[=+\\-@\\t\\r]') THEN '''' || CAST(${column} AS VARCHAR) ELSE CAST(${column} AS VARCHAR) END AS ${column}`;
	});
	return `SELECT ${items.length > 0 ? items.join(', ') : '*'} FROM (\n${stripSemicolon(sql)}\n) AS exported`;
}

/** `COPY (sql) TO 'path' (FORMAT ...)`; throws a RangeError for a path holding NUL. */
export function copyStatement(sql: string, path: string, format: ExportFormat): string {
	if (path.includes('\0')) throw new RangeError('the output path holds a NUL character');
	const options: Record<ExportFormat, string> = {
		csv: 'FORMAT csv, HEADER true',
		json: 'FORMAT json, ARRAY true',
		jsonl: 'FORMAT json',
		parquet: 'FORMAT parquet',
	};
	return `COPY (\n${stripSemicolon(sql)}\n) TO ${sqlLiteral(path)} (${options[format]})`;
}

/** The statement without trailing semicolons and whitespace, so that it nests in parentheses (on lines of its own, so a trailing -- comment stays inside). */
export function stripSemicolon(sql: string): string {
	return sql.replace(/[\s;]+$/, '');
}
