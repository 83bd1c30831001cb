/**
 * The facets column: for each field, its top values under the filter with counts. The field with the cursor shows
 * all the values fetched; the others share what room is left.
 */
import {Box, Text} from 'ink';
import {memo} from 'react';
import {NULL_LABEL, hasChip, type FilterState} from '../../query/filters.js';
import type {FacetList, Loaded} from '../model/data.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link FacetsPane}. */
export type FacetsPaneProps = {
	lists: Loaded<FacetList[]>;
	filter: FilterState;
	cursor: {field: number; value: number};
	focused: boolean;
	width: number;
	height: number;
};

/** How many values of each list to show in `height` lines (one heading per list), the cursor's list first. */
export function allocate(lists: readonly FacetList[], height: number, expanded: number): number[] {
	const shown = lists.map(() => 0);
	let room = height - lists.length;
	const take = (i: number, n: number) => {
		const add = Math.max(0, Math.min(n, room, (lists[i]?.values.length ?? 0) - shown[i]!));
		shown[i]! += add;
		room -= add;
		return add;
	};
	// Every other list keeps its top value in view when there is room for it.
	const others = lists.map((_, i) => i).filter(i => i !== expanded);
	if (room - others.length >= 1) take(expanded, room - others.length);
	for (const i of others) take(i, 1);
	take(expanded, room);
	let progress = true;
	while (room > 0 && progress) {
		progress = false;
		for (const i of others) if (take(i, 1) > 0) progress = true;
	}
	return shown;
}

/**
 * The values of one list fitted to `width` cells, keeping the `keep` end; values that would then read the same (two
 * ARNs with one long start) are cut in the middle instead, keeping both ends: half and half when that tells them
 * apart, else the first split (nearest the half) that does.
 */
export function facetLabels(values: readonly string[], width: number, keep: 'start' | 'end'): string[] {
	const cut = values.map(value => fit(value, width, {keep}));
	const groups = new Map<string, number[]>();
	for (const [i, label] of cut.entries()) groups.set(label, [...(groups.get(label) ?? []), i]);
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		const half = Math.floor((width - 1) / 2);
		const tails = Array.from({length: Math.max(0, width - 2)}, (_, k) => k + 1).sort(
			(a, b) => Math.abs(a - half) - Math.abs(b - half) || b - a,
		);
		for (const tail of tails) {
			const middle = group.map(i => fit(values[i]!, width, {keep: 'middle', tail}));
			if (new Set(middle).size < middle.length) continue;
			for (const [j, i] of group.entries()) cut[i] = middle[j]!;
			break;
		}
	}
	return cut;
}

/** The facets column. */
export const FacetsPane = memo(function FacetsPane({lists, filter, cursor, focused, width, height}: FacetsPaneProps) {
	const theme = useTheme();
	const data = lists.data ?? [];
	const lines = [];
	if (lists.error)
		lines.push(
			<Text key="error" color={theme.error}>
				{fit(`error: ${lists.error}`, width)}
			</Text>,
		);
	if (!lists.data && !lists.error)
		lines.push(
			<Text key="loading" color={theme.dim}>
				{fit('facets: loading…', width)}
			</Text>,
		);
	const shown = allocate(data, height - lines.length, Math.min(cursor.field, data.length - 1));
	const countWidth = 7;
	for (const [i, list] of data.entries()) {
		lines.push(
			<Text key={list.field} bold color={theme.dim}>
				{fit(`${list.field}${list.more ? '' : ` (${list.values.length})`}`, width)}
			</Text>,
		);
		const labels = facetLabels(
			list.values.map(item => item.value ?? NULL_LABEL),
			width - 3 - countWidth,
			list.field === 'principal' ? 'end' : 'start',
		);
		for (const [j, item] of list.values.slice(0, shown[i]).entries()) {
			const selected = i === cursor.field && j === cursor.value;
			const included = hasChip(filter, {kind: 'field', field: list.field, value: item.value, exclude: false});
			const marker = selected ? (focused ? '›' : '·') : ' ';
			const text = `${marker}${included ? '✓' : ' '}${labels[j]} ${fit(item.count.toLocaleString('en-US'), countWidth, {
				align: 'right',
			})}`;
			lines.push(
				<Text
					key={`${list.field}/${j}`}
					inverse={selected && focused}
					color={list.field === 'errorCode' && item.value !== null ? theme.error : undefined}
				>
					{text}
				</Text>,
			);
		}
	}
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.slice(0, height)}
		</Box>
	);
});
