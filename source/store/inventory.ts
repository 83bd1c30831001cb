/**
 * Runs the inventory replay (source/query/inventory.ts) on a case file (or a reader lane's query: the screen) and
 * hands back its rows, for source/inventory/ to assemble. Entity rows only (projects, placements, devices): never the
 * events themselves.
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import {
	inventoryDevicesQuery,
	inventoryPlacementsQuery,
	inventoryProjectsQuery,
	inventorySlotsQuery,
	newestEventQuery,
	type Cut,
} from '../query/inventory.js';
import {deviceDossierQuery} from '../query/dossier.js';
import type {CaseFile, Row} from './database.js';
import type {RunQuery} from './lineage.js';
import {read} from './read.js';

type Db = CaseFile | DuckDBConnection | RunQuery;

const runner = (db: Db): RunQuery => (typeof db === 'function' ? db : query => read(db, query));

/** The replay's rows, as of `at` (ISO 8601 with microseconds; null when there is no instant: an empty case file). */
export type InventoryRows = {at: string | null; projects: Row[]; placements: Row[]; slots: Row[]; devices: Row[]};

/** Which of the replay's queries to run (all by default); a part left out comes back empty. */
export type InventoryParts = {projects?: boolean; placements?: boolean; slots?: boolean; devices?: boolean};

/**
 * The inventory's rows after every event at or before the cut, or after the newest event when it is undefined.
 * `parts`: only some of its queries (the record view's change section runs those its call's facts need).
 */
export async function readInventory(db: Db, at?: Cut, parts: InventoryParts = {}): Promise<InventoryRows> {
	const run = runner(db);
	const {projects = true, placements = true, slots = true, devices = true} = parts;
	let instant: string | null;
	if (at === undefined) {
		const [newest] = await run(newestEventQuery());
		instant = (newest?.['newest'] as string | null | undefined) ?? null;
	} else {
		instant = at instanceof Date ? at.toISOString().replace(/Z$/, '000Z') : at.eventTime;
	}
	return {
		at: instant,
		projects: projects ? await run(inventoryProjectsQuery(at)) : [],
		placements: placements ? await run(inventoryPlacementsQuery(at)) : [],
		slots: slots ? await run(inventorySlotsQuery(at)) : [],
		devices: devices ? await run(inventoryDevicesQuery(at)) : [],
	};
}

/** The events that touched a device, in order, each with the device's state right after it (one statement). */
export async function readDeviceDossier(db: Db, deviceId: string): Promise<Row[]> {
	return runner(db)(deviceDossierQuery(deviceId));
}
