/**
 * The inventory (D): projects, their placements indented under them and the devices in those, then the devices in no
 * placement; deleted projects and placements and disabled devices marked in text ([DELETED], [DISABLED]) and colour.
 * And a device's dossier: every event that touched it, in order, with its state after each.
 */
import {Box, Text} from 'ink';
import {formatTimeText, type Zone} from '../../query/time.js';
import type {Loaded} from '../model/data.js';
import {afterText, type Dossier, type DossierEvent, type InventoryView} from '../model/inventory.js';
import {fit} from '../text/fit.js';
import {useTheme} from '../theme.js';

/** Props of {@link InventoryPane}. */
export type InventoryPaneProps = {
	inventory: Loaded<InventoryView>;
	cursor: number;
	width: number;
	height: number;
	zone: Zone;
};

/** A scrolled list: the rows around the cursor, the cursor's row inverse and marked with ›. */
function List(props: {lines: Array<{text: string; warn: boolean}>; cursor: number; width: number; rows: number}) {
	const theme = useTheme();
	const {lines, width, rows} = props;
	const selected = Math.max(0, Math.min(props.cursor, lines.length - 1));
	const top = Math.max(0, Math.min(selected - Math.floor(rows / 2), lines.length - rows));
	return lines.slice(top, top + rows).map((line, i) => {
		const index = top + i;
		return (
			<Text key={index} inverse={index === selected} color={line.warn ? theme.error : undefined}>
				{fit(`${index === selected ? '›' : ' '} ${line.text}`, width)}
			</Text>
		);
	});
}

function Notice({text, error, width, height}: {text: string; error: boolean; width: number; height: number}) {
	const theme = useTheme();
	return (
		<Box height={height} width={width}>
			<Text color={error ? theme.error : theme.dim}>{fit(text, width)}</Text>
		</Box>
	);
}

/** The inventory list. */
export function InventoryPane({inventory, cursor, width, height, zone}: InventoryPaneProps) {
	const view = inventory.data;
	if (!view || inventory.loading)
		return (
			<Notice
				text={inventory.error ?? 'replaying the inventory…'}
				error={Boolean(inventory.error)}
				width={width}
				height={height}
			/>
		);
	const {at, projects, devices} = view.inventory;
	const asOf = view.until
		? `before ${formatTimeText(view.until, zone)} (the end of the time filter)`
		: `after the newest event`;
	const title = `inventory ${asOf}${at && !view.until ? ` (${formatTimeText(at, zone)})` : ''} · ${projects.length} projects · ${devices.length} devices`;
	const lines = view.rows.map(row => ({text: `${'  '.repeat(row.depth)}${row.text}`, warn: row.marked}));
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fit(title, width)}</Text>
			{lines.length === 0 ? (
				<Text>{fit('no IoT 1-Click call in the evidence names a project or device by then', width)}</Text>
			) : (
				<List lines={lines} cursor={cursor} width={width} rows={Math.max(1, height - 1)} />
			)}
		</Box>
	);
}

/** A dossier row (pure, for tests): time, call, failed or not, the device's state after it, and who (the longest). */
export function dossierText(event: DossierEvent, zone: Zone): string {
	const failed = event.errorCode === null ? '' : ` · FAILED ${event.errorCode}`;
	return `${formatTimeText(event.eventTime, zone)} ${event.eventName}${failed} → ${afterText(event)} · by ${event.principal}`;
}

/** Props of {@link DossierPane}. */
export type DossierPaneProps = {dossier: Loaded<Dossier>; cursor: number; width: number; height: number; zone: Zone};

/** A device's dossier. */
export function DossierPane({dossier, cursor, width, height, zone}: DossierPaneProps) {
	const view = dossier.data;
	if (!view || dossier.loading)
		return (
			<Notice
				text={dossier.error ?? 'reading the dossier…'}
				error={Boolean(dossier.error)}
				width={width}
				height={height}
			/>
		);
	const lines = view.events.map(event => ({
		text: dossierText(event, zone),
		warn: event.errorCode !== null || event.after.enabled === false,
	}));
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>
				{fit(
					`dossier of device ${view.deviceId} · ${view.events.length} events, oldest first · Enter opens one`,
					width,
				)}
			</Text>
			<List lines={lines} cursor={cursor} width={width} rows={Math.max(1, height - 1)} />
		</Box>
	);
}
