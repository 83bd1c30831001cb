/**
 * `clicktrail query SQL`: ad hoc SQL on the case file, opened read-only so a statement cannot alter evidence.
 */
import {existsSync} from 'node:fs';
import {Table} from '@alcalzone/ink-table';
import {renderToString} from 'ink';
import {EXIT, UserError} from '../exit-codes.js';
import type {Options, OutputFormat} from '../options.js';
import {CaseFile} from '../store/database.js';
import {prepareReadOnly, SqlRefused} from '../store/sql-guard.js';
import {streamReadOnly, streamRows, type RowChunk} from '../store/stream.js';
import {saveView} from '../store/views.js';
import {csvLine} from '../text/csv.js';
import {inert} from '../text/inert.js';
import {toCell, toPlain} from '../text/values.js';

/** Rows a table shows at most; csv, json and ndjson stream every row. */
export const TABLE_ROW_LIMIT = 1000;

export async function runQuery(options: Options): Promise<number> {
	if (!existsSync(options.db)) {
		throw new UserError(`no case file at ${options.db}: load some logs first (clicktrail load SOURCE...) or pass --db PATH`);
	}
	// --save writes the view, so it needs write access; the SQL is then checked to be one read-only statement.
	const db = await CaseFile.open(options.db, {readOnly: !options.save});
	try {
		if (options.save) {
			(await prepareReadOnly(db.connection, options.sql!)).destroySync();
			const view = await saveView(db, {name: options.save.name, description: options.save.description, sql: options.sql!});
			process.stderr.write(`saved view ${inert(view.name)}\n`);
		}
		const chunks = options.save ? streamReadOnly(db, options.sql!) : streamRows(db, options.sql!);
		await write(chunks, options.format ?? 'table', process.stdout);
		return EXIT.ok;
	} catch (error) {
		if (error instanceof UserError) throw error;
		if (error instanceof SqlRefused) throw new UserError(inert(error.message), EXIT.error);
		throw new UserError(inert((error as Error).message), EXIT.error);
	} finally {
		db.close();
	}
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
