/**
 * What the screen writes to the case file: saved views, console history and marks. {@link CaseStore} is the interface; the
 * screen's implementation is SharedCase (shared-case.ts: the file held read-only, writable for a moment at a time).
 * {@link caseStore} is a simple one on an open case file, one operation at a time on its own connection (writes are
 * refused with a message when that file is open read-only).
 */
import type {CaseFile} from './database.js';
import {addHistory, listHistory} from './history.js';
import {addMark, deleteMark, type Mark} from './marks.js';
import {
	deleteView,
	getView,
	listViews,
	renameView,
	saveView,
	ViewError,
	type SavedView,
	type ViewInput,
} from './views.js';

/** The screen's handle on views and history. */
export type CaseStore = {
	/** Whether views and history can be saved; when not, `readOnlyReason` says why. */
	readonly writable: boolean;
	readonly readOnlyReason?: string;
	listViews(): Promise<SavedView[]>;
	getView(name: string): Promise<SavedView>;
	saveView(input: ViewInput, options?: {replace?: boolean}): Promise<SavedView>;
	renameView(from: string, to: string): Promise<SavedView>;
	deleteView(name: string): Promise<void>;
	/** Appends to the history (a no-op when read-only). */
	addHistory(sql: string): Promise<void>;
	listHistory(): Promise<string[]>;
	/** Marks an event with a note (null: none), or replaces its note. */
	addMark(eventID: string, note: string | null): Promise<Mark>;
	deleteMark(eventID: string): Promise<void>;
};

/** A {@link CaseStore} on an open case file; `readOnlyReason` when it was opened read-only as a fallback. */
export function caseStore(db: CaseFile, readOnlyReason?: string): CaseStore {
	let tail: Promise<unknown> = Promise.resolve();
	const serial = <T>(work: () => Promise<T>): Promise<T> => {
		const result = tail.then(work);
		tail = result.catch(() => undefined);
		return result;
	};
	const writable = !db.readOnly;
	const reason = readOnlyReason ?? (writable ? undefined : 'the case file is open read-only');
	const write = <T>(work: () => Promise<T>): Promise<T> =>
		writable ? serial(work) : Promise.reject(new ViewError(`${reason}: views cannot be saved, renamed or deleted`));
	return {
		writable,
		readOnlyReason: reason,
		listViews: () => serial(() => listViews(db)),
		getView: name => serial(() => getView(db, name)),
		saveView: (input, options) => write(() => saveView(db, input, options)),
		renameView: (from, to) => write(() => renameView(db, from, to)),
		deleteView: name => write(() => deleteView(db, name)),
		addHistory: sql => (writable ? serial(() => addHistory(db, sql)) : Promise.resolve()),
		listHistory: () => serial(() => listHistory(db)),
		addMark: (eventID, note) =>
			writable
				? serial(() => addMark(db, eventID, note))
				: Promise.reject(new ViewError(`${reason}: marks cannot be saved`)),
		deleteMark: eventID =>
			writable
				? serial(() => deleteMark(db, eventID))
				: Promise.reject(new ViewError(`${reason}: marks cannot be deleted`)),
	};
}
