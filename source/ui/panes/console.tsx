/**
 * The SQL console: the multi-line editor, completion choices, what the last statement did (rows and time, DuckDB's
 * error with its position, cancelled), and the result as a scrollable table. Renders only; keys go through the
 * router and the console reducer.
 */
import {Box, Text} from 'ink';
import {lineCol} from '../console/editor.js';
import {resultSummary, tableView} from '../console/result-table.js';
import type {ConsoleRun} from '../model/data.js';
import type {ConsoleState} from '../state/console-state.js';
import {consoleTableHeight, EDITOR_LINES} from '../layout.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link ConsolePane}. */
export type ConsolePaneProps = {
	console: ConsoleState;
	run: ConsoleRun;
	width: number;
	height: number;
	now?: number;
	/** The result's cell cursor (mode result): that cell is shown in inverse video. */
	cursor?: {row: number; column: number};
};

/** The console. */
export function ConsolePane({console: state, run, width, height, cursor}: ConsolePaneProps) {
	const theme = useTheme();
	const lines = state.editor.text.split('\n');
	const at = lineCol(state.editor);
	const shown = Math.min(EDITOR_LINES, lines.length);
	const top = Math.max(0, Math.min(at.line - shown + 1, lines.length - shown));
	const editor = lines.slice(top, top + shown).map((line, i) => {
		const index = top + i;
		const prefix = index === 0 ? 'sql› ' : '   … ';
		const text = index === at.line ? `${line.slice(0, at.column)}▏${line.slice(at.column)}` : line;
		return (
			<Text key={`e${index}`}>
				<Text color={theme.accent}>{prefix}</Text>
				{fit(text, width - prefix.length, {keep: index === at.line && at.column > width - 10 ? 'end' : 'start'})}
			</Text>
		);
	});
	const out: React.ReactNode[] = [...editor];
	let room = height - shown;
	if (state.choices.length > 0 && room > 0) {
		out.push(
			<Text key="choices" color={theme.dim}>
				{fit(`Tab: ${state.choices.slice(0, 40).join('  ')}`, width)}
			</Text>,
		);
		room--;
	}
	const status = (text: string, color?: string) => {
		if (room <= 0) return;
		out.push(
			<Text key="status" color={color}>
				{fit(text, width)}
			</Text>,
		);
		room--;
	};
	switch (run.state) {
		case 'idle':
			status(
				'Enter runs · Ctrl-J or Alt-Enter new line · Tab completes · ↑↓ history · Esc closes · read-only statements only',
				theme.dim,
			);
			break;
		case 'running':
			status('running… (Esc cancels)', theme.accent);
			break;
		case 'cancelled':
			status('cancelled', theme.error);
			break;
		case 'error': {
			const [first = '', ...rest] = run.error.split('\n');
			status(`error: ${first}`, theme.error);
			for (const [i, line] of rest.entries()) {
				if (room <= 0) break;
				if (line.trim() === '' && i === 0) continue;
				out.push(
					<Text key={`err${i}`} color={theme.error}>
						{fit(`       ${line}`, width)}
					</Text>,
				);
				room--;
			}
			break;
		}
		case 'done': {
			const result = run.result;
			// One count for the rows drawn, the "rows a-b" label and the PgDn step (layout.ts).
			const rows = consoleTableHeight(state.editor.text, height, state.choices.length > 0);
			const first = state.scroll.row;
			status(
				resultSummary(result.rows.length, result.more, result.elapsedMs) +
					(result.rows.length > 0
						? ` · rows ${first + 1}-${Math.min(result.rows.length, first + rows)} · PgUp/PgDn ^←/^→ scroll · ^↓ cells`
						: ''),
			);
			if (result.columns.length === 0) break;
			const view = tableView(result, state.scroll, width, Math.min(rows, Math.max(0, room - 2)), cursor);
			for (const [i, line] of view.lines.entries()) {
				const at = view.cursor?.line === i ? view.cursor : undefined;
				out.push(
					<Text key={`row${i}`} bold={i === 0}>
						{at ? (
							<>
								{at.before}
								<Text inverse bold>
									{at.cell}
								</Text>
								{at.after}
							</>
						) : (
							line
						)}
					</Text>,
				);
			}
			break;
		}
	}
	return (
		<Box flexDirection="column" height={height} width={width}>
			{out}
		</Box>
	);
}
