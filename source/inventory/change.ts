/**
 * What one mutating IoT 1-Click call changed, by the replay's rules: each fact it set, its value just before the call
 * (from the inventory replayed up to the call, exclusive) with the event that set that value, and its value after.
 * A fact the evidence never set before the call is "not in the evidence" (null), never guessed; a failed call changed
 * nothing. Pure: the reads are source/query/change.ts and the replay (source/query/inventory.ts).
 */
import {CLAIM_STATES} from '../query/inventory.js';
import {JsonText, jsonValue} from '../text/values.js';
import type {DevicePlacement, Inventory, InventoryPlacement, InventoryProject, SetBy} from './types.js';

/** The calls the section describes. */
export const MUTATING_CALLS = new Set([
	'UpdateDeviceState',
	'AssociateDeviceWithPlacement',
	'DisassociateDeviceFromPlacement',
	'CreateProject',
	'UpdateProject',
	'DeleteProject',
	'CreatePlacement',
	'UpdatePlacement',
	'DeletePlacement',
	'ClaimDevicesByClaimCode',
	...Object.keys(CLAIM_STATES),
]);

/** The calls whose "before" is a device's own facts (the replay's devices query); the rest need the placements. */
export const DEVICE_CALLS = new Set(['UpdateDeviceState', 'ClaimDevicesByClaimCode', ...Object.keys(CLAIM_STATES)]);

/** The event, with the request parameters the replay reads (source/query/change.ts changeEventQuery). */
export type ChangeEvent = {
	eventID: string;
	eventTime: string;
	eventName: string;
	errorCode: string | null;
	accountId: string;
	awsRegion: string;
	projectName: string | null;
	placementName: string | null;
	deviceId: string | null;
	/** requestParameters.enabled, lower case. */
	enabled: string | null;
	deviceTemplateName: string | null;
	/** requestParameters.attributes as JSON text, when an object. */
	attributes: string | null;
	description: string | null;
	/** requestParameters.placementTemplate as JSON text. */
	placementTemplate: string | null;
};

/** A fact's value and the event that set it; null: not in the evidence. */
export type Value = {value: string; by: SetBy | null} | null;

/** The project's description and placement template before the call, from its definition calls. */
export type ProjectDefinition = {description: Value; placementTemplate: Value};

/** The state before the call: the replay cut just before it, and (for project calls) the project's definition. */
export type Before = {inventory: Inventory; project?: ProjectDefinition};

/** One fact the call set: before (null: not in the evidence) and after. */
export type ChangeLine = {fact: string; before: Value; after: string};

/** What the call changed; `failed`: its errorCode (it changed nothing); `note`: why nothing tracked changed. */
export type Change = {eventID: string; eventName: string; failed: string | null; lines: ChangeLine[]; note?: string};

const EMPTY = 'empty';

/** The project's definition before a cut, from its Create/Update/DeleteProject rows, newest first. */
export function projectDefinition(rows: ReadonlyArray<Record<string, unknown>>): ProjectDefinition {
	const definition: ProjectDefinition = {description: null, placementTemplate: null};
	for (const row of rows) {
		// Before a deletion the project was another one (or gone): nothing older describes it.
		if (row['eventName'] === 'DeleteProject') break;
		const by = row['by'] as SetBy;
		const set = (key: 'description' | 'placementTemplate', text: (v: string) => string) => {
			const value = row[key];
			if (definition[key] === null && typeof value === 'string') definition[key] = {value: text(value), by: {...by}};
		};
		set('description', v => v);
		set('placementTemplate', v => jsonValue(new JsonText(v)));
		if (row['eventName'] === 'CreateProject') break;
	}
	return definition;
}

function findProject(
	inventory: Inventory,
	key: {accountId: string; awsRegion: string; projectName: string | null},
): InventoryProject | undefined {
	return inventory.projects.find(
		p => p.accountId === key.accountId && p.awsRegion === key.awsRegion && p.projectName === key.projectName,
	);
}

/** A project's or placement's state as a value: unknown (never created in the evidence) is not in the evidence. */
function stateOf(entity: {state: string; createdBy: SetBy | null; deletedBy: SetBy | null} | undefined): Value {
	if (!entity || entity.state === 'unknown') return null;
	return {value: entity.state, by: entity.state === 'active' ? entity.createdBy : entity.deletedBy};
}

/** Who is in a placement's slot before the call. */
function slotOf(placement: InventoryPlacement | undefined, template: string | null): Value {
	const held = placement?.devices.find(d => d.deviceTemplateName === template);
	if (held) return {value: held.deviceId, by: held.associatedBy};
	if (placement?.state === 'active') return {value: EMPTY, by: null};
	if (placement?.state === 'deleted') return {value: `${EMPTY} (placement deleted)`, by: placement.deletedBy};
	return null;
}

/** Each device in a placement, taken out of it (a placement or project deleted, or created again). */
function emptied(placement: InventoryPlacement): ChangeLine[] {
	return placement.devices.map(d => ({
		fact: `${placement.placementName} ${d.deviceTemplateName ?? '?'}`,
		before: {value: d.deviceId, by: d.associatedBy},
		after: EMPTY,
	}));
}

function where(place: DevicePlacement): string {
	return `${place.projectName}/${place.placementName} ${place.deviceTemplateName ?? '?'}`;
}

/** What the call changed, from the state before it. */
export function describeChange(event: ChangeEvent, before: Before): Change {
	const change: Change = {eventID: event.eventID, eventName: event.eventName, failed: event.errorCode, lines: []};
	if (event.errorCode !== null) return change;
	const lines = change.lines;
	const nothing = (note: string): Change => ({...change, note});
	const {inventory} = before;
	const device = event.deviceId === null ? undefined : inventory.devices.find(d => d.deviceId === event.deviceId);
	const project = findProject(inventory, event);
	const placement = project?.placements.find(p => p.placementName === event.placementName);
	const slot = `${event.placementName ?? '?'} ${event.deviceTemplateName ?? '?'}`;
	const definition = (key: 'description' | 'placementTemplate', sent: string | null, text: (v: string) => string) => {
		if (sent !== null) lines.push({fact: key, before: before.project?.[key] ?? null, after: text(sent)});
	};
	const template = (v: string) => jsonValue(new JsonText(v));
	switch (event.eventName) {
		case 'UpdateDeviceState': {
			if (event.deviceId === null) return nothing('the call names no device: nothing the replay tracks changed');
			if (event.enabled !== 'true' && event.enabled !== 'false')
				return nothing('the call sent no enabled value: nothing the replay tracks changed');
			const was = device?.enabled ?? null;
			lines.push({
				fact: 'enabled',
				before: was === null ? null : {value: String(was), by: device!.enabledSetBy},
				after: event.enabled,
			});
			break;
		}
		case 'InitiateDeviceClaim':
		case 'FinalizeDeviceClaim':
		case 'UnclaimDevice': {
			if (event.deviceId === null) return nothing('the call names no device: nothing the replay tracks changed');
			const claim = device?.claimed;
			lines.push({
				fact: 'claimed',
				before: claim ? {value: claim.state, by: claim.setBy} : null,
				after: CLAIM_STATES[event.eventName],
			});
			break;
		}
		case 'ClaimDevicesByClaimCode':
			return nothing('the call names no device: which devices it claimed is not in the evidence');
		case 'AssociateDeviceWithPlacement': {
			if (event.deviceId === null || event.projectName === null || event.placementName === null)
				return nothing('the call names no device or placement: nothing the replay tracks changed');
			lines.push({fact: slot, before: slotOf(placement, event.deviceTemplateName), after: event.deviceId});
			// The device was in another slot: it moves.
			const from = device?.placement;
			const same = from && from.projectName === event.projectName && from.placementName === event.placementName;
			if (from && !(same && from.deviceTemplateName === event.deviceTemplateName)) {
				const held = findProject(inventory, from)
					?.placements.find(p => p.placementName === from.placementName)
					?.devices.find(d => d.deviceId === event.deviceId);
				lines.push({
					fact: `device ${event.deviceId}`,
					before: {value: where(from), by: held?.associatedBy ?? null},
					after: `${event.projectName}/${slot}`,
				});
			}
			break;
		}
		case 'DisassociateDeviceFromPlacement':
			if (event.projectName === null || event.placementName === null)
				return nothing('the call names no placement: nothing the replay tracks changed');
			lines.push({fact: slot, before: slotOf(placement, event.deviceTemplateName), after: EMPTY});
			break;
		case 'UpdatePlacement':
			if (event.attributes === null) return nothing('the call sent no attributes: nothing the replay tracks changed');
			lines.push({
				fact: `${event.placementName ?? '?'} attributes`,
				before: placement?.attributes ? {value: jsonValue(placement.attributes), by: placement.attributesSetBy} : null,
				after: jsonValue(new JsonText(event.attributes)),
			});
			break;
		case 'CreatePlacement':
			lines.push({fact: `${event.placementName ?? '?'} state`, before: stateOf(placement), after: 'active'});
			if (event.attributes !== null)
				lines.push({
					fact: `${event.placementName ?? '?'} attributes`,
					before: placement?.attributes
						? {value: jsonValue(placement.attributes), by: placement.attributesSetBy}
						: null,
					after: jsonValue(new JsonText(event.attributes)),
				});
			if (placement) lines.push(...emptied(placement));
			break;
		case 'DeletePlacement':
			lines.push({fact: `${event.placementName ?? '?'} state`, before: stateOf(placement), after: 'deleted'});
			if (placement) lines.push(...emptied(placement));
			break;
		case 'CreateProject':
		case 'UpdateProject':
			if (event.eventName === 'CreateProject') lines.push({fact: 'state', before: stateOf(project), after: 'active'});
			definition('description', event.description, v => v);
			definition('placementTemplate', event.placementTemplate, template);
			if (lines.length === 0)
				return nothing('the call sent no description or placement template: nothing the replay tracks changed');
			break;
		case 'DeleteProject':
			lines.push({fact: 'state', before: stateOf(project), after: 'deleted'});
			for (const pl of project?.placements ?? []) {
				if (pl.state === 'deleted') continue;
				lines.push({fact: `${pl.placementName} state`, before: stateOf(pl), after: 'deleted'}, ...emptied(pl));
			}
			break;
		default:
			return nothing('not a call the replay reads');
	}
	return change;
}
