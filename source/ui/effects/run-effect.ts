/**
 * The one place effects run: quit, copy (OSC 52), run and cancel the console's SQL, save, rename and delete a view,
 * export, save and delete a mark, write the report. Each dispatches what it brings back (a message, the prompt done
 * or failed, the views list or the marks changed).
 */
import type {CaseStore} from '../../store/case-store.js';
import type {ReadLanes} from '../../store/reader.js';
import {osc52} from '../osc52.js';
import type {Effect} from '../state/actions.js';
import type {Dispatch} from '../state/screen-store.js';
import {writeReportEffect} from './report.js';
import type {SqlRunner} from './sql-runner.js';

/** What effects act on. */
export type EffectContext = {
	exit: () => void;
	/** Writes to the terminal (OSC 52 copies). */
	write: (text: string) => void;
	reader: ReadLanes;
	/** The views and history store; undefined when the screen has none. */
	store?: CaseStore;
	sql: SqlRunner;
	dispatch: Dispatch;
	/** Keeps the screen's session (filters, zoom, focus, cursor) for the next time this case file is opened. */
	saveSession?: () => void;
};

/** Runs one effect. */
export function runEffect(context: EffectContext, effect: Effect): void {
	const {dispatch, store} = context;
	const fail = (error: unknown) =>
		dispatch({type: 'prompt-error', error: error instanceof Error ? error.message : String(error)});
	const changed = (message: string) => dispatch({type: 'views-changed', message});
	switch (effect.type) {
		case 'quit':
			try {
				context.saveSession?.();
			} finally {
				context.exit();
			}
			return;
		case 'copy':
			context.write(osc52(effect.text));
			return;
		case 'run-sql':
			context.sql.start(effect.sql, context.reader, store);
			return;
		case 'cancel-sql':
			context.sql.cancel(context.reader);
			return;
		case 'export': {
			const {query, path, format, userSql, overwrite} = effect;
			context.reader
				.run('export', (_query, tools) => tools.export(query, {path, format, userSql, overwrite}))
				.then(
					result =>
						dispatch({
							type: 'prompt-done',
							message: `exported ${result.rows.toLocaleString('en-US')} rows to ${result.path}`,
						}),
					(error: unknown) =>
						error instanceof Error && error.name === 'ExportExists'
							? dispatch({type: 'prompt-confirm-overwrite', path})
							: fail(error),
				);
			return;
		}
		case 'write-report':
			writeReportEffect(context.reader, dispatch, effect);
			return;
	}
	if (!store) {
		fail(effect.type.endsWith('-mark') ? 'marks cannot be saved here' : 'views cannot be saved here');
		return;
	}
	switch (effect.type) {
		case 'save-view': {
			const {name, description, filter, sql} = effect;
			const input = sql === undefined ? {name, description, filter} : {name, description, sql};
			store.saveView(input).then(view => changed(`saved view ${view.name}`), fail);
			return;
		}
		case 'rename-view':
			store.renameView(effect.from, effect.to).then(view => changed(`renamed ${effect.from} to ${view.name}`), fail);
			return;
		case 'delete-view':
			store.deleteView(effect.name).then(() => changed(`deleted view ${effect.name}`), fail);
			return;
		// A mark is written like a view: the case file opened for writing for that moment (store/shared-case.ts); when
		// another process holds it, the prompt stays open with the note and says why.
		case 'save-mark': {
			const {eventID, note} = effect;
			const message = note.trim() ? 'marked the event, with its note' : 'marked the event';
			store.addMark(eventID, note).then(() => dispatch({type: 'marks-changed', message}), fail);
			return;
		}
		case 'delete-mark':
			store
				.deleteMark(effect.eventID)
				.then(() => dispatch({type: 'marks-changed', message: 'unmarked the event'}), fail);
			return;
	}
}
