/**
 * The column registry: each column of the `events` table once, with its DuckDB type, where its value comes from in
 * the CloudTrail record, and the parts of the product that use it (facet, events table column, pivot). A pure module
 * low in the tree: the loader's record shape and column lists, the facet fields, the table columns and the pivots are
 * derived from it. Migrations stay frozen text; test/events/columns.test.ts checks this list equals `DESCRIBE events`
 * after migrating, so a new column is a migration plus one entry here.
 */

/** The IoT 1-Click service's eventSource. */
export const IOT1CLICK_SOURCE = 'iot1click.amazonaws.com';

/** Where a column's value comes from when the loader reads a record. */
export type ColumnOrigin =
	/** The record's value at this dotted path, read as text (a `cast` turns it into the column's type). */
	| {kind: 'path'; path: string}
	/** Computed by the loader from the record's userIdentity (see source/store/ingest-sql.ts, derivedSql). */
	| {kind: 'derived'}
	/** Computed from raw each time it is read (a VIRTUAL generated column: never written). */
	| {kind: 'virtual'; path: string}
	/** The record's whole JSON text. */
	| {kind: 'raw'}
	/** The evidence file the record came from (the loader's file list, not the record). */
	| {kind: 'file'};

/** How the events table on screen shows a column it may show. */
export type TableUse = {
	/** Cells it takes when shown. */
	width: number;
	/** Which end of a long value stays visible (an ARN's distinguishing part is its end). */
	keep: 'start' | 'end';
	/** Order among the table's columns (the time column comes first, then these by order). */
	order: number;
	/** Always shown; optional ones are added, by order, while the principal keeps 24 cells. */
	always?: true;
};

/** A record-view pivot: the key that replaces the filter with "this column = the record's value". */
export type PivotUse = {order: number; key: string; hint: string; help: string; missing?: string};

export type ColumnDef = {
	name: string;
	type: 'VARCHAR' | 'TIMESTAMPTZ' | 'BOOLEAN' | 'JSON';
	notNull?: true;
	origin: ColumnOrigin;
	/** Position in the list of facet fields (filterable by value, countable in the facets pane); absent: not a facet. */
	facet?: number;
	/** Listed in the facets pane (the other facet fields are reachable from the filter prompt). */
	facetPane?: true;
	table?: TableUse;
	pivot?: PivotUse;
};

const column = <const Name extends string, const Def extends Omit<ColumnDef, 'name'>>(name: Name, def: Def) => ({
	name,
	...def,
});

/** Every column of `events`, in table order. */
export const COLUMNS = [
	column('eventID', {type: 'VARCHAR', notNull: true, origin: {kind: 'path', path: 'eventID'}}),
	column('eventTime', {type: 'TIMESTAMPTZ', notNull: true, origin: {kind: 'path', path: 'eventTime'}}),
	column('eventSource', {type: 'VARCHAR', origin: {kind: 'path', path: 'eventSource'}}),
	column('eventName', {
		type: 'VARCHAR',
		origin: {kind: 'path', path: 'eventName'},
		facet: 0,
		facetPane: true,
		table: {order: 0, width: 24, keep: 'start', always: true},
		pivot: {order: 2, key: 'e', hint: 'name', help: 'events with the same eventName'},
	}),
	column('awsRegion', {type: 'VARCHAR', origin: {kind: 'path', path: 'awsRegion'}, facet: 6, facetPane: true}),
	column('sourceIPAddress', {
		type: 'VARCHAR',
		origin: {kind: 'path', path: 'sourceIPAddress'},
		facet: 3,
		facetPane: true,
		table: {order: 4, width: 16, keep: 'start'},
		pivot: {
			order: 3,
			key: 'i',
			hint: 'ip',
			help: 'events from the same source IP',
			missing: 'this event has no source IP',
		},
	}),
	column('userAgent', {type: 'VARCHAR', origin: {kind: 'path', path: 'userAgent'}, facet: 10}),
	column('errorCode', {
		type: 'VARCHAR',
		origin: {kind: 'path', path: 'errorCode'},
		facet: 4,
		facetPane: true,
		table: {order: 5, width: 18, keep: 'start'},
	}),
	column('errorMessage', {type: 'VARCHAR', origin: {kind: 'path', path: 'errorMessage'}}),
	column('readOnly', {type: 'BOOLEAN', origin: {kind: 'path', path: 'readOnly'}}),
	column('requestID', {type: 'VARCHAR', origin: {kind: 'path', path: 'requestID'}}),
	column('eventType', {type: 'VARCHAR', origin: {kind: 'path', path: 'eventType'}}),
	column('eventVersion', {type: 'VARCHAR', origin: {kind: 'path', path: 'eventVersion'}}),
	column('recipientAccountId', {type: 'VARCHAR', origin: {kind: 'path', path: 'recipientAccountId'}, facet: 11}),
	column('userIdentity', {type: 'JSON', origin: {kind: 'virtual', path: 'userIdentity'}}),
	column('requestParameters', {type: 'JSON', origin: {kind: 'virtual', path: 'requestParameters'}}),
	column('responseElements', {type: 'JSON', origin: {kind: 'virtual', path: 'responseElements'}}),
	column('principal', {
		type: 'VARCHAR',
		notNull: true,
		origin: {kind: 'derived'},
		facet: 1,
		facetPane: true,
		table: {order: 1, width: 8, keep: 'end', always: true},
		pivot: {order: 0, key: 'p', hint: 'principal', help: 'events of the same principal'},
	}),
	column('principalType', {type: 'VARCHAR', origin: {kind: 'derived'}, facet: 9}),
	column('accountId', {type: 'VARCHAR', origin: {kind: 'derived'}, facet: 5, facetPane: true}),
	column('accessKeyId', {type: 'VARCHAR', origin: {kind: 'derived'}, facet: 12}),
	column('deviceId', {
		type: 'VARCHAR',
		origin: {kind: 'path', path: 'requestParameters.deviceId'},
		facet: 2,
		facetPane: true,
		table: {order: 3, width: 18, keep: 'start'},
		pivot: {
			order: 1,
			key: 'd',
			hint: 'device',
			help: 'events of the same device',
			missing: 'this event names no device',
		},
	}),
	column('projectName', {type: 'VARCHAR', origin: {kind: 'path', path: 'requestParameters.projectName'}, facet: 7}),
	column('placementName', {
		type: 'VARCHAR',
		origin: {kind: 'path', path: 'requestParameters.placementName'},
		facet: 8,
	}),
	column('raw', {type: 'JSON', origin: {kind: 'raw'}}),
	column('sourceFile', {type: 'VARCHAR', origin: {kind: 'file'}}),
] as const satisfies readonly ColumnDef[];

type Column = (typeof COLUMNS)[number];

/** A column name of `events`. */
export type EventColumn = Column['name'];

/** Columns of the events table, in table order. */
export const EVENT_COLUMNS: readonly EventColumn[] = COLUMNS.map(c => c.name);

/** Columns the loader writes (all but the virtual ones), in table order. */
export const STORED_COLUMNS: readonly EventColumn[] = COLUMNS.filter(c => c.origin.kind !== 'virtual').map(c => c.name);

/** A column the user can filter on by value and facet over. */
export type FacetField = Extract<Column, {facet: number}>['name'];

/** The facet fields, in the order the filter prompt and the help list them. */
export const FACET_FIELDS: readonly FacetField[] = COLUMNS.filter(
	(c): c is Extract<Column, {facet: number}> => 'facet' in c,
)
	.sort((a, b) => a.facet - b.facet)
	.map(c => c.name);

/** The facet fields the facets pane lists, in that order. */
export const FACET_PANE_FIELDS: readonly FacetField[] = FACET_FIELDS.filter(
	name => 'facetPane' in columnDef(name) && columnDef(name).facetPane === true,
);

/** A column the events table can show (besides the time). */
export type TableColumn = Extract<Column, {table: TableUse}>['name'];

/** The columns the events table can show, besides the time (which the table formats itself), in table order. */
export const TABLE_COLUMNS: ReadonlyArray<{name: TableColumn; use: TableUse}> = COLUMNS.flatMap(c =>
	'table' in c ? [{name: c.name as TableColumn, use: c.table as TableUse}] : [],
).sort((a, b) => a.use.order - b.use.order);

/** A column a record-view pivot filters on. */
export type PivotColumn = Extract<Column, {pivot: PivotUse}>['name'];

/** The record-view pivots on a column, in the order the help lists them. */
export const PIVOTS: ReadonlyArray<{name: PivotColumn; use: PivotUse}> = COLUMNS.flatMap(c =>
	'pivot' in c ? [{name: c.name as PivotColumn, use: c.pivot as PivotUse}] : [],
).sort((a, b) => a.use.order - b.use.order);

/** The record's text paths the loader reads into columns (`path` origins), by column. */
export const PATH_COLUMNS: ReadonlyArray<{name: EventColumn; path: string; type: ColumnDef['type']}> = COLUMNS.flatMap(
	c => (c.origin.kind === 'path' ? [{name: c.name, path: c.origin.path, type: c.type}] : []),
);

/** The definition of a column, by name. */
export function columnDef(name: EventColumn): ColumnDef {
	const found = COLUMNS.find(c => c.name === name);
	if (!found) throw new Error(`Unknown column: ${JSON.stringify(name)}`);
	return found;
}
