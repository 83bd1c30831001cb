/**
 * The screen's hold on a case file, shared with other clicktrail processes (issue 11 item 7).
 *
 * DuckDB lets one process write a file, or any number read it, never both. The screen therefore holds the case file
 * read-only (sandboxed: it runs user SQL), so that `clicktrail query`, `views list|show|run|export` can read it
 * meanwhile, and opens it for writing only for the moment it saves, renames or deletes a view, or adds or deletes
 * a mark:
 *
 * 1. new jobs wait, and the jobs running finish (after 5 s they are interrupted and run again afterwards);
 * 2. the read-only instance is closed, the file opened for writing (sandboxed), the change made, the file closed;
 * 3. the file is opened read-only again (retried for a while if another process grabbed it in between), and the
 *    jobs that waited run on it.
 *
 * If another process holds the file at step 2 (a query running, a load), the change is not made and the save fails
 * with a message saying so; the screen keeps what was typed. The read-only instance must be closed before the
 * writable one opens, not kept beside it: measured, a second instance of the same file in one process gets the write
 * lock (POSIX record locks do not conflict within a process), and closing it drops the first one's lock and leaves
 * the first one reading stale blocks.
 *
 * The console's history is kept in memory meanwhile and written once, when the screen closes.
 */
import {CaseFile, CaseFileError} from './database.js';
import type {CaseStore} from './case-store.js';
import {addHistory, listHistory} from './history.js';
import {addMark, deleteMark} from './marks.js';
import {Reader, Superseded, type Job, type ReadLanes} from './reader.js';
import {deleteView, getView, listViews, renameView, saveView, ViewError} from './views.js';

/** How long the running jobs may take before a save interrupts them. */
const DRAIN_MS = 5000;
/** How long to retry opening read-only again after a save, if another process took the file in between. */
const REOPEN_MS = 30_000;

/** {@link ReadLanes} and a {@link CaseStore} on a case file held read-only, writable for a moment at a time. */
export class SharedCase implements ReadLanes {
	private reader: Reader;
	/** Set while the file is switched to writing and back: jobs wait for it. */
	private switching?: Promise<void>;
	private running = 0;
	private drained?: () => void;
	private changed = false;
	private tail: Promise<unknown> = Promise.resolve();
	private readonly pending: string[] = [];
	private stored?: Promise<string[]>;
	readonly store: CaseStore;

	private constructor(
		readonly path: string,
		private caseFile: CaseFile,
	) {
		this.reader = new Reader(caseFile);
		this.store = this.makeStore();
	}

	/** Opens `path` read-only and sandboxed (after a moment of write access if its schema needs an upgrade). */
	static async open(path: string): Promise<SharedCase> {
		try {
			return new SharedCase(path, await CaseFile.open(path, {readOnly: true, sandbox: true}));
		} catch (error) {
			if (!(error instanceof CaseFileError) || !/schema upgrade|not a clicktrail case file/.test(error.message))
				throw error;
			(await CaseFile.open(path, {sandbox: true})).close();
			return new SharedCase(path, await CaseFile.open(path, {readOnly: true, sandbox: true}));
		}
	}

	/** While this holds the file, no process can write it; around a save another one may have (then false). */
	get stable(): boolean {
		return !this.changed;
	}

	run<T>(lane: string, job: Job<T>): Promise<T> {
		const start = async (): Promise<T> => {
			while (this.switching) await this.switching;
			this.running++;
			try {
				return await this.reader.run(lane, job);
			} finally {
				this.running--;
				if (this.running === 0) this.drained?.();
			}
		};
		return start().catch(async (error: unknown) => {
			// Interrupted by a save that waited too long: run it again on the file opened anew.
			if (error instanceof Superseded && this.switching) return start();
			throw error;
		});
	}

	cancel(lane: string): void {
		this.reader.cancel(lane);
	}

	/**
	 * Closes the file. The console's history typed meanwhile is written first; returns why it could not be (the file
	 * in use by another process), or undefined.
	 */
	async close(): Promise<string | undefined> {
		await this.tail.catch(() => undefined);
		await this.reader.close();
		this.caseFile.close();
		if (this.pending.length === 0) return undefined;
		try {
			const writable = await CaseFile.open(this.path, {sandbox: true});
			try {
				for (const sql of this.pending) await addHistory(writable, sql);
			} finally {
				writable.close();
			}
			return undefined;
		} catch (error) {
			return `the console history of this session was not saved: ${error instanceof Error ? error.message : String(error)}`;
		}
	}

	/** Runs `work` on the file opened for writing, between steps 1 and 3 above; one at a time. */
	private write<T>(work: (db: CaseFile) => Promise<T>): Promise<T> {
		const result = this.tail.then(() => this.switchAndWrite(work));
		this.tail = result.catch(() => undefined);
		return result;
	}

	private async switchAndWrite<T>(work: (db: CaseFile) => Promise<T>): Promise<T> {
		let release!: () => void;
		this.switching = new Promise(resolve => (release = resolve));
		try {
			await this.drain();
			await this.reader.close();
			const before = await fingerprint(this.caseFile).catch(() => undefined);
			this.caseFile.close();
			try {
				let writable: CaseFile;
				try {
					writable = await CaseFile.open(this.path, {sandbox: true});
				} catch (error) {
					throw error instanceof CaseFileError && /in use/.test(error.message)
						? new ViewError(
								'the case file is in use by another process (a query, views, load or another screen), so nothing was saved; try again when it is done',
							)
						: error;
				}
				try {
					return await work(writable);
				} finally {
					writable.close();
				}
			} finally {
				await this.reopen();
				// Another process may have loaded events while the file was not held: then cached answers are stale.
				const after = await fingerprint(this.caseFile).catch(() => undefined);
				if (before === undefined || after !== before) this.changed = true;
			}
		} finally {
			this.switching = undefined;
			release();
		}
	}

	/** Waits for the running jobs (interrupting them after {@link DRAIN_MS}). */
	private async drain(): Promise<void> {
		if (this.running === 0) return;
		const done = new Promise<void>(resolve => (this.drained = resolve));
		const timer = setTimeout(() => void this.reader.close(), DRAIN_MS);
		await done;
		clearTimeout(timer);
		this.drained = undefined;
	}

	private async reopen(): Promise<void> {
		const started = Date.now();
		for (;;) {
			try {
				this.caseFile = await CaseFile.open(this.path, {readOnly: true, sandbox: true});
				this.reader = new Reader(this.caseFile);
				return;
			} catch (error) {
				if (Date.now() - started > REOPEN_MS) throw error;
				await new Promise(resolve => setTimeout(resolve, 200));
			}
		}
	}

	private makeStore(): CaseStore {
		const read = <T>(work: (db: CaseFile) => Promise<T>): Promise<T> => {
			const result = this.tail.then(async () => {
				while (this.switching) await this.switching;
				return work(this.caseFile);
			});
			this.tail = result.catch(() => undefined);
			return result;
		};
		return {
			writable: true,
			listViews: () => read(db => listViews(db)),
			getView: name => read(db => getView(db, name)),
			saveView: (input, options) => this.write(db => saveView(db, input, options)),
			renameView: (from, to) => this.write(db => renameView(db, from, to)),
			deleteView: name => this.write(db => deleteView(db, name)),
			addMark: (eventID, note) => this.write(db => addMark(db, eventID, note)),
			deleteMark: eventID => this.write(db => deleteMark(db, eventID)),
			addHistory: async sql => {
				const text = sql.trim();
				if (text !== '' && this.pending.at(-1) !== text) this.pending.push(text);
			},
			listHistory: async () => {
				this.stored ??= read(db => listHistory(db));
				return [...(await this.stored), ...this.pending];
			},
		};
	}
}

/** What changes when events are loaded: the events and the ledger. */
async function fingerprint(db: CaseFile): Promise<string> {
	const rows = await db.all(
		`SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM files) AS files, (SELECT CAST(max(loadedAt) AS VARCHAR) FROM files) AS loaded`,
	);
	return JSON.stringify(rows[0]);
}
