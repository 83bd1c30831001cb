/**
 * The saved views: one line each (name, kind, description), the selected one highlighted.
 */
import {Box, Text} from 'ink';
import {chipLabel} from '../../query/filters.js';
import type {SavedView} from '../model/data.js';
import {fit} from '../text/fit.js';
import {listWindow} from '../model/list-window.js';
import {useTheme} from '../theme.js';

/** Props of {@link ViewsPane}. */
export type ViewsPaneProps = {
	views: readonly SavedView[];
	cursor: number;
	error?: string;
	note?: string;
	width: number;
	height: number;
};

/** What a view holds, in a few words. */
export function viewSummary(view: SavedView): string {
	if (view.filter)
		return view.filter.chips.length === 0
			? 'filter: every event'
			: `filter: ${view.filter.chips.map(chip => chipLabel(chip, 40)).join(' ')}`;
	return `sql: ${(view.sql ?? '').replace(/\s+/g, ' ')}`;
}

/** The list of saved views. */
export function ViewsPane({views, cursor, error, note, width, height}: ViewsPaneProps) {
	const theme = useTheme();
	const rows = Math.max(1, height - 2);
	const {selected, top} = listWindow(cursor, views.length, rows);
	const nameWidth = Math.min(28, Math.max(8, ...views.map(v => v.name.length + 2)));
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fit(`saved views (${views.length})${note ? ` · ${note}` : ''}`, width)}</Text>
			{error && <Text color={theme.error}>{fit(error, width)}</Text>}
			{views.length === 0 && !error && (
				<Text color={theme.dim}>{fit('none yet: w saves the filters, Ctrl-S in the console saves SQL', width)}</Text>
			)}
			{views.slice(top, top + rows).map((view, i) => {
				const index = top + i;
				const line = `${index === selected ? '›' : ' '} ${fit(view.name, nameWidth)} ${view.description ? `${view.description} · ` : ''}${viewSummary(view)}`;
				return (
					<Text key={view.name} inverse={index === selected}>
						{fit(line, width)}
					</Text>
				);
			})}
		</Box>
	);
}
