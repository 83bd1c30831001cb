/**
 * The events table's columns, the facets pane's fields and the record-view pivots come from the column registry.
 */
import {describe, expect, it} from 'vitest';
import {FACET_PANE_FIELDS, PIVOTS, TABLE_COLUMNS} from '../../source/events/columns.js';
import {eventColumns} from '../../source/ui/event-columns.js';
import {BINDINGS} from '../../source/ui/keys/bindings.js';
import {FACET_PANE_FIELDS as PANE_FIELDS} from '../../source/ui/reads/facets.js';
import {HANDLERS} from '../../source/ui/state/scopes/index.js';

describe('the column registry drives the screen', () => {
	it('the table shows the registry table columns, in its order, when there is room', () => {
		const titles = eventColumns(160, 'UTC').map(c => c.title);
		expect(titles).toEqual(['time', ...TABLE_COLUMNS.map(c => c.name)]);
		expect(eventColumns(160, 'UTC').find(c => c.name === 'principal')?.keep).toBe('end');
	});

	it('narrow, only the always-shown ones', () => {
		expect(eventColumns(70, 'UTC').map(c => c.title)).toEqual(['time UTC', 'eventName', 'principal']);
	});

	it('the facets pane lists the registry facet-pane fields', () => {
		expect(PANE_FIELDS).toBe(FACET_PANE_FIELDS);
	});

	it('each registry pivot is a record-view binding with its key, hint and help, and the record scope takes it', () => {
		for (const {name, use} of PIVOTS) {
			const binding = BINDINGS.find(b => b.scope === 'record' && b.action === `pivot-${name}`);
			expect(binding).toMatchObject({keys: [use.key], hint: use.hint, help: use.help});
			expect(HANDLERS.record.actions).toContain(`pivot-${name}`);
		}
	});
});
