/**
 * The truth of a lifecycle sample (lifecycle.ts): the successful calls it made, each with the effect it intended, and
 * the inventory they amount to at any instant, folded here in (eventTime, eventID) order. This is the generator's
 * own bookkeeping of what it did, independent of the records' JSON and of the replay that reads them back.
 */
import type {
	DeviceClaim,
	Inventory,
	InventoryDevice,
	InventoryPlacement,
	InventoryProject,
	SetBy,
} from '../inventory/types.js';
import {sortInventory} from '../inventory/types.js';

/** What a successful call did. */
export type LifecycleEffect =
	| {kind: 'none'}
	| {kind: 'createProject' | 'deleteProject'}
	| {kind: 'createPlacement' | 'updatePlacement'; attributes: Record<string, string> | null}
	| {kind: 'deletePlacement'}
	| {kind: 'associate'; deviceTemplateName: string}
	| {kind: 'disassociate'; deviceTemplateName: string}
	| {kind: 'enable'; enabled: boolean}
	| {kind: 'claim'; state: DeviceClaim['state']};

/** One successful call: who, when, what it named, what it did. Plain JSON. */
export type LifecycleCall = {
	eventID: string;
	timeMs: number;
	eventName: string;
	principal: string;
	accountId: string;
	awsRegion: string;
	projectName?: string;
	placementName?: string;
	deviceId?: string;
	effect: LifecycleEffect;
};

/** A failed call (with an errorCode): it must change nothing. */
export type LifecycleFailure = {eventID: string; timeMs: number; eventName: string; deviceId?: string};

/** Everything a test needs about a lifecycle sample. */
export type LifecycleTruth = {
	seed: number;
	/** IoT 1-Click records written (all unique eventIDs). */
	events: number;
	calls: LifecycleCall[];
	failures: LifecycleFailure[];
	/** Pairs of successful UpdateDeviceState calls on one device in the same second (the eventID orders them). */
	ties: {deviceId: string; eventIDs: [string, string]}[];
	/** Log files, relative paths. */
	logFiles: string[];
	startMs: number;
	endMs: number;
};

/** ISO 8601 with microseconds, as the inventory writes times. */
export function isoMicros(ms: number): string {
	return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The inventory after every successful call at or before atMs, in (eventTime, eventID) order. */
export function expectedInventory(truth: Pick<LifecycleTruth, 'calls'>, atMs: number): Inventory {
	const calls = truth.calls
		.filter(call => call.timeMs <= atMs)
		.sort((a, b) => a.timeMs - b.timeMs || (a.eventID < b.eventID ? -1 : a.eventID > b.eventID ? 1 : 0));
	const projects = new Map<string, InventoryProject>();
	const placements = new Map<string, {project: InventoryProject; placement: InventoryPlacement}>();
	const devices = new Map<string, InventoryDevice>();
	for (const call of calls) {
		const by: SetBy = {eventID: call.eventID, eventTime: isoMicros(call.timeMs), principal: call.principal};
		let project: InventoryProject | undefined;
		let placement: InventoryPlacement | undefined;
		if (call.projectName !== undefined) {
			const key = `${call.accountId}/${call.awsRegion}/${call.projectName}`;
			project = projects.get(key);
			if (!project) {
				project = {
					accountId: call.accountId,
					awsRegion: call.awsRegion,
					projectName: call.projectName,
					state: 'unknown',
					createdBy: null,
					deletedBy: null,
					placements: [],
				};
				projects.set(key, project);
			}
			if (call.placementName !== undefined) {
				const placementKey = `${key}/${call.placementName}`;
				placement = placements.get(placementKey)?.placement;
				if (!placement) {
					placement = {
						placementName: call.placementName,
						state: 'unknown',
						attributes: null,
						devices: [],
						createdBy: null,
						deletedBy: null,
						attributesSetBy: null,
					};
					project.placements.push(placement);
					placements.set(placementKey, {project, placement});
				}
			}
		}
		let device: InventoryDevice | undefined;
		if (call.deviceId !== undefined) {
			device = devices.get(call.deviceId);
			if (!device) {
				device = {
					deviceId: call.deviceId,
					enabled: null,
					enabledSetBy: null,
					placement: null,
					claimed: null,
					lastEvent: {...by, eventName: call.eventName},
				};
				devices.set(call.deviceId, device);
			}
			device.lastEvent = {...by, eventName: call.eventName};
		}
		const clear = (target: InventoryPlacement) => {
			for (const held of target.devices) {
				const d = devices.get(held.deviceId);
				if (
					d?.placement &&
					d.placement.placementName === target.placementName &&
					d.placement.projectName === project!.projectName
				)
					d.placement = null;
			}
			target.devices = [];
		};
		const effect = call.effect;
		switch (effect.kind) {
			case 'createProject':
				Object.assign(project!, {state: 'active', createdBy: by, deletedBy: null});
				break;
			case 'deleteProject':
				Object.assign(project!, {state: 'deleted', deletedBy: by});
				for (const each of project!.placements) {
					clear(each);
					Object.assign(each, {state: 'deleted', deletedBy: by});
				}
				break;
			case 'createPlacement':
			case 'updatePlacement':
				if (effect.kind === 'createPlacement') {
					clear(placement!);
					Object.assign(placement!, {state: 'active', createdBy: by, deletedBy: null});
				}
				if (effect.attributes !== null) Object.assign(placement!, {attributes: effect.attributes, attributesSetBy: by});
				break;
			case 'deletePlacement':
				clear(placement!);
				Object.assign(placement!, {state: 'deleted', deletedBy: by});
				break;
			case 'associate': {
				placement!.devices = placement!.devices.filter(d => d.deviceTemplateName !== effect.deviceTemplateName);
				placement!.devices.push({
					deviceTemplateName: effect.deviceTemplateName,
					deviceId: call.deviceId!,
					associatedBy: by,
				});
				device!.placement = {
					accountId: call.accountId,
					awsRegion: call.awsRegion,
					projectName: call.projectName!,
					placementName: call.placementName!,
					deviceTemplateName: effect.deviceTemplateName,
				};
				break;
			}
			case 'disassociate': {
				const held = placement!.devices.find(d => d.deviceTemplateName === effect.deviceTemplateName);
				placement!.devices = placement!.devices.filter(d => d !== held);
				if (held) {
					const d = devices.get(held.deviceId);
					if (d) d.placement = null;
				}
				break;
			}
			case 'enable':
				Object.assign(device!, {enabled: effect.enabled, enabledSetBy: by});
				break;
			case 'claim':
				device!.claimed = {state: effect.state, setBy: by};
				break;
			case 'none':
				break;
		}
	}
	return sortInventory({
		at: isoMicros(atMs),
		projects: [...projects.values()],
		devices: [...devices.values()],
	});
}
