/**
 * The console's actions (editing, history, completion, scrolling the result) -> the next console state. Pure:
 * the history, the completion names and the result's size come from state (scopes/console.ts).
 */
import type {ActionName} from '../keys/bindings.js';
import {complete, type CompletionSource} from '../console/complete.js';
import {
	backspace,
	editorOf,
	EMPTY_EDITOR,
	insert,
	moveHorizontal,
	moveLineEdge,
	moveVertical,
	type Editor,
} from '../console/editor.js';
import {INITIAL_CONSOLE, type ConsoleState} from './console-state.js';

/** What the console reducer needs from the screen. */
export type ConsoleContext = {
	/** Queries run before, oldest first. */
	history: readonly string[];
	completions: CompletionSource;
	/** Rows and columns of the result on screen. */
	resultRows: number;
	resultColumns: number;
	/** Result rows the screen has room for. */
	tableHeight: number;
};

/** Inserts typed or pasted text. */
export function consoleInput(state: ConsoleState, text: string): ConsoleState {
	return edited(state, insert(state.editor, text));
}

/** The console opened on `sql` (the cursor at its end). */
export function consoleWith(state: ConsoleState, sql: string): ConsoleState {
	return {...INITIAL_CONSOLE, editor: editorOf(sql), scroll: state.scroll};
}

function edited(state: ConsoleState, editor: Editor): ConsoleState {
	return editor === state.editor ? state : {...state, editor, history: undefined, choices: []};
}

/** A console action; undefined when `name` is not one. */
export function consoleCommand(
	state: ConsoleState,
	name: ActionName,
	context: ConsoleContext,
): ConsoleState | undefined {
	const editor = state.editor;
	switch (name) {
		case 'console-newline':
			return edited(state, insert(editor, '\n'));
		case 'console-backspace':
			return edited(state, backspace(editor));
		case 'console-clear':
			return edited(state, EMPTY_EDITOR);
		case 'console-left':
			return {...state, editor: moveHorizontal(editor, -1), choices: []};
		case 'console-right':
			return {...state, editor: moveHorizontal(editor, 1), choices: []};
		case 'console-home':
			return {...state, editor: moveLineEdge(editor, 'start')};
		case 'console-end':
			return {...state, editor: moveLineEdge(editor, 'end')};
		case 'console-up':
		case 'console-down':
			return vertical(state, name === 'console-up' ? -1 : 1, context.history);
		case 'console-complete': {
			const done = complete(context.completions, editor.text, editor.cursor);
			return {...state, editor: {text: done.text, cursor: done.cursor}, history: undefined, choices: done.choices};
		}
		case 'console-rows-up':
		case 'console-rows-down': {
			const page = Math.max(1, context.tableHeight);
			const last = Math.max(0, context.resultRows - page);
			const row = Math.max(0, Math.min(last, state.scroll.row + (name === 'console-rows-up' ? -page : page)));
			return {...state, scroll: {...state.scroll, row}};
		}
		case 'console-columns-left':
		case 'console-columns-right': {
			const step = name === 'console-columns-left' ? -1 : 1;
			const column = Math.max(0, Math.min(Math.max(0, context.resultColumns - 1), state.scroll.column + step));
			return {...state, scroll: {...state.scroll, column}};
		}
		default:
			return undefined;
	}
}

/** Up/Down: move between lines; past the first (last) line, step through the history. */
function vertical(state: ConsoleState, direction: -1 | 1, history: readonly string[]): ConsoleState {
	const moved = moveVertical(state.editor, direction);
	if (moved) return {...state, editor: moved};
	if (history.length === 0) return state;
	const current = state.history?.index ?? history.length;
	const index = current + direction;
	if (index < 0) return state;
	if (index >= history.length) {
		// Past the newest entry: back to what was being typed.
		return state.history ? {...state, editor: state.history.draft, history: undefined} : state;
	}
	const draft = state.history?.draft ?? state.editor;
	return {...state, editor: editorOf(history[index]!), history: {index, draft}, choices: []};
}
