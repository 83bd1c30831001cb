/**
 * The findings list: one row per finding of `clicktrail hunt` (severity, title, principal, first event, count), most
 * severe first; the selected one highlighted, with its rule and the fields that made it match below.
 */
import {Box, Text} from 'ink';
import {formatTimeText, type Zone} from '../../query/time.js';
import type {Loaded} from '../model/data.js';
import type {FindingRow} from '../model/findings.js';
import {fit} from '../text/fit.js';
import {listWindow} from '../model/list-window.js';
import {useTheme} from '../theme.js';

/** Props of {@link FindingsPane}. */
export type FindingsPaneProps = {
	findings: Loaded<FindingRow[]>;
	cursor: number;
	width: number;
	height: number;
	zone: Zone;
};

/** A row of the list (pure, for tests). */
export function findingText(row: FindingRow, zone: Zone): string {
	return `${fit(row.severity, 8)} ${fit(`#${row.findingId} ${row.title}`, 44)} ${fit(row.principal ?? '-', 40, {keep: 'end'})} ${formatTimeText(row.startTime, zone)} ${row.count.toLocaleString('en-US')} events`;
}

/** The findings list. */
export function FindingsPane({findings, cursor, width, height, zone}: FindingsPaneProps) {
	const theme = useTheme();
	const list = findings.data ?? [];
	const rows = Math.max(1, height - 3);
	const {selected, top} = listWindow(cursor, list.length, rows);
	const chosen = list[selected];
	const title = findings.loading && !findings.data ? 'findings (reading…)' : `findings (${list.length})`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fit(`${title} · most severe first · Enter: the finding's events`, width)}</Text>
			{findings.error && <Text color={theme.error}>{fit(findings.error, width)}</Text>}
			{findings.data && list.length === 0 && (
				<Text color={theme.dim}>{fit('no findings: run clicktrail hunt on this case file', width)}</Text>
			)}
			{list.slice(top, top + rows).map((row, i) => {
				const index = top + i;
				const severe = row.severity === 'critical' || row.severity === 'high';
				return (
					<Text key={row.findingId} inverse={index === selected} color={severe ? theme.error : undefined}>
						{fit(`${index === selected ? '›' : ' '} ${findingText(row, zone)}`, width)}
					</Text>
				);
			})}
			{chosen && (
				<Text color={theme.dim}>
					{fit(`  rule ${chosen.ruleId} · matched on ${chosen.fields.join(', ') || '-'}`, width)}
				</Text>
			)}
		</Box>
	);
}
