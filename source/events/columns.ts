/**
 * The events table's columns: a pure module low in the tree, imported by the store, the queries and the screen.
 */

/** The IoT 1-Click service's eventSource. */
export const IOT1CLICK_SOURCE = 'iot1click.amazonaws.com';

/** Columns of the events table, in table order. */
export const EVENT_COLUMNS = [
	'eventID',
	'eventTime',
	'eventSource',
	'eventName',
	'awsRegion',
	'sourceIPAddress',
	'userAgent',
	'errorCode',
	'errorMessage',
	'readOnly',
	'requestID',
	'eventType',
	'eventVersion',
	'recipientAccountId',
	'userIdentity',
	'requestParameters',
	'responseElements',
	'principal',
	'principalType',
	'accountId',
	'accessKeyId',
	'deviceId',
	'projectName',
	'placementName',
	'raw',
	'sourceFile',
] as const;

export type EventColumn = (typeof EVENT_COLUMNS)[number];
