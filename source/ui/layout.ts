/**
 * Where everything goes for a terminal size. Pure. The frame is one line shorter than the terminal: Ink clears the
 * whole screen on every frame that is as tall as the terminal.
 */

/** Sizes of the screen's parts, in cells. */
export type Layout = {
	columns: number;
	/** Lines between the filter bar and the status bar. */
	bodyHeight: number;
	/** Facets column width (0: hidden on a narrow terminal). */
	facetsWidth: number;
	/** Width right of the facets column. */
	mainWidth: number;
	/** Rows of histogram bars. */
	barsHeight: number;
	/** Lines the timeline takes: heading, bars, marker line. */
	timelineHeight: number;
	/** Event rows the table has room for (below its title and column headings). */
	pageSize: number;
	/** Lines of JSON the record view has room for (below its title). */
	recordHeight: number;
	/** Values the facets pane asks for per field. */
	facetLimit: number;
};

/** The layout for a terminal of `columns` x `rows`. */
export function layout(columns: number, rows: number): Layout {
	const width = Math.max(20, columns);
	const bodyHeight = Math.max(6, rows - 3);
	const facetsWidth = width >= 110 ? 36 : width >= 70 ? 26 : 0;
	const mainWidth = width - (facetsWidth > 0 ? facetsWidth + 1 : 0);
	const barsHeight = bodyHeight >= 30 ? 4 : bodyHeight >= 16 ? 3 : 1;
	const timelineHeight = barsHeight + 2;
	const pageSize = Math.max(1, bodyHeight - timelineHeight - 2);
	const recordHeight = Math.max(1, bodyHeight - 1);
	const facetLimit = Math.max(1, Math.min(15, bodyHeight - 7 - 6));
	return {
		columns: width,
		bodyHeight,
		facetsWidth,
		mainWidth,
		barsHeight,
		timelineHeight,
		pageSize,
		recordHeight,
		facetLimit,
	};
}

/** Lines the editor shows at most. */
export const EDITOR_LINES = 8;

/**
 * Result rows a console of `height` lines shows under this editor text (and a line of completion choices, when on
 * show): the console draws that many, its "rows a-b" label counts them, and PgDn moves by them.
 */
export function consoleTableHeight(text: string, height: number, choices = false): number {
	const editorLines = Math.min(EDITOR_LINES, text.split('\n').length);
	// Under the editor (and the choices): the status line, then the table's header and rule.
	return Math.max(1, height - editorLines - (choices ? 1 : 0) - 1 - 2);
}
