/**
 * The inventory pane's read (the replay of source/query/inventory.ts, assembled by source/inventory/), the dossier
 * pane's, and the record view's change section (the replay cut just before the event, source/inventory/change.ts).
 */
import {
	DEVICE_CALLS,
	describeChange,
	MUTATING_CALLS,
	projectDefinition,
	type Before,
	type Change,
	type ChangeEvent,
} from '../../inventory/change.js';
import {assembleInventory} from '../../inventory/assemble.js';
import {assembleDossier, type Dossier} from '../../inventory/dossier.js';
import {
	changeEventQuery,
	deviceProjectsQuery,
	latestStateCallsQuery,
	projectDefinitionQuery,
} from '../../query/change.js';
import {inventoryDevicesQuery, type Cut, type ProjectKey} from '../../query/inventory.js';
import {readDeviceDossier, readInventory, type InventoryParts, type InventoryRows} from '../../store/inventory.js';
import type {Query} from '../../store/reader.js';
import {inventoryRows, type InventoryView} from '../model/inventory.js';

/** The inventory after every event before `until` (ISO 8601), or after the newest event. */
export async function loadInventory(query: Query, until?: string): Promise<InventoryView> {
	const cut: Cut = until === undefined ? undefined : {eventTime: until, eventID: '', before: true};
	const inventory = assembleInventory(await readInventory(query, cut));
	return {inventory, rows: inventoryRows(inventory), until: until ?? null};
}

/** Every event that touched a device, with its state after each. */
export async function loadDossier(query: Query, deviceId: string): Promise<Dossier> {
	return assembleDossier(deviceId, await readDeviceDossier(query, deviceId));
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * What a mutating IoT 1-Click call changed, or null for any other event (or one not in the events table).
 * The state before it is the replay cut just before the call, of the projects the call's facts depend on only (its
 * own, and for an association the device's earlier ones; for a device call, that device's calls): the same rows for
 * them as the whole replay, in a tenth of the time on a million events. `wholeReplay`: replay every project and device (the tests compare the two).
 */
export async function loadChange(
	query: Query,
	eventID: string,
	eventTime?: Date,
	{wholeReplay = false}: {wholeReplay?: boolean} = {},
): Promise<Change | null> {
	const row = (await query(changeEventQuery(eventID, eventTime)))[0];
	if (!row || row['eventSource'] !== 'iot1click.amazonaws.com' || !MUTATING_CALLS.has(String(row['eventName'])))
		return null;
	const event: ChangeEvent = {
		eventID: String(row['eventID']),
		eventTime: String(row['eventTime']),
		eventName: String(row['eventName']),
		errorCode: text(row['errorCode']),
		accountId: text(row['accountId']) ?? '',
		awsRegion: text(row['awsRegion']) ?? '',
		projectName: text(row['projectName']),
		placementName: text(row['placementName']),
		deviceId: text(row['deviceId']),
		enabled: text(row['enabled']),
		deviceTemplateName: text(row['deviceTemplateName']),
		attributes: text(row['attributes']),
		description: text(row['description']),
		placementTemplate: text(row['placementTemplate']),
	};
	const empty = {at: event.eventTime, projects: [], placements: [], slots: [], devices: []};
	if (event.errorCode !== null) return describeChange(event, {inventory: assembleInventory(empty)});
	const cut: Cut = {eventTime: event.eventTime, eventID: event.eventID, before: true};
	let rows: InventoryRows;
	if (DEVICE_CALLS.has(event.eventName)) {
		// A device's own facts need its row of the devices query only, and its state the newest state call with a
		// valid `enabled`: when one of its latest calls has one, raw is read from there on only.
		const scope =
			wholeReplay || event.deviceId === null ? cut : await deviceScope(query, {...cut, deviceId: event.deviceId});
		rows = {...empty, devices: await query(inventoryDevicesQuery(scope))};
	} else {
		const projects = wholeReplay ? undefined : await changeProjects(query, event, cut);
		rows = projects
			? await readInventory(query, {...cut, projects}, partsFor(event.eventName))
			: await readInventory(query, cut);
	}
	const before: Before = {inventory: assembleInventory(rows)};
	if (event.projectName !== null && /Project$/.test(event.eventName)) {
		const project = {accountId: event.accountId, awsRegion: event.awsRegion, projectName: event.projectName};
		before.project = projectDefinition(await definitionCalls(query, project, cut));
	}
	return describeChange(event, before);
}

/** How many of a project's newest definition calls {@link definitionCalls} reads first. */
export const LATEST_DEFINITION_CALLS = 16;

/**
 * A project's definition calls before the cut, as many as projectDefinition reads: it stops at the newest creation or
 * deletion, so the newest few do when one is among them (or there are no more); else up to 1,000 as before. Each row
 * reads raw: a project of 36,000 definition calls (the 10M benchmark) took 0.2-0.3 s for 1,000.
 */
async function definitionCalls(query: Query, project: ProjectKey, cut: Cut): ReturnType<Query> {
	const newest = await query(projectDefinitionQuery(project, cut, LATEST_DEFINITION_CALLS));
	const ends = newest.some(r => r['eventName'] === 'CreateProject' || r['eventName'] === 'DeleteProject');
	if (ends || newest.length < LATEST_DEFINITION_CALLS) return newest;
	return query(projectDefinitionQuery(project, cut));
}

/** How many of a device's newest state calls {@link deviceScope} reads `enabled` of first. */
export const LATEST_STATE_CALLS = 16;

/** A device call's scope, with `parametersFrom` when one of the device's newest state calls sent a valid `enabled`. */
async function deviceScope(query: Query, cut: Exclude<Cut, Date | undefined> & {deviceId: string}): Promise<Cut> {
	const latest = await query(latestStateCallsQuery(cut.deviceId, cut, LATEST_STATE_CALLS));
	const oldest = latest.at(-1);
	if (!oldest || !latest.some(r => r['valid'] === true)) return cut;
	return {...cut, parametersFrom: {eventTime: oldest['eventTime'] as Date, eventID: String(oldest['eventID'])}};
}

/** The replay's queries a project or placement call's facts need (source/inventory/change.ts describeChange). */
function partsFor(eventName: string): InventoryParts {
	// A project's creation: its state; its update: its definition only (projectDefinitionQuery).
	if (eventName === 'CreateProject') return {placements: false, slots: false, devices: false};
	if (eventName === 'UpdateProject') return {projects: false, placements: false, slots: false, devices: false};
	// An association: where the device was (devices, with its slots in the projects it was in).
	return {devices: eventName === 'AssociateDeviceWithPlacement'};
}

/**
 * The projects whose replay gives a project or placement call's "before": its own, and for an association the
 * projects of the device's earlier associations (where its slots are); undefined when a key is missing (the whole
 * replay then).
 */
async function changeProjects(query: Query, event: ChangeEvent, cut: Cut): Promise<ProjectKey[] | undefined> {
	const own = {accountId: event.accountId, awsRegion: event.awsRegion, projectName: event.projectName ?? ''};
	if (own.accountId === '' || own.awsRegion === '' || own.projectName === '') return undefined;
	const projects: ProjectKey[] = [own];
	if (event.eventName !== 'AssociateDeviceWithPlacement' || event.deviceId === null) return projects;
	for (const r of await query(deviceProjectsQuery(event.deviceId, cut))) {
		const key = {accountId: text(r['accountId']), awsRegion: text(r['awsRegion']), projectName: text(r['projectName'])};
		if (key.accountId === null || key.awsRegion === null || key.projectName === null) return undefined;
		const same = (p: ProjectKey) =>
			p.accountId === key.accountId && p.awsRegion === key.awsRegion && p.projectName === key.projectName;
		if (!projects.some(same)) projects.push(key as ProjectKey);
	}
	return projects;
}
