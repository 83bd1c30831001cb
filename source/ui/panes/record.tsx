/**
 * The record view: the whole event as pretty, coloured JSON (every string made visible), the cursor line marked,
 * scrolled to keep it in view; its eventID, time and source file (with its verified integrity, if any) in the title.
 */
import {Box, Text} from 'ink';
import {formatTime, type Zone} from '../../query/time.js';
import type {EventRecord, Loaded} from '../model/data.js';
import type {Marker} from '../model/marks.js';
import {INDENT, type JsonLine, type Token} from '../json-lines.js';
import type {RecordPlace} from '../state/state.js';
import {cells, fit} from '../text/fit.js';
import {inert} from '../../text/inert.js';
import {useTheme, type Theme} from '../theme.js';

/** Props of {@link RecordPane}. */
export type RecordPaneProps = {
	record: Loaded<EventRecord | null>;
	lines: readonly JsonLine[];
	place: RecordPlace;
	width: number;
	height: number;
	zone: Zone;
	/** The event's mark, when marked (shown first in the title, with its note). */
	mark?: Marker;
};

function tokenColour(token: Token, theme: Theme): string | undefined {
	switch (token.kind) {
		case 'key':
			return theme.key;
		case 'string':
			return theme.string;
		case 'number':
			return theme.number;
		case 'literal':
			return theme.literal;
		case 'marker':
			return theme.error;
		default:
			return undefined;
	}
}

/**
 * A line's indentation: two spaces a level, but never more than half the pane; deeper lines show their depth
 * instead (`  [depth 70] `), so a deeply nested record keeps its text in view.
 */
export function indentation(depth: number, width: number): string {
	const full = INDENT.repeat(Math.min(depth, width));
	const most = Math.max(0, Math.floor((width - 2) / 2));
	if (full.length <= most) return full;
	const label = `[depth ${depth}] `;
	return label.length <= most ? label.padStart(most) : ' '.repeat(most);
}

/** The record view. */
export function RecordPane({record, lines, place, width, height, zone, mark}: RecordPaneProps) {
	const theme = useTheme();
	const row = record.data?.row;
	let title = `record ${place.eventID}`;
	let source = '';
	if (row) {
		const time = row['eventTime'] instanceof Date ? formatTime(row['eventTime'], zone) : '';
		const dropped = record.data?.droppedKeys ?? 0;
		// The record repeats keys: the first of each is shown (as the loader keeps it); the repeats are marked below.
		const duplicates =
			dropped > 0 ? `${dropped.toLocaleString('en-US')} duplicate key${dropped === 1 ? '' : 's'} (first kept) · ` : '';
		title = `${String(row['eventName'] ?? '')} · ${duplicates}${time} · ${place.eventID} · `;
		if (mark?.marked) title = `* marked${mark.note ? `: ${mark.note}` : ''} · ${title}`;
		source = `from ${String(row['sourceFile'] ?? '?')}`;
		// What `clicktrail verify --db` found about that file, beside it.
		const integrity = record.data?.integrity;
		if (integrity) source += ` [${inert(integrity.status)}]`;
	}
	// The file name is the useful end of the source path; keep it and shorten the start.
	const titleWidth = source ? Math.min(cells(inert(title)), Math.floor(width / 2)) : width;
	let body;
	if (record.error) body = <Text color={theme.error}>{fit(`error: ${record.error}`, width)}</Text>;
	else if (record.data === null)
		body = <Text color={theme.dim}>{fit('this event is no longer in the case file', width)}</Text>;
	else if (!record.data) body = <Text color={theme.dim}>{fit('loading…', width)}</Text>;
	else {
		body = lines.slice(place.top, place.top + height).map((line, i) => {
			const index = place.top + i;
			const selected = index === place.line;
			const indent = indentation(line.depth, width);
			let room = width - 2 - indent.length;
			const parts = [];
			for (const [k, token] of line.tokens.entries()) {
				if (room <= 0) break;
				const text = inert(token.text);
				const w = Math.min(cells(text), room);
				parts.push(
					<Text key={k} color={tokenColour(token, theme)}>
						{fit(text, w)}
					</Text>,
				);
				room -= w;
			}
			return (
				<Text key={index} inverse={selected} wrap="truncate">
					{selected ? '› ' : '  '}
					{indent}
					{parts}
					{' '.repeat(Math.max(0, room))}
				</Text>
			);
		});
	}
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold>
				{fit(title, titleWidth)}
				{source ? fit(source, width - titleWidth, {keep: 'end'}) : ''}
			</Text>
			{body}
		</Box>
	);
}
