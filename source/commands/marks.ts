/**
 * `clicktrail marks list | add EVENT_ID [--note TEXT] | delete EVENT_ID`: events marked by an analyst, with notes.
 * list opens the case file read-only; add and delete write (and fail while another process has the file open).
 */
import {EXIT, UserError} from '../exit-codes.js';
import type {Options} from '../options.js';
import {writeRows} from '../output/write-rows.js';
import {CaseFile} from '../store/database.js';
import {addMark, deleteMark, listMarks, MarkError} from '../store/marks.js';
import type {RowChunk} from '../store/stream.js';
import {inert} from '../text/inert.js';
import {withCase} from './inventory.js';
import {expected} from './query.js';

export async function runMarks(options: Options): Promise<number> {
	const marks = options.marks!;
	if (marks.action === 'list') {
		const list = await withCase(options, db => listMarks(db));
		const chunk: RowChunk = {
			columns: ['eventID', 'eventTime', 'eventName', 'principal', 'note', 'updated'],
			types: ['VARCHAR', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'TIMESTAMP WITH TIME ZONE'],
			rows: list.map(mark => [mark.eventID, mark.eventTime, mark.eventName, mark.principal, mark.note, mark.updated]),
		};
		await writeRows(
			once(chunk),
			{format: options.format ?? 'table', wide: options.wide, maxRows: options.maxRows},
			process.stdout,
		);
		return EXIT.ok;
	}
	await withCase(options, async () => undefined);
	let db: CaseFile | undefined;
	try {
		db = await CaseFile.open(options.db);
		if (marks.action === 'add') {
			await addMark(db, marks.eventID, marks.note ?? null);
			process.stderr.write(`marked ${inert(marks.eventID)}\n`);
		} else {
			await deleteMark(db, marks.eventID);
			process.stderr.write(`unmarked ${inert(marks.eventID)}\n`);
		}
		return EXIT.ok;
	} catch (error) {
		if (error instanceof MarkError) throw new UserError(inert(error.message), EXIT.error);
		throw expected(error);
	} finally {
		db?.close();
	}
}

async function* once(chunk: RowChunk): AsyncGenerator<RowChunk> {
	yield chunk;
}
