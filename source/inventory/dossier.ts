/**
 * A device's dossier: every event that touched it, in (eventTime, eventID) order, with its state right after each:
 * the events that named it (failed calls and reads included), and the calls that took it out of a placement
 * without naming it (a Disassociate by template, its placement or project deleted). Pure.
 */
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

function setBy(value: unknown): SetBy | null {
	if (value === null || value === undefined || typeof value !== 'object') return null;
	const by = value as Row;
	return {eventID: String(by['eventID']), eventTime: String(by['eventTime']), principal: String(by['principal'])};
}

/**
 * Assembles the dossier from the rows of source/query/dossier.ts's deviceDossierQuery: the events that named the
 * device, and those that did not but took it out of its placement.
 */
export function assembleDossier(deviceId: string, rows: readonly Row[]): Dossier {
	const events: DossierEvent[] = [];
	let before: DevicePlacement | null = null;
	for (const row of rows) {
		const placement = (row['placement'] ?? null) as DevicePlacement | null;
		const claimBy = setBy(row['claimSetBy']);
		const after: DeviceState = {
			enabled: typeof row['enabled'] === 'boolean' ? row['enabled'] : null,
			enabledSetBy: setBy(row['enabledSetBy']),
			placement: placement && {...placement, deviceTemplateName: placement.deviceTemplateName ?? null},
			claimed: claimBy && row['claimState'] ? {state: row['claimState'] as DeviceClaim['state'], setBy: claimBy} : null,
		};
		if (row['named'] === true || JSON.stringify(after.placement) !== JSON.stringify(before)) {
			events.push({
				eventID: String(row['eventID']),
				eventTime: String(row['eventTime']),
				principal: String(row['principal']),
				eventName: String(row['eventName']),
				errorCode: row['errorCode'] === null || row['errorCode'] === undefined ? null : String(row['errorCode']),
				after,
			});
		}
		before = after.placement;
	}
	return {deviceId, events};
}
