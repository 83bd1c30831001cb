/**
 * The console's runner: runs SQL on the reader's 'console' lane (read-only statements only, capped), cancels it
 * with a DuckDB interrupt, and remembers each statement in the case file's history.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {Superseded} from '../../store/superseded.js';
import type {SqlResult} from '../../store/read-only-sql.js';
import {useCaseStore} from './case-store-context.js';
import {useReader} from './reader-context.js';

/** Rows the console fetches at most (it fetches one more to know that more exist). */
export const CONSOLE_ROW_CAP = 1000;

/** Where the console's statement is. */
export type ConsoleRun =
	| {state: 'idle'}
	| {state: 'running'; sql: string; started: number}
	| {state: 'done'; sql: string; result: SqlResult}
	| {state: 'error'; sql: string; error: string}
	| {state: 'cancelled'; sql: string};

/** The runner and the history. */
export type ConsoleRunner = {
	run: ConsoleRun;
	history: readonly string[];
	start: (sql: string) => void;
	/** Interrupts a running statement; returns whether one was running. */
	cancel: () => boolean;
};

/** The console's runner for this screen. */
export function useConsoleRunner(): ConsoleRunner {
	const reader = useReader();
	const store = useCaseStore();
	const [run, setRun] = useState<ConsoleRun>({state: 'idle'});
	const [history, setHistory] = useState<readonly string[]>([]);
	const runRef = useRef(run);
	runRef.current = run;
	const seq = useRef(0);

	useEffect(() => {
		let live = true;
		store?.listHistory().then(
			list => {
				if (live) setHistory(list);
			},
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, [store]);

	const start = useCallback(
		(sql: string) => {
			const ticket = ++seq.current;
			const text = sql.trim();
			if (text === '') return;
			setHistory(previous => (previous.at(-1) === text ? previous : [...previous, text]));
			void store?.addHistory(text).catch(() => undefined);
			setRun({state: 'running', sql: text, started: Date.now()});
			reader
				.run('console', (_query, tools) => tools.sql(text, {cap: CONSOLE_ROW_CAP}))
				.then(
					result => {
						if (ticket === seq.current) setRun({state: 'done', sql: text, result});
					},
					(error: unknown) => {
						if (ticket !== seq.current || error instanceof Superseded) return;
						const message = error instanceof Error ? error.message : String(error);
						setRun(
							/interrupt/i.test(message)
								? {state: 'cancelled', sql: text}
								: {state: 'error', sql: text, error: message},
						);
					},
				);
		},
		[reader, store],
	);

	const cancel = useCallback(() => {
		const current = runRef.current;
		if (current.state !== 'running') return false;
		seq.current++;
		reader.cancel('console');
		setRun({state: 'cancelled', sql: current.sql});
		return true;
	}, [reader]);

	return {run, history, start, cancel};
}
