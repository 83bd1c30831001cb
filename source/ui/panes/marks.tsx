/**
 * The marks list: one row per marked event (time, eventName, principal, note), by the event's time; the selected one
 * highlighted, with its eventID and whole note below.
 */
import {Box, Text} from 'ink';
import {formatTime, type Zone} from '../../query/time.js';
import type {Loaded} from '../model/data.js';
import type {MarkRow} from '../model/marks.js';
import {fit} from '../text/fit.js';
import {listWindow} from '../model/list-window.js';
import {useTheme} from '../theme.js';

/** Props of {@link MarksPane}. */
export type MarksPaneProps = {
	marks: Loaded<MarkRow[]>;
	cursor: number;
	width: number;
	height: number;
	zone: Zone;
};

/** A row of the list (pure, for tests). */
export function markText(row: MarkRow, zone: Zone, width: number): string {
	const time = row.eventTime ? formatTime(row.eventTime, zone) : '(event not in the case)';
	const head = `${fit(time, 24)} ${fit(row.eventName ?? '-', 26)} ${fit(row.principal ?? '-', 40, {keep: 'end'})} `;
	return head + fit(row.note ?? '', Math.max(8, width - head.length - 2));
}

/** The marks list. */
export function MarksPane({marks, cursor, width, height, zone}: MarksPaneProps) {
	const theme = useTheme();
	const list = marks.data ?? [];
	const rows = Math.max(1, height - 3);
	const {selected, top} = listWindow(cursor, list.length, rows);
	const chosen = list[selected];
	const title = marks.loading && !marks.data ? 'marks (reading…)' : `marks (${list.length})`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fit(`${title} · by time · Enter: the event · d: delete · Esc: close`, width)}</Text>
			{marks.error && <Text color={theme.error}>{fit(marks.error, width)}</Text>}
			{marks.data && list.length === 0 && (
				<Text color={theme.dim}>{fit('no marks: m on an event marks it, with an optional note', width)}</Text>
			)}
			{list.slice(top, top + rows).map((row, i) => {
				const index = top + i;
				return (
					<Text key={row.eventID} inverse={index === selected}>
						{fit(`${index === selected ? '›' : ' '} ${markText(row, zone, width)}`, width)}
					</Text>
				);
			})}
			{chosen && (
				<Text color={theme.dim}>{fit(`  ${chosen.eventID}${chosen.note ? ` · ${chosen.note}` : ''}`, width)}</Text>
			)}
		</Box>
	);
}
