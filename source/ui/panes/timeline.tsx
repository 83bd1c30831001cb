/**
 * The timeline: a histogram of the filtered events in eighth blocks, each column marked below by its error share
 * (`.` some failed, `!` half or more, whose bar is also in the error colour), the bucket width and span in the
 * heading (with the events left out for lying far before or after the rest); when focused, a cursor (▲) and a
 * marked span (─) to zoom into.
 * When the case holds findings, a row under the bars marks each bucket holding a finding's event with the most
 * severe one's letter (C, H, M, L, I); it takes the bars' last row (on a one-row timeline, the marker line's blanks,
 * where no error mark is), so the pane keeps its height.
 */
import {Box, Text} from 'ink';
import {memo} from 'react';
import {errorLevel, errorMark, renderBars} from '../../query/bars.js';
import {formatTime, type Zone} from '../../query/time.js';
import type {Loaded, Timeline} from '../model/data.js';
import {severityLetter, type FindingBuckets} from '../model/marks.js';
import {severityColour} from './events.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link TimelinePane}. */
export type TimelinePaneProps = {
	timeline: Loaded<Timeline | null>;
	focused: boolean;
	cursor: number;
	mark?: number;
	width: number;
	barsHeight: number;
	zone: Zone;
	/** The findings row, per bar; undefined: no row (the case holds no findings). */
	findings?: Loaded<FindingBuckets>;
};

/** The timeline pane: heading, bars, marker line. */
export const TimelinePane = memo(function TimelinePane({
	timeline,
	focused,
	cursor,
	mark,
	width,
	barsHeight,
	zone,
	findings,
}: TimelinePaneProps) {
	const theme = useTheme();
	const data = timeline.data;
	const height = barsHeight + 2;
	if (timeline.error) {
		return (
			<Box flexDirection="column" height={height}>
				<Text color={theme.error}>{fit(`timeline: error: ${timeline.error}`, width)}</Text>
			</Box>
		);
	}
	if (!data) {
		return (
			<Box flexDirection="column" height={height}>
				<Text color={theme.dim}>{fit(data === null ? 'timeline: no events match' : 'timeline: loading…', width)}</Text>
			</Box>
		);
	}
	const n = data.counts.length;
	const columnWidth = Math.max(1, Math.min(4, Math.floor(width / Math.max(1, n))));
	// The findings row takes the bars' last row; on a one-row timeline it fills the marker line's blanks.
	const row = findings && barsHeight >= 2 ? findingsRow(findings, n) : undefined;
	const merged = findings && barsHeight < 2 && !findings.loading ? findings.data : undefined;
	const bars = renderBars(data.counts, row ? barsHeight - 1 : barsHeight);
	const at = Math.min(cursor, n - 1);
	const low = mark === undefined ? at : Math.min(mark, at);
	const high = mark === undefined ? at : Math.max(mark, at);
	const widen = (s: string) => [...s].map(c => c.repeat(columnWidth)).join('');
	const max = data.counts.reduce((m, c) => Math.max(m, c.total), 0);
	// The error colour for buckets where half or more failed; the mark line tells some from most (help explains).
	const highShare = data.counts.map(c => errorLevel(c) === 2);
	// The note on events left out comes before the span, so a narrow pane still shows it.
	let heading = `timeline · ${data.bucket.label} buckets${outsideNote(data, zone)} · ${formatTime(data.from, zone)} → ${formatTime(data.until, zone)} · max ${max.toLocaleString('en-US')}`;
	if (focused && n > 0) {
		const start = data.starts[at]!;
		const c = data.counts[at]!;
		heading = `▲ ${formatTime(start, zone)} +${data.bucket.name}: ${c.total.toLocaleString('en-US')} events, ${c.errors.toLocaleString('en-US')} errors · ${data.bucket.label} buckets${
			mark === undefined ? '' : ' · span marked: z to zoom'
		}`;
	}
	const markers = data.counts
		.map((c, i) => {
			if (focused && i === at) return '▲';
			if (focused && mark !== undefined && i >= low && i <= high) return '─';
			const failed = errorMark(c);
			if (failed !== ' ') return failed;
			return merged?.length === n && merged[i] !== null ? severityLetter(merged[i]) : ' ';
		})
		.join('');
	return (
		<Box flexDirection="column" height={height}>
			<Text bold={focused} color={focused ? undefined : theme.dim}>
				{fit(heading, width)}
			</Text>
			{bars.rows.map((row, r) => (
				<Text key={r}>
					{runs([...row], highShare).map((run, i) => (
						<Text key={i} color={run.error ? theme.error : theme.bar}>
							{run.chars.map(char => char.repeat(columnWidth)).join('')}
						</Text>
					))}
				</Text>
			))}
			<Text color={theme.error}>{fit(widen(markers), width)}</Text>
			{row && (
				<Text wrap="truncate">
					{row.map((run, i) => (
						<Text key={i} color={run.rank === undefined ? theme.dim : severityColour(run.rank, theme)}>
							{run.rank === undefined ? run.text : widen(run.text)}
						</Text>
					))}
				</Text>
			)}
		</Box>
	);
});

/**
 * The findings row as runs of one rank (a letter per bar, blank where none), or a dim note when no bar holds a
 * finding; blank while the row for these bars is read.
 */
function findingsRow(findings: Loaded<FindingBuckets>, bars: number): Array<{rank?: number | null; text: string}> {
	const ranks = findings.data;
	if (!ranks || findings.loading || ranks.length !== bars) return [{rank: undefined, text: ''}];
	if (ranks.every(rank => rank === null)) return [{rank: undefined, text: 'findings: none under this filter'}];
	const out: Array<{rank: number | null; text: string}> = [];
	for (const rank of ranks) {
		const last = out.at(-1);
		if (last && last.rank === rank) last.text += severityLetter(rank);
		else out.push({rank, text: severityLetter(rank)});
	}
	return out;
}

/** Events left out of the bars for lying far from the rest, e.g. " · not shown: 1 earlier (1970-01-01), 2 later (2099-12-31)". */
export function outsideNote(data: Timeline, zone: Zone): string {
	const outside = data.outside;
	if (!outside) return '';
	const n = (v: number) => v.toLocaleString('en-US');
	const day = (time: Date) => formatTime(time, zone).slice(0, 10);
	const parts = [
		...(outside.before > 0
			? [`${n(outside.before)} earlier (${outside.before === 1 ? '' : 'from '}${day(outside.earliest)})`]
			: []),
		...(outside.after > 0
			? [`${n(outside.after)} later (${outside.after === 1 ? '' : 'to '}${day(outside.latest)})`]
			: []),
	];
	return ` · not shown: ${parts.join(', ')}`;
}

/**
 * Neighbouring bars of the same colour, joined: one Text per run instead of one per bar (a row of 80 bars was 80
 * nodes for Ink to lay out on every frame, even a frame that only moves the events table's cursor).
 */
function runs(chars: readonly string[], errors: readonly boolean[]): Array<{error: boolean; chars: string[]}> {
	const out: Array<{error: boolean; chars: string[]}> = [];
	for (const [i, char] of chars.entries()) {
		const error = Boolean(errors[i]);
		const last = out.at(-1);
		if (last && last.error === error) last.chars.push(char);
		else out.push({error, chars: [char]});
	}
	return out;
}
