/**
 * Attaches the effect runner to the screen's state container, with what effects act on: the Ink app (quit, and
 * keeping the session on quit), the terminal (copies), the reader (SQL, export) and the case file's store (views,
 * history).
 */
import {useApp, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {useCaseStore} from '../hooks/case-store-context.js';
import {useReader} from '../hooks/reader-context.js';
import type {ScreenStore} from '../state/screen-store.js';
import {sessionOf, type Session} from '../state/session.js';
import {runEffect} from './run-effect.js';
import {createSqlRunner} from './sql-runner.js';

/** Runs the screen's effects while mounted; copies go to `writeTerminal` (default the Ink stdout). */
export function useEffects(
	screen: ScreenStore,
	writeTerminal?: (text: string) => void,
	saveSession?: (session: Session) => void,
): void {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const reader = useReader();
	const store = useCaseStore();
	const [sql] = useState(() => createSqlRunner(screen.dispatch));
	useEffect(() => {
		const write = writeTerminal ?? ((text: string) => stdout.write(text));
		const keep = saveSession && (() => saveSession(sessionOf(screen.getState())));
		const context = {exit, write, reader, store, sql, dispatch: screen.dispatch, ...(keep ? {saveSession: keep} : {})};
		return screen.attach(effect => runEffect(context, effect));
	}, [screen, sql, exit, stdout, reader, store, writeTerminal, saveSession]);
}
