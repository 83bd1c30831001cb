/**
 * The sessions list: one row per access key used on IoT 1-Click events (principal, issuer, first and last use,
 * events and errors, source addresses), most recently used first; the selected one highlighted.
 */
import {Box, Text} from 'ink';
import {formatTimeText, type Zone} from '../../query/time.js';
import type {Loaded} from '../model/data.js';
import type {SessionRow} from '../model/lineage.js';
import {fit} from '../text/fit.js';
import {listWindow} from '../model/list-window.js';
import {useTheme} from '../theme.js';

/** Props of {@link SessionsPane}. */
export type SessionsPaneProps = {
	sessions: Loaded<SessionRow[]>;
	cursor: number;
	width: number;
	height: number;
	zone: Zone;
};

/** A row of the list (pure, for tests). */
export function sessionText(row: SessionRow, zone: Zone): string {
	const issuer = row.issuer ? `${row.issuer} (${row.issuedBy ?? '?'})` : 'issuer not in the logs';
	const errors = row.errors > 0 ? ` ${row.errors.toLocaleString('en-US')} errors` : '';
	return `${fit(row.accessKeyId, 21)} ${fit(row.principal, 34, {keep: 'end'})} ${formatTimeText(row.firstUse, zone)} → ${formatTimeText(row.lastUse, zone)} ${row.events.toLocaleString('en-US')} events${errors} · ${row.sourceIPs} · from ${issuer}`;
}

/** The sessions list. */
export function SessionsPane({sessions, cursor, width, height, zone}: SessionsPaneProps) {
	const theme = useTheme();
	const list = sessions.data ?? [];
	const rows = Math.max(1, height - 2);
	const {selected, top} = listWindow(cursor, list.length, rows);
	const title = sessions.loading && !sessions.data ? 'sessions (reading…)' : `sessions (${list.length})`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fit(`${title} · access keys used on IoT 1-Click events, most recent first`, width)}</Text>
			{sessions.error && <Text color={theme.error}>{fit(sessions.error, width)}</Text>}
			{sessions.data && list.length === 0 && (
				<Text color={theme.dim}>{fit('no IoT 1-Click event names an access key', width)}</Text>
			)}
			{list.slice(top, top + rows).map((row, i) => {
				const index = top + i;
				return (
					<Text key={row.accessKeyId} inverse={index === selected}>
						{fit(`${index === selected ? '›' : ' '} ${sessionText(row, zone)}`, width)}
					</Text>
				);
			})}
		</Box>
	);
}
