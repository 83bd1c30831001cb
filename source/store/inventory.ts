/**
 * Runs the inventory replay (source/query/inventory.ts) on a case file and hands back its rows, for
 * source/inventory/ to assemble. Entity rows only (projects, placements, devices): never the events themselves.
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import {
	deviceDossierQuery,
	inventoryDevicesQuery,
	inventoryPlacementsQuery,
	inventoryProjectsQuery,
	inventorySlotsQuery,
	newestEventQuery,
	type Cut,
} from '../query/inventory.js';
import type {CaseFile, Row} from './database.js';
import {read} from './read.js';

/** The replay's rows, as of `at` (ISO 8601 with microseconds; null when there is no instant: an empty case file). */
export type InventoryRows = {at: string | null; projects: Row[]; placements: Row[]; slots: Row[]; devices: Row[]};

/** The inventory's rows after every event at or before the cut, or after the newest event when it is undefined. */
export async function readInventory(db: CaseFile | DuckDBConnection, at?: Cut): Promise<InventoryRows> {
	let instant: string | null;
	if (at === undefined) {
		const [newest] = await read(db, newestEventQuery());
		instant = (newest?.['newest'] as string | null | undefined) ?? null;
	} else {
		instant = at instanceof Date ? at.toISOString().replace(/Z$/, '000Z') : at.eventTime;
	}
	return {
		at: instant,
		projects: await read(db, inventoryProjectsQuery(at)),
		placements: await read(db, inventoryPlacementsQuery(at)),
		slots: await read(db, inventorySlotsQuery(at)),
		devices: await read(db, inventoryDevicesQuery(at)),
	};
}

/** The events that touched a device, in order, each with the device's state right after it (one statement). */
export async function readDeviceDossier(db: CaseFile | DuckDBConnection, deviceId: string): Promise<Row[]> {
	return read(db, deviceDossierQuery(deviceId));
}
