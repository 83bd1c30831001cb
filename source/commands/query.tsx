/**
 * `clicktrail query SQL`: ad hoc SQL on the case file, opened read-only so a statement cannot alter evidence.
 */
import {existsSync} from 'node:fs';
import {EXIT, UserError} from '../exit-codes.js';
import type {Options, OutputFormat} from '../options.js';
import {CaseFile} from '../store/database.js';
import {prepareReadOnly, SqlRefused} from '../store/sql-guard.js';
import {streamReadOnly, streamRows} from '../store/stream.js';
import {saveView} from '../store/views.js';
import {writeRows} from '../output/write-rows.js';
import {inert} from '../text/inert.js';

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
		await writeRows(chunks, {format: options.format ?? 'table', wide: options.wide, maxRows: options.maxRows}, process.stdout);
		return EXIT.ok;
	} catch (error) {
		if (error instanceof UserError) throw error;
		if (error instanceof SqlRefused) throw new UserError(inert(error.message), EXIT.error);
		throw new UserError(inert((error as Error).message), EXIT.error);
	} finally {
		db.close();
	}
}
