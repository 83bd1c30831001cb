/**
 * `clicktrail query SQL`: ad hoc SQL on the case file. It passes the one guard on user SQL (sql-guard.ts) and runs
 * on a read-only, sandboxed instance (sandbox.ts), so a statement can alter neither the evidence nor other files.
 */
import {existsSync} from 'node:fs';
import {Table} from '@alcalzone/ink-table';
import {renderToString} from 'ink';
import {EXIT, UserError} from '../exit-codes.js';
import type {Options, OutputFormat} from '../options.js';
import {CaseFile, CaseFileError, isSqlError} from '../store/database.js';
import {ExportError} from '../store/export.js';
import {prepareReadOnly, SqlRefused} from '../store/sql-guard.js';
import {streamReadOnly, type RowChunk} from '../store/stream.js';
import {saveView, ViewError} from '../store/views.js';
import {csvLine} from '../text/csv.js';
import {inert} from '../text/inert.js';
import {toCell, toPlain} from '../text/values.js';

/** Rows a table shows at most; csv, json and ndjson stream every row. */
export const TABLE_ROW_LIMIT = 1000;

export async function runQuery(options: Options): Promise<number> {
	if (!existsSync(options.db)) {
		throw new UserError(`no case file at ${options.db}: load some logs first (clicktrail load SOURCE...) or pass --db PATH`);
	}
	const sql = options.sql!;
	try {
		if (options.save) {
			// --save writes the view, so it needs write access, held only while saving; the SQL is checked first.
			const writable = await CaseFile.open(options.db, {sandbox: true});
			try {
				(await prepareReadOnly(writable.connection, sql)).destroySync();
				const view = await saveView(writable, {name: options.save.name, description: options.save.description, sql});
				process.stderr.write(`saved view ${inert(view.name)}\n`);
			} finally {
				writable.close();
			}
		}
		// User SQL runs read-only, on a sandboxed instance, after the guard (one statement that reads).
		const db = await CaseFile.open(options.db, {readOnly: true, sandbox: true});
		try {
			await write(streamReadOnly(db, sql), options.format ?? 'table', process.stdout);
		} finally {
			db.close();
		}
		return EXIT.ok;
	} catch (error) {
		throw expected(error);
	}
}

/**
 * An error the user caused or can fix (a refused or invalid statement, an unknown or duplicate view, a case file in
 * use or not a case file) as a {@link UserError} with DuckDB's message on its own lines; anything else unchanged, so
 * that a bug keeps its stack.
 */
export function expected(error: unknown): unknown {
	if (error instanceof UserError) return error;
	if (error instanceof SqlRefused || error instanceof ViewError || error instanceof CaseFileError || error instanceof ExportError) {
		return new UserError(safeLines(error.message), EXIT.error);
	}
	if (isSqlError(error)) return new UserError(safeLines((error as Error).message), EXIT.error);
	return error;
}

/** Control characters made visible, line by line (DuckDB's messages end with a LINE n: and a caret line). */
function safeLines(message: string): string {
	return message
		.split('\n')
		.map(line => inert(line))
		.join('\n')
		.trimEnd();
}

/** Writes rows in a --format: csv, json, ndjson stream; table shows the first {@link TABLE_ROW_LIMIT}. */
export async function write(chunks: AsyncIterable<RowChunk>, format: OutputFormat, out: NodeJS.WritableStream): Promise<void> {
	let first = true;
	let tableRows: Record<string, string>[] = [];
	let total = 0;
	let columns: string[] = [];
	for await (const chunk of chunks) {
		columns = chunk.columns;
		if (format === 'csv' && first) out.write(csvLine(columns.map(inert)));
		if (format === 'json' && first) out.write('[');
		for (const row of chunk.rows) {
			total++;
			switch (format) {
				case 'csv':
					out.write(csvLine(row.map(toCell)));
					break;
				case 'json':
					out.write(`${total > 1 ? ',' : ''}\n${JSON.stringify(objectOf(columns, row))}`);
					break;
				case 'ndjson':
					out.write(`${JSON.stringify(objectOf(columns, row))}\n`);
					break;
				case 'table':
					if (tableRows.length < TABLE_ROW_LIMIT) {
						tableRows.push(Object.fromEntries(columns.map((column, index) => [inert(column), toCell(row[index])])));
					}
					break;
			}
		}
		first = false;
	}
	if (format === 'json') out.write(total > 0 ? '\n]\n' : ']\n');
	if (format === 'table') {
		if (tableRows.length === 0) {
			out.write(columns.length > 0 ? `(no rows; columns: ${columns.map(inert).join(', ')})\n` : '(no rows)\n');
		} else {
			out.write(`${renderToString(<Table data={tableRows} />, {columns: 1_000_000})}\n`);
		}
		const note = total > tableRows.length ? ` (showing the first ${tableRows.length.toLocaleString('en-US')}; use --format csv for all)` : '';
		process.stderr.write(`${total.toLocaleString('en-US')} row${total === 1 ? '' : 's'}${note}\n`);
		tableRows = [];
	}
}

function objectOf(columns: string[], row: unknown[]): Record<string, unknown> {
	return Object.fromEntries(columns.map((column, index) => [column, toPlain(row[index])]));
}
