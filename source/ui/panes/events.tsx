/**
 * The events table: one page of the filtered events, the selected row marked, error rows in the error colour and
 * marked `!`, with the filtered total and the sort order in its title.
 */
import {Box, Text} from 'ink';
import type {Zone} from '../../query/time.js';
import type {Counts, Loaded, PageData} from '../model/data.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';
import {eventColumns, MARKER_WIDTH} from '../event-columns.js';

/** Props of {@link EventsPane}. */
export type EventsPaneProps = {
	page: Loaded<PageData>;
	counts: Loaded<Counts>;
	row: number;
	order: 'desc' | 'asc';
	focused: boolean;
	width: number;
	/** Event rows (the pane is two lines taller: title and headings). */
	pageSize: number;
	zone: Zone;
};

/** "1,234 events" (and "of 5,678" when filtered). */
export function totalLabel(counts: Counts | undefined): string {
	if (!counts) return '… events';
	const n = (v: number) => v.toLocaleString('en-US');
	return counts.matching === counts.total
		? `${n(counts.total)} events`
		: `${n(counts.matching)} of ${n(counts.total)} events`;
}

/** The events table. */
export function EventsPane({page, counts, row, order, focused, width, pageSize, zone}: EventsPaneProps) {
	const theme = useTheme();
	const columns = eventColumns(width, zone);
	const title = `${totalLabel(counts.data)} · ${order === 'desc' ? 'newest first' : 'oldest first'}${page.loading || counts.loading ? ' · loading' : ''}`;
	const heading = ' '.repeat(MARKER_WIDTH) + columns.map(c => fit(c.title, c.width)).join(' ');
	const rows = page.data?.data ?? [];
	const selected = Math.min(row, rows.length - 1);
	let body;
	if (page.error) {
		body = <Text color={theme.error}>{fit(`error: ${page.error}`, width)}</Text>;
	} else if (page.data && rows.length === 0) {
		body = <Text color={theme.dim}>{fit('no events match', width)}</Text>;
	} else {
		body = rows.slice(0, pageSize).map((r, i) => {
			const isSelected = i === selected;
			const marker = `${isSelected ? (focused ? '›' : '·') : ' '}${r.errorCode ? '!' : ' '}`;
			const text = marker + columns.map(c => fit(c.cell(r), c.width, {keep: c.keep})).join(' ');
			return (
				<Text
					key={r.eventID}
					inverse={isSelected && focused}
					color={r.errorCode ? theme.error : undefined}
					wrap="truncate"
				>
					{text}
				</Text>
			);
		});
	}
	return (
		<Box flexDirection="column" height={pageSize + 2}>
			<Text bold={focused}>{fit(title, width)}</Text>
			<Text color={theme.dim}>{fit(heading, width)}</Text>
			{body}
		</Box>
	);
}
