/**
 * The replay's rows (source/store/inventory.ts) assembled into the inventory: placements under their projects,
 * devices in their placements' slots, each device's placement (its newest association still standing). Pure.
 */
import {JsonText} from '../text/values.js';
import type {
	DeviceClaim,
	DevicePlacement,
	EntityState,
	Inventory,
	InventoryDevice,
	InventoryPlacement,
	InventoryProject,
	LastEvent,
	SetBy,
} from './types.js';
import {sortInventory} from './types.js';

type Row = Record<string, unknown>;

/** The rows of one replay. */
export type ReplayRows = {at: string | null; projects: Row[]; placements: Row[]; slots: Row[]; devices: Row[]};

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const maybe = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function setBy(value: unknown): SetBy | null {
	if (value === null || value === undefined || typeof value !== 'object') return null;
	const by = value as Row;
	return {eventID: text(by['eventID']), eventTime: text(by['eventTime']), principal: text(by['principal'])};
}

function projectKey(row: Row): string {
	return JSON.stringify([text(row['accountId']), text(row['awsRegion']), text(row['projectName'])]);
}

function placementKey(row: Row): string {
	return JSON.stringify([
		text(row['accountId']),
		text(row['awsRegion']),
		text(row['projectName']),
		text(row['placementName']),
	]);
}

/** Orders two events as the replay does: by eventTime, then eventID. */
function later(a: SetBy, b: SetBy): boolean {
	return a.eventTime > b.eventTime || (a.eventTime === b.eventTime && a.eventID > b.eventID);
}

/** Assembles the inventory from the replay's rows. */
export function assembleInventory(rows: ReplayRows): Inventory {
	const projects = new Map<string, InventoryProject>();
	for (const row of rows.projects) {
		projects.set(projectKey(row), {
			accountId: text(row['accountId']),
			awsRegion: text(row['awsRegion']),
			projectName: text(row['projectName']),
			state: row['state'] as EntityState,
			createdBy: setBy(row['createdBy']),
			deletedBy: setBy(row['deletedBy']),
			placements: [],
		});
	}
	const placements = new Map<string, InventoryPlacement>();
	for (const row of rows.placements) {
		const placement: InventoryPlacement = {
			placementName: text(row['placementName']),
			state: row['state'] as EntityState,
			attributes:
				row['attributes'] === null || row['attributes'] === undefined ? null : new JsonText(String(row['attributes'])),
			devices: [],
			createdBy: setBy(row['createdBy']),
			deletedBy: setBy(row['deletedBy']),
			attributesSetBy: setBy(row['attributesSetBy']),
		};
		placements.set(placementKey(row), placement);
		projects.get(projectKey(row))?.placements.push(placement);
	}
	const where = new Map<string, {placement: DevicePlacement; by: SetBy}>();
	for (const row of rows.slots) {
		const deviceId = text(row['deviceId']);
		const by = setBy(row['associatedBy'])!;
		const deviceTemplateName = maybe(row['deviceTemplateName']);
		placements.get(placementKey(row))?.devices.push({deviceTemplateName, deviceId, associatedBy: by});
		const known = where.get(deviceId);
		if (!known || later(by, known.by)) {
			where.set(deviceId, {
				by,
				placement: {
					accountId: text(row['accountId']),
					awsRegion: text(row['awsRegion']),
					projectName: text(row['projectName']),
					placementName: text(row['placementName']),
					deviceTemplateName,
				},
			});
		}
	}
	const devices: InventoryDevice[] = rows.devices.map(row => {
		const deviceId = text(row['deviceId']);
		const claimBy = setBy(row['claimSetBy']);
		const claimed: DeviceClaim | null =
			claimBy && row['claimState'] ? {state: row['claimState'] as DeviceClaim['state'], setBy: claimBy} : null;
		const last = row['lastEvent'] as Row;
		const lastEvent: LastEvent = {...setBy(last)!, eventName: text(last['eventName'])};
		const enabled = row['enabled'];
		return {
			deviceId,
			enabled: typeof enabled === 'boolean' ? enabled : null,
			enabledSetBy: setBy(row['enabledSetBy']),
			placement: where.get(deviceId)?.placement ?? null,
			claimed,
			lastEvent,
		};
	});
	return sortInventory({at: rows.at, projects: [...projects.values()], devices});
}
