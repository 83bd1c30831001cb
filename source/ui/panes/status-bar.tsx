/**
 * The status bar: the case file, the totals, a notice if any, and the key hints of the focused pane (from the
 * binding table).
 */
import {Box, Text} from 'ink';
import type {Mode, Pane} from '../keys/bindings.js';
import {keyLabel} from '../keys/bindings.js';
import {hints} from '../keys/router.js';
import {cells, fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link StatusBar}. */
export type StatusBarProps = {
	caseFile: string;
	totals: string;
	loading: boolean;
	message?: string;
	mode: Mode;
	focus: Pane;
	width: number;
};

/** One line at the bottom of the screen. */
export function StatusBar({caseFile, totals, loading, message, mode, focus, width}: StatusBarProps) {
	const theme = useTheme();
	const left = `${caseFile} · ${totals}${loading ? ' · loading' : ''}${message ? ` · ${message}` : ''} │ `;
	const leftWidth = Math.min(cells(left), Math.floor(width * 0.5));
	const keys = hints(mode, mode === 'browse' ? focus : 'events')
		.map(h => `${keyLabel(h.key)} ${h.label}`)
		.join('  ');
	return (
		<Box width={width}>
			<Text color={message ? theme.accent : theme.dim}>{fit(left, leftWidth, {keep: 'end'})}</Text>
			<Text color={theme.dim}>{fit(`${mode === 'browse' ? `${focus}: ` : ''}${keys}`, width - leftWidth)}</Text>
		</Box>
	);
}
