/**
 * The record view: the whole event as pretty, coloured JSON (every string made visible), the cursor line marked,
 * scrolled to keep it in view, long lines wrapped or scrolled sideways (record-lines.ts), the text found with `/`
 * highlighted in the inert text (lines holding it marked `•`); its eventID, time and source file (with its verified
 * integrity, if any) in the title.
 */
import {Box, Text} from 'ink';
import {formatTime, type Zone} from '../../query/time.js';
import type {EventRecord, Loaded} from '../model/data.js';
import type {Marker} from '../model/marks.js';
import {lineMatches, type TokenRange} from '../find-lines.js';
import type {JsonLine, Token} from '../json-lines.js';
import {contentRoom, indentation, screenLines, type Piece, type RecordLayout} from '../record-lines.js';
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
	/** Long lines wrapped (default) or scrolled sideways by `place.left` cells. */
	layout?: RecordLayout;
	/** The text found with `/`: lines holding it are marked `•` and the text itself highlighted. */
	find?: string;
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

/** The record view. */
export function RecordPane({record, lines, place, width, height, zone, mark, layout = 'wrap', find}: RecordPaneProps) {
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
	else body = recordBody({lines, place, width, height, layout, find, theme});
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

/** The screen lines of the record from `place.top`, as many as fit. */
function recordBody({
	lines,
	place,
	width,
	height,
	layout,
	find,
	theme,
}: Pick<RecordPaneProps, 'lines' | 'place' | 'width' | 'height' | 'find'> & {layout: RecordLayout; theme: Theme}) {
	const out = [];
	for (let index = place.top; index < lines.length && out.length < height; index++) {
		const line = lines[index]!;
		const selected = index === place.line;
		const ranges = find === undefined ? [] : lineMatches(line, find);
		const indent = indentation(line.depth, width);
		const room = contentRoom(line, width);
		const shown = screenLines(line, layout, width, height, place.left ?? 0);
		for (const [row, screen] of shown.entries()) {
			if (out.length >= height) break;
			const mark = row > 0 ? '  ' : selected ? '› ' : ranges.length > 0 ? '• ' : '  ';
			const parts = [];
			let used = 0;
			if (screen.before) {
				parts.push(<Text key="before">…</Text>);
				used++;
			}
			for (const [k, piece] of screen.pieces.entries()) {
				const token = line.tokens[piece.token]!;
				for (const [j, part] of highlighted(inert(token.text), piece, ranges).entries()) {
					used += cells(part.text);
					parts.push(
						<Text
							key={`${k}.${j}`}
							color={tokenColour(token, theme)}
							inverse={part.found && !selected}
							underline={part.found}
						>
							{part.text}
						</Text>,
					);
				}
			}
			if (screen.after) {
				parts.push(<Text key="after">…</Text>);
				used++;
			}
			out.push(
				<Text key={`${index}.${row}`} inverse={selected} wrap="truncate">
					{mark}
					{row > 0 ? ' '.repeat(indent.length) : indent}
					{parts}
					{' '.repeat(Math.max(0, room - used))}
				</Text>,
			);
		}
	}
	return out;
}

/** A piece of a token's shown (already inert) text, split where the text found starts and ends. */
function highlighted(text: string, piece: Piece, ranges: readonly TokenRange[]): Array<{text: string; found: boolean}> {
	const cuts = new Set([piece.start, piece.end]);
	for (const r of ranges) {
		if (r.token !== piece.token) continue;
		for (const at of [r.start, r.end]) if (at > piece.start && at < piece.end) cuts.add(at);
	}
	const points = [...cuts].sort((a, b) => a - b);
	return points.slice(0, -1).map((start, i) => ({
		text: text.slice(start, points[i + 1]),
		found: ranges.some(r => r.token === piece.token && r.start <= start && r.end > start),
	}));
}
