/**
 * `clicktrail query SQL`: ad hoc SQL on the case file. It passes the one guard on user SQL (sql-guard.ts) and runs
 * on a read-only, sandboxed instance (sandbox.ts), so a statement can alter neither the evidence nor other files.
 */
import {existsSync} from 'node:fs';
import {EXIT, UserError} from '../exit-codes.js';
import type {Options} from '../options.js';
import {writeRows} from '../output/write-rows.js';
import {CaseFile, CaseFileError, isSqlError} from '../store/database.js';
import {ExportError} from '../store/export.js';
import {SqlRefused} from '../store/sql-guard.js';
import {streamReadOnly} from '../store/stream.js';
import {listViews, saveView, ViewError} from '../store/views.js';
import {inert} from '../text/inert.js';
import {upgradeNote} from './progress.js';

export async function runQuery(options: Options): Promise<number> {
	if (!existsSync(options.db)) {
		throw new UserError(
			`no case file at ${options.db}: load some logs first (clicktrail load SOURCE...) or pass --db PATH`,
		);
	}
	const sql = options.sql!;
	try {
		// User SQL runs read-only, on a sandboxed instance, after the guard (one statement that reads).
		const db = await CaseFile.open(options.db, {readOnly: true, sandbox: true, onUpgrade: upgradeNote(process.stderr)});
		try {
			// --save: a name that is taken fails before anything runs.
			if (options.save && (await listViews(db)).some(view => view.name === options.save!.name.trim())) {
				throw new ViewError(
					`a view named "${options.save.name.trim()}" already exists (delete it first, or choose another name)`,
				);
			}
			await writeRows(
				streamReadOnly(db, sql),
				{format: options.format ?? 'table', wide: options.wide, maxRows: options.maxRows},
				process.stdout,
			);
		} finally {
			db.close();
		}
		if (options.save) {
			// Saved only once the statement has run: a statement that fails is not saved. Write access is held only
			// while saving.
			const writable = await CaseFile.open(options.db, {sandbox: true});
			try {
				const view = await saveView(writable, {name: options.save.name, description: options.save.description, sql});
				process.stderr.write(`saved view ${inert(view.name)}\n`);
			} finally {
				writable.close();
			}
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
	if (
		error instanceof SqlRefused ||
		error instanceof ViewError ||
		error instanceof CaseFileError ||
		error instanceof ExportError
	) {
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
