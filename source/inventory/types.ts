/**
 * The IoT 1-Click inventory as `clicktrail inventory --format json` writes it: projects, placements and devices as
 * of one instant, rebuilt from the successful calls of the case file. Every fact names the event that set it.
 */

/** The event that set a fact. Times are ISO 8601 in UTC with microseconds. */
export type SetBy = {eventID: string; eventTime: string; principal: string};

/** A device in a placement: the placement's slot (its device template) and the device associated with it. */
export type PlacementDevice = {deviceTemplateName: string | null; deviceId: string; associatedBy: SetBy};

/** What the trail shows of a placement's existence: created, deleted (itself or with its project), or unknown. */
export type EntityState = 'active' | 'deleted' | 'unknown';

export type InventoryPlacement = {
	placementName: string;
	state: EntityState;
	/** The attributes of the newest CreatePlacement or UpdatePlacement that gave some, or null if none did. */
	attributes: unknown;
	devices: PlacementDevice[];
	createdBy: SetBy | null;
	deletedBy: SetBy | null;
	attributesSetBy: SetBy | null;
};

export type InventoryProject = {
	accountId: string;
	awsRegion: string;
	projectName: string;
	state: EntityState;
	createdBy: SetBy | null;
	deletedBy: SetBy | null;
	placements: InventoryPlacement[];
};

/** Where a device is associated. */
export type DevicePlacement = {
	accountId: string;
	awsRegion: string;
	projectName: string;
	placementName: string;
	deviceTemplateName: string | null;
};

/** A device's claim, from InitiateDeviceClaim, FinalizeDeviceClaim or UnclaimDevice. */
export type DeviceClaim = {state: 'initiated' | 'claimed' | 'unclaimed'; setBy: SetBy};

/** The newest successful call that named the device (reads included). */
export type LastEvent = SetBy & {eventName: string};

export type InventoryDevice = {
	deviceId: string;
	/** null: no UpdateDeviceState in the evidence. */
	enabled: boolean | null;
	enabledSetBy: SetBy | null;
	placement: DevicePlacement | null;
	/** The newest claim call, or null: none in the evidence. */
	claimed: DeviceClaim | null;
	lastEvent: LastEvent;
};

export type Inventory = {
	/** The instant the inventory is as of (every event at or before it counts); null for an empty case file. */
	at: string | null;
	projects: InventoryProject[];
	devices: InventoryDevice[];
};

/** Sorts the arrays of an inventory the one way output and tests expect (accounts, regions, names, ids). */
export function sortInventory(inventory: Inventory): Inventory {
	const text = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
	for (const project of inventory.projects) {
		project.placements.sort((a, b) => text(a.placementName, b.placementName));
		for (const placement of project.placements) {
			placement.devices.sort(
				(a, b) => text(a.deviceTemplateName, b.deviceTemplateName) || text(a.deviceId, b.deviceId),
			);
		}
	}
	inventory.projects.sort(
		(a, b) => text(a.accountId, b.accountId) || text(a.awsRegion, b.awsRegion) || text(a.projectName, b.projectName),
	);
	inventory.devices.sort((a, b) => text(a.deviceId, b.deviceId));
	return inventory;
}
