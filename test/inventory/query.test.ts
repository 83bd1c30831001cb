import {describe, expect, it} from 'vitest';
import {
	inventoryDevicesQuery,
	inventoryPlacementsQuery,
	inventoryProjectsQuery,
	inventorySlotsQuery,
} from '../../source/query/inventory.js';
import {deviceDossierQuery} from '../../source/query/dossier.js';

const HOSTILE = `x'); DROP TABLE events; --`;

describe('inventory SQL', () => {
	it('binds the instant as a parameter, never as text', () => {
		const at = new Date('2024-12-03T23:30:00Z');
		for (const build of [
			inventoryProjectsQuery,
			inventoryPlacementsQuery,
			inventorySlotsQuery,
			inventoryDevicesQuery,
		]) {
			const query = build(at);
			expect(query.params.length).toBeGreaterThan(0);
			for (const param of query.params) expect(param).toBe(at);
			expect(query.sql).not.toContain('2024');
			expect(query.sql.match(/\?/g)).toHaveLength(query.params.length);
			expect(build().params).toEqual([]);
			expect(build().sql).not.toContain('?');
		}
	});

	it('binds a cut at one event and a device id as parameters', () => {
		const cut = {eventTime: `2024-12-03T23:30:00.000000Z`, eventID: HOSTILE};
		const query = inventoryDevicesQuery(cut);
		expect(query.params).toEqual([cut.eventTime, cut.eventTime, HOSTILE, cut.eventTime, cut.eventTime, HOSTILE]);
		expect(query.sql.match(/\?/g)).toHaveLength(6);
		expect(query.sql).not.toContain('DROP');
		const device = deviceDossierQuery(HOSTILE);
		expect(device.params).toEqual([HOSTILE, HOSTILE, HOSTILE]);
		expect(device.sql).not.toContain('DROP');
	});
});
