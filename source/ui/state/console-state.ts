/**
 * The SQL console's part of the screen state: the SQL being edited, where the user is in the history, how the result
 * is scrolled, and the completion choices on show. Where the statement is and its result arrive in
 * state.data.sql (effects/sql-runner.ts).
 */
import {EMPTY_EDITOR, type Editor} from '../console/editor.js';
import type {TableScroll} from '../console/result-table.js';

/** Console state. */
export type ConsoleState = {
	editor: Editor;
	/** While browsing the history: the entry shown (index into the history) and the text typed before. */
	history?: {index: number; draft: Editor};
	scroll: TableScroll;
	/** Completion choices listed under the editor (after a Tab that left several). */
	choices: readonly string[];
};

/** An empty console. */
export const INITIAL_CONSOLE: ConsoleState = {editor: EMPTY_EDITOR, scroll: {row: 0, column: 0}, choices: []};
