/**
 * The SQL console's multi-line editor as pure functions over {text, cursor}. The cursor is an index into `text`
 * (UTF-16 code units, never inside a surrogate pair).
 */

/** The text being edited and where the cursor is. */
export type Editor = {text: string; cursor: number};

/** An empty editor. */
export const EMPTY_EDITOR: Editor = {text: '', cursor: 0};

/** An editor holding `text`, cursor at its end. */
export function editorOf(text: string): Editor {
	return {text, cursor: text.length};
}

/** Inserts `text` at the cursor (CR LF and CR become LF; a tab becomes two spaces; other controls are dropped). */
export function insert(editor: Editor, text: string): Editor {
	const clean = text
		.replace(/\r\n?/g, '\n')
		.replace(/\t/g, '  ')

		.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
	if (clean === '') return editor;
	const {text: t, cursor} = editor;
	return {text: t.slice(0, cursor) + clean + t.slice(cursor), cursor: cursor + clean.length};
}

function stepBack(text: string, cursor: number): number {
	if (cursor <= 0) return 0;
	const low = text.charCodeAt(cursor - 1);
	return low >= 0xdc00 && low <= 0xdfff && cursor >= 2 ? cursor - 2 : cursor - 1;
}

function stepForward(text: string, cursor: number): number {
	if (cursor >= text.length) return text.length;
	const high = text.charCodeAt(cursor);
	return high >= 0xd800 && high <= 0xdbff && cursor + 2 <= text.length ? cursor + 2 : cursor + 1;
}

/** Deletes the character before the cursor. */
export function backspace(editor: Editor): Editor {
	const at = stepBack(editor.text, editor.cursor);
	return {text: editor.text.slice(0, at) + editor.text.slice(editor.cursor), cursor: at};
}

/** Moves the cursor one character left or right. */
export function moveHorizontal(editor: Editor, direction: -1 | 1): Editor {
	return {
		...editor,
		cursor: direction < 0 ? stepBack(editor.text, editor.cursor) : stepForward(editor.text, editor.cursor),
	};
}

/** Line and column (0-based, in code units) of the cursor. */
export function lineCol(editor: Editor): {line: number; column: number} {
	const before = editor.text.slice(0, editor.cursor);
	const line = before.split('\n').length - 1;
	return {line, column: editor.cursor - (before.lastIndexOf('\n') + 1)};
}

/** The cursor one line up or down, at the same column or the line's end; undefined on the first (last) line. */
export function moveVertical(editor: Editor, direction: -1 | 1): Editor | undefined {
	const lines = editor.text.split('\n');
	const {line, column} = lineCol(editor);
	const target = line + direction;
	if (target < 0 || target >= lines.length) return undefined;
	let start = 0;
	for (let i = 0; i < target; i++) start += lines[i]!.length + 1;
	return {...editor, cursor: start + Math.min(column, lines[target]!.length)};
}

/** The cursor at the start or end of its line. */
export function moveLineEdge(editor: Editor, edge: 'start' | 'end'): Editor {
	const {text, cursor} = editor;
	if (edge === 'start') return {...editor, cursor: text.lastIndexOf('\n', cursor - 1) + 1};
	const end = text.indexOf('\n', cursor);
	return {...editor, cursor: end === -1 ? text.length : end};
}
