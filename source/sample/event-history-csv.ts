/** The CloudTrail console's Event history CSV export: a summary per event, and the whole record in the last column. */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** The export's header, in order. */
export const EVENT_HISTORY_CSV_HEADER = [
	'Event ID',
	'Event time',
	'User name',
	'Event name',
	'Resource type',
	'Resource name',
	'AWS access key',
	'Event source',
	'Error code',
	'AWS region',
	'Source IP address',
	'Read only',
	'CloudTrail event',
] as const;

/** One CSV field, quoted (RFC 4180) when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function obj(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The console's "User name": the IAM user name, the role session name, or the service. */
export function eventHistoryUserName(record: Record<string, unknown>): string {
	const identity = obj(record['userIdentity']);
	if (typeof identity['userName'] === 'string') return identity['userName'];
	const arn = text(identity['arn']);
	if (identity['type'] === 'AssumedRole' || identity['type'] === 'FederatedUser')
		return arn.slice(arn.lastIndexOf('/') + 1);
	if (identity['type'] === 'Root') return 'root';
	return text(identity['invokedBy'] ?? identity['principalId']);
}

function resource(record: Record<string, unknown>): {type: string; name: string} {
	const p = obj(record['requestParameters']);
	if (typeof p['deviceId'] === 'string') return {type: 'AWS::IoT1Click::Device', name: p['deviceId']};
	if (typeof p['placementName'] === 'string')
		return {type: 'AWS::IoT1Click::Placement', name: `${text(p['projectName'])}/${p['placementName']}`};
	if (typeof p['projectName'] === 'string') return {type: 'AWS::IoT1Click::Project', name: p['projectName']};
	return {type: '', name: ''};
}

/** One CSV row of a record (no line ending). */
export function eventHistoryCsvRow(record: Record<string, unknown>): string {
	const r = resource(record);
	const identity = obj(record['userIdentity']);
	return [
		text(record['eventID']),
		text(record['eventTime']),
		eventHistoryUserName(record),
		text(record['eventName']),
		r.type,
		r.name,
		text(identity['accessKeyId']),
		text(record['eventSource']),
		text(record['errorCode']),
		text(record['awsRegion']),
		text(record['sourceIPAddress']),
		text(record['readOnly']),
		JSON.stringify(record),
	]
		.map(csvField)
		.join(',');
}

/** Writes records as the console's Event history CSV export (header row, then one row a record, \n line endings). */
export async function writeEventHistoryCsv(file: string, records: readonly Record<string, unknown>[]): Promise<void> {
	const lines = [EVENT_HISTORY_CSV_HEADER.join(','), ...records.map(r => eventHistoryCsvRow(r))];
	await mkdir(path.dirname(file), {recursive: true});
	await writeFile(file, lines.join('\n') + '\n');
}
