/**
 * What the inventory and dossier panes and the record view's change section render: the inventory replayed as of an
 * instant as the rows of an indented list (projects, their placements, the devices in them, then the devices in no
 * placement), a device's dossier, and what a call changed. Types and pure builders.
 */
import type {Change} from '../../inventory/change.js';
import type {Dossier, DossierEvent} from '../../inventory/dossier.js';
import type {Inventory, InventoryDevice} from '../../inventory/types.js';
import {jsonValue} from '../../text/values.js';

export type {Change, Dossier, DossierEvent, Inventory};

/** One row of the inventory list; `marked`: deleted (project, placement) or disabled (device). */
export type InventoryRow = {
	kind: 'project' | 'placement' | 'device' | 'heading';
	depth: number;
	text: string;
	marked: boolean;
	/** A device row's device (Enter opens its dossier). */
	deviceId?: string;
};

/** The inventory pane's data: the inventory, as of the end of the time filter (`until`) or the newest event. */
export type InventoryView = {inventory: Inventory; rows: InventoryRow[]; until: string | null};

/** A device's facts as text, its text marker first when it is disabled. */
function deviceFacts(device: InventoryDevice | undefined): string {
	if (!device) return 'enabled unknown';
	const enabled = device.enabled === null ? 'enabled unknown' : device.enabled ? 'enabled' : '[DISABLED]';
	return `${enabled}${device.claimed ? ` · ${device.claimed.state}` : ''}`;
}

/** The rows of an inventory: each project, its placements indented under it, their devices under them. */
export function inventoryRows(inventory: Inventory): InventoryRow[] {
	const devices = new Map(inventory.devices.map(d => [d.deviceId, d]));
	const rows: InventoryRow[] = [];
	const placed = new Set<string>();
	const mark = (state: string) => (state === 'deleted' ? '[DELETED] ' : state === 'unknown' ? '[state unknown] ' : '');
	for (const p of inventory.projects) {
		rows.push({
			kind: 'project',
			depth: 0,
			text: `${mark(p.state)}project ${p.projectName} · ${p.accountId} ${p.awsRegion}`,
			marked: p.state === 'deleted',
		});
		for (const pl of p.placements) {
			const attributes = pl.attributes === null ? '' : ` · ${jsonValue(pl.attributes)}`;
			rows.push({
				kind: 'placement',
				depth: 1,
				text: `${mark(pl.state)}placement ${pl.placementName}${attributes}`,
				marked: pl.state === 'deleted',
			});
			for (const held of pl.devices) {
				placed.add(held.deviceId);
				const device = devices.get(held.deviceId);
				rows.push({
					kind: 'device',
					depth: 2,
					text: `${held.deviceTemplateName ?? '?'}: ${held.deviceId} · ${deviceFacts(device)}`,
					marked: device?.enabled === false,
					deviceId: held.deviceId,
				});
			}
		}
	}
	const loose = inventory.devices.filter(d => !placed.has(d.deviceId));
	if (loose.length > 0) {
		rows.push({kind: 'heading', depth: 0, text: `devices in no placement (${loose.length})`, marked: false});
		for (const device of loose)
			rows.push({
				kind: 'device',
				depth: 1,
				text: `${device.deviceId} · ${deviceFacts(device)}`,
				marked: device.enabled === false,
				deviceId: device.deviceId,
			});
	}
	return rows;
}

/** A dossier event's state after it, as text. */
export function afterText(event: DossierEvent): string {
	const {enabled, placement, claimed} = event.after;
	const place = placement
		? `${placement.projectName}/${placement.placementName} ${placement.deviceTemplateName ?? '?'}`
		: 'no placement';
	return `${enabled === null ? 'enabled unknown' : enabled ? 'enabled' : '[DISABLED]'} · ${place} · ${claimed?.state ?? 'claim unknown'}`;
}

/** The change section of a record as text lines (empty: not a call the section describes). */
export function changeText(change: Change | null | undefined): string[] {
	if (!change) return [];
	if (change.failed !== null) return [`failed (${change.failed}): this call changed nothing`];
	if (change.note) return [change.note];
	return change.lines.map(line => {
		const before = line.before === null ? '?' : line.before.value;
		const by =
			line.before === null
				? 'before: not in the evidence'
				: line.before.by
					? `before set by ${line.before.by.eventID} at ${line.before.by.eventTime} by ${line.before.by.principal}`
					: 'before: no single event set it';
		const same = line.before !== null && line.before.value === line.after ? ' (unchanged)' : '';
		return `${line.fact}: ${before} -> ${line.after}${same} · ${by}`;
	});
}

/** Lines the change section takes in a record view of `height` lines (a title and its lines, at most a third). */
export function changeHeight(change: Change | null | undefined, height: number): number {
	const lines = changeText(change).length;
	if (lines === 0) return 0;
	return Math.min(lines + 1, Math.max(2, Math.floor(height / 3)));
}

/** The change answer if it is the record's (an answer for another record is never shown). */
export function changeFor(change: Change | null | undefined, eventID: string | undefined): Change | null {
	return change && change.eventID === eventID ? change : null;
}
