/**
 * `clicktrail views list | show NAME | run NAME | export NAME --out FILE | delete NAME`: the case file's saved views.
 * A filter view runs as its parameterised query (the values bound, never spliced into the SQL); a SQL view runs
 * only if it is one read-only statement.
 */
import {existsSync} from 'node:fs';
import {EXIT, UserError} from '../exit-codes.js';
import {athenaSql} from '../athena/dialect.js';
import {chipLabel} from '../query/filters.js';
import {filterAsSql} from '../query/sql-view.js';
import {filterViewQuery} from '../query/view-query.js';
import type {Options, ViewsOptions} from '../options.js';
import {CaseFile} from '../store/database.js';
import {exportQuery} from '../store/export.js';
import {streamQuery, streamReadOnly, type RowChunk} from '../store/stream.js';
import {deleteView, getView, listViews, type SavedView} from '../store/views.js';
import {inert} from '../text/inert.js';
import {writeRows, type WriteOptions} from '../output/write-rows.js';
import {isoTime} from '../text/values.js';
import {expected} from './query.js';

export async function runViews(options: Options): Promise<number> {
	const views = options.views!;
	if (!existsSync(options.db)) {
		throw new UserError(
			`no case file at ${options.db}: load some logs first (clicktrail load SOURCE...) or pass --db PATH`,
		);
	}
	let db: CaseFile | undefined;
	// Ctrl-C during an export interrupts DuckDB's COPY, whose temporary files are then removed.
	let interrupted = false;
	const onInterrupt = () => {
		interrupted = true;
		db?.interrupt();
	};
	process.once('SIGINT', onInterrupt);
	try {
		// A SQL view is untrusted text: it runs on a sandboxed instance, after the guard.
		db = await CaseFile.open(options.db, {readOnly: views.action !== 'delete', sandbox: true});
		if (interrupted) throw new Error('interrupted');
		await act(db, views, options);
		return EXIT.ok;
	} catch (error) {
		if (interrupted) {
			process.stderr.write('clicktrail: interrupted; nothing was written\n');
			return EXIT.interrupted;
		}
		throw expected(error);
	} finally {
		process.removeListener('SIGINT', onInterrupt);
		db?.close();
	}
}

async function act(db: CaseFile, views: ViewsOptions, options: Options): Promise<void> {
	switch (views.action) {
		case 'list': {
			const list = await listViews(db);
			const chunk: RowChunk = {
				columns: ['name', 'kind', 'description', 'updated'],
				types: ['VARCHAR', 'VARCHAR', 'VARCHAR', 'TIMESTAMP WITH TIME ZONE'],
				rows: list.map(view => [view.name, view.filter ? 'filter' : 'sql', view.description, view.updated]),
			};
			await writeRows(once(chunk), output(options), process.stdout);
			return;
		}
		case 'show': {
			const view = await getView(db, views.name);
			if (views.dialect === 'athena') {
				const sql = view.filter ? filterAsSql(view.filter) : (view.sql ?? '');
				const text = athenaSql(sql, {
					name: view.name,
					...(views.database === undefined ? {} : {database: views.database}),
				});
				process.stdout.write(`${text.split('\n').map(inert).join('\n')}`);
				return;
			}
			process.stdout.write(describe(view));
			return;
		}
		case 'run': {
			const view = await getView(db, views.name);
			const chunks = view.filter ? streamQuery(db, filterViewQuery(view.filter)) : streamReadOnly(db, view.sql ?? '');
			await writeRows(chunks, output(options), process.stdout);
			return;
		}
		case 'export': {
			const view = await getView(db, views.name);
			const query = view.filter ? filterViewQuery(view.filter) : {sql: view.sql ?? '', params: []};
			const result = await exportQuery(db, query, {
				path: views.out,
				format: views.format,
				userSql: !view.filter,
				overwrite: views.overwrite,
			});
			process.stderr.write(
				`exported ${result.rows.toLocaleString('en-US')} rows to ${inert(result.path)} (${result.format})\n`,
			);
			return;
		}
		case 'delete': {
			await deleteView(db, views.name);
			process.stderr.write(`deleted view ${inert(views.name)}\n`);
			return;
		}
	}
}

function output(options: Options): WriteOptions {
	return {format: options.format ?? 'table', wide: options.wide, maxRows: options.maxRows};
}

async function* once(chunk: RowChunk): AsyncGenerator<RowChunk> {
	yield chunk;
}

/** A view as text: its fields, its chips, and the SQL it runs. */
function describe(view: SavedView): string {
	const lines = [
		`name:        ${view.name}`,
		`kind:        ${view.filter ? 'filter' : 'sql'}`,
		`description: ${view.description ?? ''}`,
		`created:     ${isoTime(view.created)}`,
		`updated:     ${isoTime(view.updated)}`,
	];
	if (view.filter)
		lines.push(
			`filters:     ${view.filter.chips.length === 0 ? '(none: every event)' : view.filter.chips.map(chip => `[${chipLabel(chip)}]`).join(' ')}`,
		);
	lines.push('sql:', view.filter ? filterAsSql(view.filter) : (view.sql ?? ''));
	return `${lines.map(line => line.split('\n').map(inert).join('\n')).join('\n')}\n`;
}
