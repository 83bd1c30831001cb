/**
 * Writes a result's rows to stdout in a --format, the same way for `clicktrail query`, `views run` and
 * `views list`: csv, json and ndjson stream every row (waiting for the pipe to drain, so memory stays flat); table
 * shows the first rows, fitted to the terminal (source/text/table.ts). The text of each value is the one format of
 * source/text/values.ts, which DuckDB's COPY exports write too.
 */
import {once} from 'node:events';
import type {OutputFormat} from '../options.js';
import type {RowChunk} from '../store/stream.js';
import {csvLine} from '../text/csv.js';
import {inert} from '../text/inert.js';
import {formatTable} from '../text/table.js';
import {isTextType, jsonRow, neutralise, toCell} from '../text/values.js';

/** Rows a table shows unless --max-rows says otherwise; csv, json and ndjson write every row. */
export const TABLE_ROW_LIMIT = 1000;

/** How to write. */
export type WriteOptions = {
	format: OutputFormat;
	/** --wide: every value whole, however wide the table. */
	wide?: boolean;
	/** --max-rows: rows written at most (default {@link TABLE_ROW_LIMIT} for a table, every row otherwise). */
	maxRows?: number;
};

/**
 * The width a table is fitted to: none with --wide; the terminal's columns when stdout is a terminal; else
 * $COLUMNS if set; else none (a table piped to a file or a pager keeps every value whole).
 */
export function tableWidth(
	out: NodeJS.WritableStream,
	wide: boolean | undefined,
	env: NodeJS.ProcessEnv = process.env,
): number {
	if (wide) return Number.POSITIVE_INFINITY;
	const tty = out as NodeJS.WriteStream;
	if (tty.isTTY && tty.columns > 0) return tty.columns;
	const columns = Number(env['COLUMNS']);
	return Number.isInteger(columns) && columns > 0 ? columns : Number.POSITIVE_INFINITY;
}

/** Writes `chunks` to `out` in `options.format`; notes how many rows to `err` for a table. */
export async function writeRows(
	chunks: AsyncIterable<RowChunk>,
	options: WriteOptions,
	out: NodeJS.WritableStream,
	err: NodeJS.WritableStream = process.stderr,
): Promise<void> {
	const limit = options.maxRows ?? (options.format === 'table' ? TABLE_ROW_LIMIT : Number.POSITIVE_INFINITY);
	let columns: string[] = [];
	let types: string[] = [];
	let started = false;
	let written = 0;
	let more = false;
	const kept: unknown[][] = [];
	const send = async (text: string) => {
		if (text !== '' && !out.write(text)) await once(out, 'drain');
	};
	reading: for await (const chunk of chunks) {
		columns = chunk.columns;
		types = chunk.types;
		let text = '';
		if (!started) {
			started = true;
			if (options.format === 'csv') text += csvLine(columns.map(name => neutralise(inert(name))));
			if (options.format === 'json') text += '[';
		}
		for (const row of chunk.rows) {
			if (written >= limit) {
				more = true;
				await send(text);
				break reading;
			}
			written++;
			switch (options.format) {
				case 'csv':
					text += csvLine(
						row.map((value, c) =>
							isTextType(types[c] ?? '') ? neutralise(toCell(value, types[c])) : toCell(value, types[c] ?? ''),
						),
					);
					break;
				case 'json':
					text += `${written > 1 ? ',\n' : ''}${jsonRow(columns, row, types)}`;
					break;
				case 'ndjson':
					text += `${jsonRow(columns, row, types)}\n`;
					break;
				case 'table':
					kept.push(row);
					break;
			}
		}
		await send(text);
	}
	if (options.format === 'json') await send(']\n');
	const n = written.toLocaleString('en-US');
	const note = `the first ${n} rows (more not shown: --max-rows N shows more${options.format === 'table' ? ', --format csv every row' : ''})\n`;
	if (options.format !== 'table') {
		if (more) err.write(note);
		return;
	}
	if (kept.length === 0) {
		await send(columns.length > 0 ? `(no rows; columns: ${columns.map(inert).join(', ')})\n` : '(no rows)\n');
	} else {
		const lines = formatTable({columns, types, rows: kept}, {width: tableWidth(out, options.wide)});
		await send(`${lines.join('\n')}\n`);
	}
	err.write(more ? note : `${n} row${written === 1 ? '' : 's'}\n`);
}
