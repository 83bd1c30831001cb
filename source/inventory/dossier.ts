/**
 * A device's dossier: every event that touched it, in (eventTime, eventID) order, with its state right after each:
 * the events that named it (failed calls and reads included), and the calls that took it out of a placement
 * without naming it (a Disassociate by template, its placement or project deleted). Pure.
 */
import {assembleInventory} from './assemble.js';
import type {DeviceClaim, DevicePlacement, SetBy} from './types.js';

type Row = Record<string, unknown>;

/** The device after an event; null facts are unknown (no call in the evidence set them yet). */
export type DeviceState = {
	enabled: boolean | null;
	enabledSetBy: SetBy | null;
	placement: DevicePlacement | null;
	claimed: DeviceClaim | null;
};

export type DossierEvent = SetBy & {eventName: string; errorCode: string | null; after: DeviceState};

export type Dossier = {deviceId: string; events: DossierEvent[]};

const NOTHING: DeviceState = {enabled: null, enabledSetBy: null, placement: null, claimed: null};

/** Assembles the dossier from the replay's rows after each candidate event (source/store/inventory.ts). */
export function assembleDossier(deviceId: string, rows: readonly {event: Row; slots: Row[]; devices: Row[]}[]): Dossier {
	const events: DossierEvent[] = [];
	let before: DeviceState = NOTHING;
	for (const {event, slots, devices} of rows) {
		const inventory = assembleInventory({at: null, projects: [], placements: [], slots, devices});
		const device = inventory.devices.find(d => d.deviceId === deviceId);
		const after: DeviceState = device
			? {enabled: device.enabled, enabledSetBy: device.enabledSetBy, placement: device.placement, claimed: device.claimed}
			: NOTHING;
		// A call that did not name the device touched it only if it took it out of its placement.
		const named = event['named'] === true;
		if (named || JSON.stringify(after.placement) !== JSON.stringify(before.placement)) {
			events.push({
				eventID: String(event['eventID']),
				eventTime: String(event['eventTime']),
				principal: String(event['principal']),
				eventName: String(event['eventName']),
				errorCode: event['errorCode'] === null || event['errorCode'] === undefined ? null : String(event['errorCode']),
				after,
			});
		}
		before = after;
	}
	return {deviceId, events};
}
