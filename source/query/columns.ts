/**
 * The fixed whitelist of column names the builders may put in SQL text. Nothing else names a column.
 */
import type {EventColumn} from '../events/columns.js';
import type {FacetField} from './filters.js';

/** The column each facet field filters on (the identity, but checked against the schema at compile time). */
export const FACET_COLUMN = {
	eventName: 'eventName',
	principal: 'principal',
	deviceId: 'deviceId',
	sourceIPAddress: 'sourceIPAddress',
	errorCode: 'errorCode',
	accountId: 'accountId',
	awsRegion: 'awsRegion',
	projectName: 'projectName',
	placementName: 'placementName',
	principalType: 'principalType',
	userAgent: 'userAgent',
	recipientAccountId: 'recipientAccountId',
} as const satisfies Record<FacetField, EventColumn>;

/** Columns the events pane shows, in its column order. */
export const PANE_COLUMNS = [
	'eventID',
	'eventTime',
	'eventName',
	'principal',
	'deviceId',
	'sourceIPAddress',
	'errorCode',
	'awsRegion',
	'accountId',
] as const satisfies readonly EventColumn[];

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
	if (!Object.hasOwn(FACET_COLUMN, field)) throw new Error(`Unknown filter field: ${JSON.stringify(field)}`);
	return FACET_COLUMN[field];
}
