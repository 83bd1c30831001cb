/**
 * The frequency view: each value of one column under the filter, with its count, its share and a bar, most frequent
 * first; the selected value marked.
 */
import {Box, Text} from 'ink';
import {NULL_LABEL} from '../../query/filters.js';
import type {FacetList, Loaded} from '../model/data.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link FrequencyPane}. */
export type FrequencyPaneProps = {
	field: string;
	list: Loaded<FacetList>;
	cursor: number;
	width: number;
	height: number;
};

/** The frequency view. */
export function FrequencyPane({field, list, cursor, width, height}: FrequencyPaneProps) {
	const theme = useTheme();
	const values = list.data?.field === field ? list.data.values : [];
	const total = values.reduce((sum, v) => sum + v.count, 0);
	const rows = Math.max(1, height - 2);
	const top = Math.max(0, Math.min(cursor - Math.floor(rows / 2), values.length - rows));
	const n = (v: number) => v.toLocaleString('en-US');
	const more = list.data?.more ? ' (the first 1,000)' : '';
	const title = `${field}: ${n(values.length)} values${more} in ${n(total)} events${list.loading ? ' · loading' : ''}`;
	const countWidth = Math.max(5, n(values[0]?.count ?? 0).length);
	const barWidth = Math.max(0, Math.min(20, width - 60));
	const valueWidth = Math.max(8, width - 2 - countWidth - 1 - 7 - (barWidth > 0 ? barWidth + 1 : 0));
	const max = values[0]?.count ?? 1;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{fit(title, width)}</Text>
			<Text color={theme.dim}>
				{fit(`  ${fit('value', valueWidth)} ${'count'.padStart(countWidth)}   share`, width)}
			</Text>
			{list.error && <Text color={theme.error}>{fit(`error: ${list.error}`, width)}</Text>}
			{values.slice(top, top + rows).map((v, i) => {
				const selected = top + i === cursor;
				const share = total > 0 ? `${((100 * v.count) / total).toFixed(1)}%`.padStart(6) : '';
				const bar = barWidth > 0 ? ` ${'█'.repeat(Math.max(1, Math.round((barWidth * v.count) / max)))}` : '';
				const label = v.value === null ? NULL_LABEL : v.value;
				const line = `${selected ? '›' : ' '} ${fit(label, valueWidth)} ${n(v.count).padStart(countWidth)} ${share}${bar}`;
				return (
					<Text key={`${top + i}`} inverse={selected} wrap="truncate">
						{fit(line, width)}
					</Text>
				);
			})}
		</Box>
	);
}
