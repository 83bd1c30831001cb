/**
 * One console result cell shown whole (Enter on a result cell): its lines from `top`, under a title naming the
 * column and row. Renders only; the cell scope scrolls it.
 */
import {Box, Text} from 'ink';
import type {CellView} from '../console/cell-text.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link CellPane}. */
export type CellPaneProps = {view?: CellView; top: number; width: number; height: number};

/** The cell view. */
export function CellPane({view, top, width, height}: CellPaneProps) {
	const theme = useTheme();
	const lines = view?.lines ?? [];
	const page = Math.max(1, height - 1);
	const first = Math.max(0, Math.min(top, lines.length - page));
	const last = Math.min(lines.length, first + page);
	const title = view
		? `${view.title} · lines ${first + 1}-${last} of ${lines.length} · y copies · Esc back`
		: 'no cell here · Esc back';
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold color={theme.accent}>
				{fit(title, width)}
			</Text>
			{lines.slice(first, last).map((line, i) => (
				<Text key={first + i}>{fit(line, width)}</Text>
			))}
		</Box>
	);
}
