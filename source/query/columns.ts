/**
 * The fixed whitelist of column names the builders may put in SQL text. Nothing else names a column.
 */
import {FACET_FIELDS, TABLE_COLUMNS, type EventColumn, type FacetField} from '../events/columns.js';

/**
 * Columns the events pane fetches: the key (eventID, eventTime), every column the table can show (the registry's
 * table columns, in table order), and the account and region its status line names.
 */
export const PANE_COLUMNS: readonly EventColumn[] = [
	'eventID',
	'eventTime',
	...TABLE_COLUMNS.map(c => c.name),
	'awsRegion',
	'accountId',
];

/** A row of the events pane, as the store returns it for {@link PANE_COLUMNS}. */
export type PaneRow = {
	eventID: string;
	eventTime: Date;
	eventName: string | null;
	principal: string;
	deviceId: string | null;
	sourceIPAddress: string | null;
	errorCode: string | null;
	awsRegion: string | null;
	accountId: string | null;
};

/** The column the facet field filters on; throws on anything outside the whitelist (e.g. from untyped input). */
export function facetColumn(field: FacetField): string {
	if (!FACET_FIELDS.includes(field)) throw new Error(`Unknown filter field: ${JSON.stringify(field)}`);
	return field;
}
