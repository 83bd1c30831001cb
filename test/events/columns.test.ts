import {describe, expect, test} from 'vitest';
import {
	COLUMNS,
	FACET_FIELDS,
	FACET_PANE_FIELDS,
	PIVOTS,
	STORED_COLUMNS,
	TABLE_COLUMNS,
} from '../../source/events/columns.js';
import {CaseFile} from '../../source/store/database.js';

describe('the column registry', () => {
	test('equals DESCRIBE events after migrating: names, order, types, NOT NULL and the virtual columns', async () => {
		const db = await CaseFile.open(':memory:');
		try {
			const described = await db.all('DESCRIBE events');
			expect(described.map(r => r['column_name'])).toEqual(COLUMNS.map(c => c.name));
			const spelled = (type: string) => (type === 'TIMESTAMPTZ' ? 'TIMESTAMP WITH TIME ZONE' : type);
			expect(described.map(r => r['column_type'])).toEqual(COLUMNS.map(c => spelled(c.type)));
			const notNull = described.filter(r => r['null'] === 'NO').map(r => r['column_name']);
			expect(notNull).toEqual(COLUMNS.filter(c => 'notNull' in c).map(c => c.name));
			const [ddl] = await db.all(`SELECT sql FROM duckdb_tables() WHERE table_name = 'events'`);
			const virtual = COLUMNS.filter(c => c.origin.kind === 'virtual').map(c => c.name);
			const sql = String(ddl?.['sql']);
			for (const name of virtual) expect(sql).toMatch(new RegExp(`\\b${name} JSON GENERATED ALWAYS`));
			expect(sql.match(/GENERATED ALWAYS/g)).toHaveLength(virtual.length);
			expect(STORED_COLUMNS).toEqual(COLUMNS.map(c => c.name).filter(n => !virtual.includes(n as never)));
		} finally {
			await db.close();
		}
	});

	test('derives the facet fields, the facets pane, the table columns and the pivots', () => {
		expect(FACET_FIELDS).toEqual([
			'eventName',
			'principal',
			'deviceId',
			'sourceIPAddress',
			'errorCode',
			'accountId',
			'awsRegion',
			'projectName',
			'placementName',
			'principalType',
			'userAgent',
			'recipientAccountId',
			'accessKeyId',
		]);
		expect(FACET_PANE_FIELDS).toEqual(FACET_FIELDS.slice(0, 7));
		expect(TABLE_COLUMNS.map(c => c.name)).toEqual([
			'eventName',
			'principal',
			'deviceId',
			'sourceIPAddress',
			'errorCode',
		]);
		expect(PIVOTS.map(p => [p.name, p.use.key])).toEqual([
			['principal', 'p'],
			['deviceId', 'd'],
			['eventName', 'e'],
			['sourceIPAddress', 'i'],
		]);
		// Facet and pivot positions are each used once.
		const facets = COLUMNS.flatMap(c => ('facet' in c ? [c.facet] : []));
		expect(new Set(facets).size).toBe(facets.length);
	});
});
