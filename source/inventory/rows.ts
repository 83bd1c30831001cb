/**
 * The inventory and a dossier as rows, for the table, csv and ndjson formats (source/output/write-rows.ts): one row
 * per fact, with the event that set it. Unknown facts say `unknown` and name no event. Pure.
 */
import type {Dossier} from './dossier.js';
import type {Inventory, SetBy} from './types.js';

/** Columns, their DuckDB-style types (all text, so csv neutralises formulas), and rows. */
export type FactRows = {columns: string[]; types: string[]; rows: unknown[][]};

export const FACT_COLUMNS = [
	'kind',
	'accountId',
	'awsRegion',
	'projectName',
	'placementName',
	'deviceTemplateName',
	'deviceId',
	'fact',
	'value',
	'eventTime',
	'principal',
	'eventID',
] as const;

const UNKNOWN = 'unknown';

function by(setBy: SetBy | null): unknown[] {
	return setBy ? [setBy.eventTime, setBy.principal, setBy.eventID] : [null, null, null];
}

/** One row per fact of the inventory: project and placement states, attributes, devices in placements, device facts. */
export function inventoryRows(inventory: Inventory): FactRows {
	const rows: unknown[][] = [];
	for (const p of inventory.projects) {
		const where = [p.accountId, p.awsRegion, p.projectName];
		const stateBy = p.state === 'active' ? p.createdBy : p.state === 'deleted' ? p.deletedBy : null;
		rows.push(['project', ...where, null, null, null, 'state', p.state, ...by(stateBy)]);
		for (const pl of p.placements) {
			const placeBy = pl.state === 'active' ? pl.createdBy : pl.state === 'deleted' ? pl.deletedBy : null;
			rows.push(['placement', ...where, pl.placementName, null, null, 'state', pl.state, ...by(placeBy)]);
			rows.push([
				'placement',
				...where,
				pl.placementName,
				null,
				null,
				'attributes',
				pl.attributes ?? UNKNOWN,
				...by(pl.attributesSetBy),
			]);
			for (const d of pl.devices) {
				rows.push([
					'placement',
					...where,
					pl.placementName,
					d.deviceTemplateName,
					d.deviceId,
					'device',
					d.deviceId,
					...by(d.associatedBy),
				]);
			}
		}
	}
	for (const d of inventory.devices) {
		const place = d.placement;
		const where = place
			? [place.accountId, place.awsRegion, place.projectName, place.placementName, place.deviceTemplateName]
			: [null, null, null, null, null];
		rows.push([
			'device',
			...where,
			d.deviceId,
			'enabled',
			d.enabled === null ? UNKNOWN : String(d.enabled),
			...by(d.enabledSetBy),
		]);
		rows.push([
			'device',
			...where,
			d.deviceId,
			'claimed',
			d.claimed?.state ?? UNKNOWN,
			...by(d.claimed?.setBy ?? null),
		]);
		rows.push(['device', ...where, d.deviceId, 'lastEvent', d.lastEvent.eventName, ...by(d.lastEvent)]);
	}
	return {columns: [...FACT_COLUMNS], types: FACT_COLUMNS.map(() => 'VARCHAR'), rows};
}

export const DOSSIER_COLUMNS = [
	'eventTime',
	'eventName',
	'principal',
	'errorCode',
	'eventID',
	'enabled',
	'placement',
	'claimed',
] as const;

/** One row per event of a dossier, with the device's state after it. */
export function dossierRows(dossier: Dossier): FactRows {
	const rows = dossier.events.map(e => {
		const place = e.after.placement;
		return [
			e.eventTime,
			e.eventName,
			e.principal,
			e.errorCode,
			e.eventID,
			e.after.enabled === null ? UNKNOWN : String(e.after.enabled),
			place
				? `${place.accountId}/${place.awsRegion}/${place.projectName}/${place.placementName} (${place.deviceTemplateName ?? '?'})`
				: null,
			e.after.claimed?.state ?? UNKNOWN,
		];
	});
	return {columns: [...DOSSIER_COLUMNS], types: DOSSIER_COLUMNS.map(() => 'VARCHAR'), rows};
}
