/**
 * The help screen: the lines of help-text.ts (every binding, and notes on Esc/u and the timeline's marks), wrapped to
 * the terminal's width and scrolled (j/k, PgUp/PgDn, g/G) from `top`.
 */
import {Box, Text} from 'ink';
import {helpLines, helpPageSize} from '../help-text.js';
import {fit} from '../text/fit.js';

export {helpLines};

/** Props of {@link HelpPane}. */
export type HelpPaneProps = {width: number; height: number; top: number};

/** The help screen. */
export function HelpPane({width, height, top}: HelpPaneProps) {
	const lines = helpLines(width);
	const page = helpPageSize(height);
	const first = Math.max(0, Math.min(top, lines.length - page));
	const last = Math.min(lines.length, first + page);
	const title = `clicktrail keys ${first + 1}-${last}/${lines.length} · j/k PgUp/PgDn g/G scroll · Esc closes`;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{fit(title, width)}</Text>
			{lines.slice(first, last).map((line, i) => (
				<Text key={first + i}>{fit(line, width)}</Text>
			))}
		</Box>
	);
}
