/**
 * The console's runner: runs SQL on the reader's 'console' lane (read-only statements only, capped), cancels it with
 * a DuckDB interrupt, and remembers each statement in the case file's history. Dispatches where the statement is.
 */
import type {ReadLanes} from '../../store/reader.js';
import {Superseded} from '../../store/superseded.js';
import type {CaseStore} from '../../store/case-store.js';
import type {Dispatch} from '../state/screen-store.js';

/** Rows the console fetches at most (it fetches one more to know that more exist). */
export const CONSOLE_ROW_CAP = 1000;

/** Starts and cancels the console's statement. */
export type SqlRunner = {
	/** Runs `sql` on `reader`, remembering it in `store` (when there is one). */
	start: (sql: string, reader: ReadLanes, store: CaseStore | undefined) => void;
	/** Interrupts the running statement, if any. */
	cancel: (reader: ReadLanes) => void;
};

/** A runner for one screen (it outlives a change of reader or store: the statement it runs can still be cancelled). */
export function createSqlRunner(dispatch: Dispatch): SqlRunner {
	let seq = 0;
	let running: string | undefined;
	return {
		start(sql, reader, store) {
			const ticket = ++seq;
			const text = sql.trim();
			if (text === '') return;
			void store?.addHistory(text).catch(() => undefined);
			running = text;
			dispatch({type: 'sql-run', run: {state: 'running', sql: text, started: Date.now()}});
			reader
				.run('console', (_query, tools) => tools.sql(text, {cap: CONSOLE_ROW_CAP}))
				.then(
					result => {
						if (ticket !== seq) return;
						running = undefined;
						dispatch({type: 'sql-run', run: {state: 'done', sql: text, result}});
					},
					(error: unknown) => {
						if (ticket !== seq || error instanceof Superseded) return;
						running = undefined;
						const message = error instanceof Error ? error.message : String(error);
						dispatch({
							type: 'sql-run',
							run: /interrupt/i.test(message)
								? {state: 'cancelled', sql: text}
								: {state: 'error', sql: text, error: message},
						});
					},
				);
		},
		cancel(reader) {
			if (running === undefined) return;
			const sql = running;
			running = undefined;
			seq++;
			reader.cancel('console');
			dispatch({type: 'sql-run', run: {state: 'cancelled', sql}});
		},
	};
}
