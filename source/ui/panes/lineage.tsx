/**
 * The lineage tree of one event: its access key at the top, each key's issuing event below it (newest hop first),
 * the origin last, with why the chain is complete or where the evidence ends; the selected row's details below.
 */
import {Box, Text} from 'ink';
import {formatTimeText, type Zone} from '../../query/time.js';
import type {Loaded} from '../model/data.js';
import type {LineageRecord, LineageRow, LineageView} from '../model/lineage.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link LineagePane}. */
export type LineagePaneProps = {
	lineage: Loaded<LineageView | null>;
	cursor: number;
	width: number;
	height: number;
	zone: Zone;
};

const show = (value: string | null | undefined) => value ?? '-';

/** The text of a tree row (pure, for tests). */
export function lineageRowText(row: LineageRow, zone: Zone): string {
	const indent = row.depth === 0 ? '' : `${'   '.repeat(row.depth - 1)}└─ `;
	if (row.kind === 'origin') {
		const {origin} = row;
		const type = origin.principalType ? ` (${origin.principalType})` : '';
		return `${indent}origin: ${origin.principal}${type} · ${origin.kind} · ${origin.complete ? 'complete' : 'INCOMPLETE'}`;
	}
	const by = row.issuedBy;
	const issued = by
		? `issued ${formatTimeText(by.eventTime, zone)} by ${show(by.eventSource)} ${show(by.eventName)}${by.errorCode ? ` (failed: ${by.errorCode})` : ''}`
		: 'issued by: not in the loaded logs';
	return `${indent}key ${row.accessKeyId} held by ${row.holder} · ${issued}`;
}

/** The selected row's details: the issuing event's caller, address, agent, eventID and file; or the origin's reason. */
export function lineageDetails(row: LineageRow | undefined): string[] {
	if (!row) return [];
	if (row.kind === 'origin') return [row.origin.reason, ...(row.accessKeyId ? [`key ${row.accessKeyId}`] : [])];
	const by: LineageRecord | null = row.issuedBy;
	if (!by) return ['the event that issued this key is not in the loaded logs'];
	return [
		`called by ${by.principal}${by.principalType ? ` (${by.principalType})` : ''} with key ${show(by.accessKeyId)}`,
		`from ${show(by.sourceIPAddress)} · ${show(by.userAgent)}${by.roleSessionName ? ` · session ${by.roleSessionName}` : ''}`,
		`event ${by.eventID} in ${show(by.sourceFile)} (Enter opens it)`,
	];
}

/** The lineage tree. */
export function LineagePane({lineage, cursor, width, height, zone}: LineagePaneProps) {
	const theme = useTheme();
	const view = lineage.data;
	if (!view) {
		const text = lineage.error ?? (lineage.loading ? 'tracing the lineage…' : 'this event is not in the case file');
		return (
			<Box height={height} width={width}>
				<Text color={lineage.error ? theme.error : theme.dim}>{fit(text, width)}</Text>
			</Box>
		);
	}
	const {event} = view.lineage;
	const selected = Math.max(0, Math.min(cursor, view.rows.length - 1));
	const details = lineageDetails(view.rows[selected]);
	const rows = Math.max(1, height - 3 - details.length);
	const top = Math.max(0, selected - rows + 1);
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>
				{fit(
					`lineage of ${show(event.eventName)} ${event.eventID} at ${formatTimeText(event.eventTime, zone)} (newest hop first)`,
					width,
				)}
			</Text>
			{view.rows.slice(top, top + rows).map((row, i) => {
				const index = top + i;
				const line = `${index === selected ? '›' : ' '} ${lineageRowText(row, zone)}`;
				const warn = row.kind === 'origin' ? !row.origin.complete : !row.issuedBy;
				return (
					<Text key={index} inverse={index === selected} color={warn ? theme.error : undefined}>
						{fit(line, width)}
					</Text>
				);
			})}
			<Text> </Text>
			{details.map((line, i) => (
				<Text key={`d${i}`} color={theme.dim}>
					{fit(`  ${line}`, width)}
				</Text>
			))}
		</Box>
	);
}
