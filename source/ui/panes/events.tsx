/**
 * The events table: one page of the filtered events, the selected row marked, error rows in the error colour and
 * marked `!`, rows holding the text found marked `•`, with the filtered total, the sort order and the cursor's row
 * ("row k of N") in its title. When the case holds marks or findings, a gutter after the markers: `*` for a marked
 * event, and the most severe finding that holds it (C, H, M, L, I).
 */
import {Box, Text} from 'ink';
import type {Zone} from '../../query/time.js';
import type {Counts, Loaded, PageData} from '../model/data.js';
import {placeAfter, rowNumber} from '../model/position.js';
import type {TableState} from '../state/state.js';
import {fit} from '../text/fit.js';
import {useTheme, type Theme} from '../theme.js';
import {eventColumns, GUTTER_WIDTH, MARKER_WIDTH} from '../event-columns.js';
import {severityLetter, type Markers} from '../model/marks.js';

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
	/** The user's columns, the column cursor and the sort column (default: the registry's columns, by time). */
	table?: TableState;
	/** The gutter's markers by eventID; undefined: no gutter (the case holds no marks or findings). */
	markers?: Markers;
	/** The text found with `/` (its rows are marked `•`), and whether a search for it is on its way. */
	find?: {text: string; searching: boolean};
};

/** A severity rank's colour: critical and high in the error colour, medium in the warning colour. */
export function severityColour(rank: number | null | undefined, theme: Theme): string | undefined {
	if (rank === null || rank === undefined) return undefined;
	return rank <= 1 ? theme.error : rank === 2 ? theme.warn : theme.dim;
}

/** "row 12 of 1,500": the cursor row's place in the filtered events, when the page knows where it is. */
export function rowLabel(page: PageData | undefined, row: number, counts: Counts | undefined): string {
	if (!page?.first || page.rows.length === 0) return '';
	const k = rowNumber(placeAfter(page.first, Math.min(row, page.rows.length - 1)), counts?.matching);
	if (k === undefined) return '';
	const n = (v: number) => v.toLocaleString('en-US');
	return counts ? ` · row ${n(k)} of ${n(counts.matching)}` : ` · row ${n(k)}`;
}

/** "1,234 events" (and "of 5,678" when filtered). */
export function totalLabel(counts: Counts | undefined): string {
	if (!counts) return '… events';
	const n = (v: number) => v.toLocaleString('en-US');
	return counts.matching === counts.total
		? `${n(counts.total)} events`
		: `${n(counts.matching)} of ${n(counts.total)} events`;
}

/** The events table. */
export function EventsPane({
	page,
	counts,
	row,
	order,
	focused,
	width,
	pageSize,
	zone,
	table,
	markers,
	find,
}: EventsPaneProps) {
	const theme = useTheme();
	const gutter = markers ? GUTTER_WIDTH : 0;
	const columns = eventColumns(width - gutter, zone, table?.columns);
	const sort = table?.sort;
	const sorted = sort
		? `by ${sort} ${order === 'asc' ? 'A-Z' : 'Z-A'}`
		: order === 'desc'
			? 'newest first'
			: 'oldest first';
	const searching = find?.searching ? ` · finding ${JSON.stringify(find.text)}` : '';
	const position = page.loading ? '' : rowLabel(page.data, row, counts.data);
	const title = `${totalLabel(counts.data)} · ${sorted}${position}${searching}${page.loading || counts.loading ? ' · loading' : ''}`;
	const matches = new Set(find ? (page.data?.matches ?? []) : []);
	const under = focused && table ? columns.findIndex(c => c.name === table.cursor) : -1;
	const titleOf = (c: (typeof columns)[number]) =>
		c.name === sort ? `${c.title}${order === 'asc' ? '↑' : '↓'}` : c.title;
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
			const mark = markers?.[r.eventID];
			// A row holding the text found is marked • (and underlined), so the mark reads without colour too.
			const found = matches.has(r.eventID);
			const marker = `${isSelected ? (focused ? '›' : '·') : found ? '•' : ' '}${r.errorCode ? '!' : ' '}`;
			const text = columns.map(c => fit(c.cell(r), c.width, {keep: c.keep})).join(' ');
			return (
				<Text
					key={r.eventID}
					inverse={isSelected && focused}
					underline={found}
					color={r.errorCode ? theme.error : found ? theme.accent : undefined}
					wrap="truncate"
				>
					{marker}
					{markers && (
						<>
							<Text color={theme.mark}>{mark?.marked ? '*' : ' '}</Text>
							<Text color={severityColour(mark?.rank, theme)}>{severityLetter(mark?.rank)}</Text>{' '}
						</>
					)}
					{text}
				</Text>
			);
		});
	}
	return (
		<Box flexDirection="column" height={pageSize + 2}>
			<Text bold={focused}>{fit(title, width)}</Text>
			<Text color={theme.dim} wrap="truncate">
				{' '.repeat(MARKER_WIDTH + gutter)}
				{columns.map((c, i) => (
					<Text key={c.name} inverse={i === under} bold={i === under}>
						{fit(titleOf(c), c.width)}
						{i < columns.length - 1 ? ' ' : ''}
					</Text>
				))}
			</Text>
			{body}
		</Box>
	);
}
