/**
 * The record view's "before -> after" section, under the JSON: what a mutating IoT 1-Click call changed, replayed
 * from the case file (each "before" with the event that set it, or "not in the evidence"); a failed call changed
 * nothing.
 */
import {Box, Text} from 'ink';
import type {Loaded} from '../model/data.js';
import {changeText, type Change} from '../model/inventory.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link ChangePane}. */
export type ChangePaneProps = {change: Loaded<Change | null>; shown: Change | null; width: number; height: number};

/** The section, `height` lines (its title and lines; "… N more" when they do not fit). */
export function ChangePane({change, shown, width, height}: ChangePaneProps) {
	const theme = useTheme();
	if (height <= 0) return null;
	const lines = changeText(shown);
	const room = height - 1;
	const visible = lines.length > room ? [...lines.slice(0, room - 1), `… ${lines.length - room + 1} more`] : lines;
	const title = `before -> after (replayed from the case file)${change.loading ? ' …' : ''}`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold color={theme.accent}>
				{fit(title, width)}
			</Text>
			{visible.map((line, i) => (
				<Text key={i} color={shown?.failed ? theme.error : undefined}>
					{fit(`  ${line}`, width)}
				</Text>
			))}
		</Box>
	);
}
