/** SQL text that reads CloudTrail's Event history CSV export as records (part of store/ingest-sql.ts's batch read). */
import type {CsvLayout} from '../sources/classify.js';

/**
 * The Event history CSV export, one file at a time: its header was mapped by name (any case and punctuation, any
 * order, any subset), so its columns are read by position under names of ours. The `CloudTrail event` column is
 * the record when it holds one; otherwise the record is rebuilt from the columns present.
 */
export function csvSql(layout: CsvLayout): string {
	const width = Math.max(layout.width, 1);
	const columns = Array.from({length: width}, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	const cell = (field: keyof CsvLayout['columns']) =>
		layout.columns[field] === undefined ? undefined : `c${layout.columns[field]}`;
	const pairs: string[] = [];
	for (const field of [
		'eventID',
		'eventTime',
		'eventName',
		'eventSource',
		'awsRegion',
		'sourceIPAddress',
		'errorCode',
		'readOnly',
	] as const) {
		const column = cell(field);
		if (column) pairs.push(`'${field}', ${column}`);
	}
	const identity: string[] = [];
	if (cell('userName')) identity.push(`'userName', ${cell('userName')}`);
	if (cell('accessKeyId')) identity.push(`'accessKeyId', ${cell('accessKeyId')}`);
	if (identity.length > 0) pairs.push(`'userIdentity', json_object(${identity.join(', ')})`);
	const rebuilt = `json_object(${pairs.join(', ')})`;
	const event = cell('event');
	const rec = event
		? `coalesce(CASE WHEN left(trim(${event}), 1) = '{' THEN try_cast(${event} AS JSON) END, ${rebuilt})`
		: rebuilt;
	return `SELECT filename AS path, false AS missing, NULL::BIGINT AS n, ${rec} AS rec, 0 AS idx
FROM read_csv($files, header = false, skip = 1, all_varchar = true, delim = ',', quote = '"', escape = '"',
	null_padding = true, strict_mode = false, filename = true, columns = {${columns}})`;
}
