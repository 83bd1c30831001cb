/**
 * Which rows of a list a pane shows: the cursor clamped to the list, and the first row shown so that the cursor's row
 * is the last one in view when it is past the first screen. Pure; the list panes (findings, sessions, marks, lineage,
 * views) draw from it.
 */
export function listWindow(cursor: number, length: number, rows: number): {selected: number; top: number} {
	const selected = Math.max(0, Math.min(cursor, length - 1));
	return {selected, top: Math.max(0, selected - rows + 1)};
}
