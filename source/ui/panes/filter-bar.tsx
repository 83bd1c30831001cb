/**
 * The filter bar: the chips of the current filter (the selected one highlighted when the bar is focused), or the
 * prompt being typed.
 */
import {Box, Text} from 'ink';
import {chipLabel, type FilterState} from '../../query/filters.js';
import {formatTimeShort, type Zone} from '../../query/time.js';
import {parseFilterPrompt} from '../filter-prompt.js';
import type {Prompt} from '../state/state.js';
import {cells, fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** What each prompt asks. */
const PROMPT_LABELS: Record<Prompt['kind'], string> = {
	search: 'filter raw text: ',
	find: 'find: ',
	filter: 'filter (field=value, from=, until=, around=, errors): ',
	'view-name': 'save as view, name: ',
	'view-description': 'description of NAME (optional, Enter to skip): ',
	'view-rename': 'rename NAME to: ',
	'view-delete': 'delete view NAME? (y to delete): ',
	export: 'export to file (.csv .json .jsonl .parquet): ',
	'export-overwrite': 'NAME exists: replace it? (y to replace): ',
	column: 'show column (NAME): ',
	'mark-note': 'mark: note (optional; Enter saves, Esc cancels): ',
	'mark-choice': 'marked: e edits the note, u unmarks (then Enter; Esc keeps): ',
	'mark-delete': 'delete the mark? (y to delete): ',
	report: 'report to file (.html, .md): ',
	'report-overwrite': 'NAME exists: replace it? (y to replace): ',
};

/** Props of {@link FilterBar}. */
export type FilterBarProps = {
	filter: FilterState;
	selected: number;
	focused: boolean;
	prompt?: Prompt;
	width: number;
	/** What relative times typed in the filter prompt count back from (the newest event), and the display zone. */
	relativeTo?: {time: Date; zone: Zone};
};

/** One line: the chips, or the prompt. */
export function FilterBar({filter, selected, focused, prompt, width, relativeTo}: FilterBarProps) {
	const theme = useTheme();
	if (prompt) {
		const label = PROMPT_LABELS[prompt.kind].replace('NAME', prompt.subject ?? '');
		const error = prompt.error ? `  ${prompt.error}` : '';
		const room = Math.max(1, width - cells(label) - 1);
		const typed = `${prompt.text}▏${error}`;
		let aside = !error && prompt.kind === 'filter' && relativeTo ? relativeAside(prompt.text, relativeTo) : '';
		if (!error && prompt.kind === 'report' && prompt.text === '') aside = `  Enter: ${prompt.subject ?? ''}`;
		const asideRoom = room - cells(typed);
		const shown = aside && asideRoom >= 12 ? aside : '';
		return (
			<Box width={width}>
				<Text color={theme.accent}>{label}</Text>
				<Text>{fit(typed, shown ? cells(typed) : room, {keep: error ? 'start' : 'end'})}</Text>
				{shown ? <Text color={theme.dim}>{fit(shown, asideRoom)}</Text> : null}
			</Box>
		);
	}
	const title = focused ? 'filters› ' : 'filters: ';
	if (filter.chips.length === 0) {
		return (
			<Box width={width}>
				<Text color={theme.dim}>
					{fit(`${title}none (every event)   / find · & filter · f add filter · Tab to facets`, width)}
				</Text>
			</Box>
		);
	}
	let room = width - cells(title);
	const parts = [];
	for (const [i, chip] of filter.chips.entries()) {
		const label = `[${chipLabel(chip, 48)}]`;
		const w = Math.min(cells(label), room);
		if (w <= 0) break;
		const text = fit(label, w);
		parts.push(
			<Text
				key={i}
				inverse={focused && i === selected}
				color={(chip.kind === 'field' || chip.kind === 'finding') && chip.exclude ? theme.error : theme.accent}
			>
				{text}
			</Text>,
		);
		room -= w;
		if (room > 0) {
			parts.push(<Text key={`s${i}`}> </Text>);
			room -= 1;
		}
	}
	return (
		<Box width={width}>
			<Text bold={focused}>{title}</Text>
			{parts}
		</Box>
	);
}

/**
 * What the filter prompt says beside the text: before anything is typed, what relative times count back from; once
 * a relative time is typed (from=-2h), the chip it makes.
 */
function relativeAside(text: string, relativeTo: {time: Date; zone: Zone}): string {
	const newest = `the newest event, ${formatTimeShort(relativeTo.time, relativeTo.zone)}`;
	if (text.trim() === '') return `  (from=-2h counts back from ${newest})`;
	if (!/^\s*(from|until|around)\s*=\s*-/i.test(text)) return '';
	const result = parseFilterPrompt(text, {now: relativeTo.time, zone: relativeTo.zone});
	if (!('chips' in result)) return '';
	return `  → ${result.chips.map(chip => `[${chipLabel(chip)}]`).join(' ')} (counted back from ${newest})`;
}
