/**
 * SQL text for loading a batch of files. Values (file lists, times) are always bound parameters; the only
 * things built into the text here are constants of this module.
 */
import type {Format} from '../sources/classify.js';
import {IOT1CLICK_SOURCE} from './schema.js';

/** Real CloudTrail files reach 50 MB; DuckDB's default JSON object limit is 16 MB. */
export const MAX_OBJECT_BYTES = 1024 * 1024 * 1024;

/**
 * After read_json re-serializes each element of Records, its JSON text is minified, so this exact byte pattern
 * finds IoT 1-Click records without parsing the others. A nested object with the same key and value could also
 * match, so the candidates are confirmed with a real extraction.
 */
const IOT_PATTERN = `"eventSource":"${IOT1CLICK_SOURCE}"`;

/**
 * A SELECT yielding (path, missing, rec) for a batch of files of one format, where `rec` is one record's JSON text
 * (NULL for a line that is not JSON) and `missing` marks a file with no Records array. $files is the bound list.
 */
export function readSql(format: Format, csvHasEventColumn: boolean): string {
	switch (format) {
		case 'records':
			return `SELECT filename AS path, Records IS NULL AS missing,
	unnest(CASE WHEN Records IS NULL THEN [NULL]::JSON[] ELSE Records END) AS rec
FROM read_json($files, columns = {Records: 'JSON[]'}, filename = true, maximum_object_size = ${MAX_OBJECT_BYTES})`;
		case 'jsonl':
			return `SELECT filename AS path, false AS missing, json AS rec
FROM read_json_objects($files, format = 'newline_delimited', ignore_errors = true, filename = true, maximum_object_size = ${MAX_OBJECT_BYTES})`;
		case 'array':
			return `SELECT filename AS path, false AS missing, json AS rec
FROM read_json_objects($files, format = 'array', filename = true, maximum_object_size = ${MAX_OBJECT_BYTES})`;
		case 'csv':
			return `SELECT filename AS path, false AS missing, ${csvHasEventColumn ? `coalesce(try_cast("CloudTrail event" AS JSON), ${CSV_RECORD})` : CSV_RECORD} AS rec
FROM read_csv($files, header = true, all_varchar = true, filename = true, union_by_name = true)`;
	}
}

/** The Event history CSV export's columns, rebuilt as a CloudTrail record when it lacks the full event. */
const CSV_RECORD = `json_object(
	'eventID', "Event ID", 'eventTime', "Event time", 'eventName', "Event name", 'eventSource', "Event source",
	'awsRegion', "AWS region", 'sourceIPAddress', "Source IP address", 'errorCode', "Error code",
	'readOnly', "Read only", 'userIdentity', json_object('userName', "User name", 'accessKeyId', "AWS access key"))`;

/**
 * Stage the batch: every record with whether it is kept (an object, and IoT 1-Click unless allServices).
 * Only kept records keep their text, so other services' records cost no memory past this statement.
 */
export function stageSql(format: Format, csvHasEventColumn: boolean, allServices: boolean): string {
	const isObject = `(left(rec, 1) = '{')`;
	const candidate = allServices
		? isObject
		: format === 'records'
			? `(contains(rec, '${IOT_PATTERN}') AND json_extract_string(rec, 'eventSource') = '${IOT1CLICK_SOURCE}')`
			: `(${isObject} AND json_extract_string(rec, 'eventSource') = '${IOT1CLICK_SOURCE}')`;
	return `CREATE OR REPLACE TEMP TABLE stage AS
SELECT path, missing, rec IS NOT NULL AND ${isObject} AS isObject, CASE WHEN ${candidate} THEN rec END AS rec
FROM (${readSql(format, csvHasEventColumn)})`;
}

const RECORD_SHAPE = JSON.stringify({
	eventID: 'VARCHAR',
	eventTime: 'VARCHAR',
	eventSource: 'VARCHAR',
	eventName: 'VARCHAR',
	awsRegion: 'VARCHAR',
	sourceIPAddress: 'VARCHAR',
	userAgent: 'VARCHAR',
	errorCode: 'VARCHAR',
	errorMessage: 'VARCHAR',
	readOnly: 'VARCHAR',
	requestID: 'VARCHAR',
	eventType: 'VARCHAR',
	eventVersion: 'VARCHAR',
	recipientAccountId: 'VARCHAR',
	userIdentity: 'JSON',
	requestParameters: 'JSON',
	responseElements: 'JSON',
});

const IDENTITY_SHAPE = JSON.stringify({
	type: 'VARCHAR',
	arn: 'VARCHAR',
	accountId: 'VARCHAR',
	principalId: 'VARCHAR',
	userName: 'VARCHAR',
	invokedBy: 'VARCHAR',
	accessKeyId: 'VARCHAR',
	identityProvider: 'VARCHAR',
	onBehalfOf: {userId: 'VARCHAR'},
});

const PARAMETERS_SHAPE = JSON.stringify({deviceId: 'VARCHAR', projectName: 'VARCHAR', placementName: 'VARCHAR'});

/**
 * "Who": the best name for the identity, by userIdentity.type (see DESIGN.md). Never empty.
 */
export const PRINCIPAL_SQL = `coalesce(nullif(CASE u.type
		WHEN 'IAMUser' THEN u.arn WHEN 'Root' THEN u.arn WHEN 'FederatedUser' THEN u.arn
		WHEN 'Role' THEN u.arn WHEN 'AssumedRole' THEN u.arn
		WHEN 'AWSService' THEN u.invokedBy
		WHEN 'AWSAccount' THEN u.accountId
		WHEN 'IdentityCenterUser' THEN u.onBehalfOf.userId
		WHEN 'SAMLUser' THEN u.userName || coalesce(' (' || u.identityProvider || ')', '')
		WHEN 'WebIdentityUser' THEN u.userName || coalesce(' (' || u.identityProvider || ')', '')
	END, ''), nullif(u.principalId, ''), nullif(u.userName, ''), nullif(u.arn, ''), nullif(u.invokedBy, ''),
	nullif(u.accountId, ''), 'unknown')`;

/**
 * Extract the typed columns of the kept records into `kept`, with `valid` false for records the events table
 * cannot hold (no eventID, or an eventTime that is not a time) and `inRange` for the --since/--until window.
 */
export const EXTRACT_SQL = `CREATE OR REPLACE TEMP TABLE kept AS
WITH t AS (
	SELECT s.path, b.origin, s.rec, json_transform(s.rec, '${RECORD_SHAPE}') AS r
	FROM stage s JOIN batch_files b ON b.path = s.path
	WHERE s.rec IS NOT NULL
), typed AS (
	SELECT path, origin, rec, r,
		try_cast(r.eventTime AS TIMESTAMPTZ) AS eventTime,
		json_transform(r.userIdentity, '${IDENTITY_SHAPE}') AS u,
		json_transform(r.requestParameters, '${PARAMETERS_SHAPE}') AS p
	FROM t
)
SELECT path,
	nullif(r.eventID, '') IS NOT NULL AND eventTime IS NOT NULL AS valid,
	($since IS NULL OR eventTime >= $since) AND ($until IS NULL OR eventTime < $until) AS inRange,
	r.eventID AS eventID, eventTime, r.eventSource AS eventSource, r.eventName AS eventName, r.awsRegion AS awsRegion,
	r.sourceIPAddress AS sourceIPAddress, r.userAgent AS userAgent, r.errorCode AS errorCode,
	r.errorMessage AS errorMessage, try_cast(r.readOnly AS BOOLEAN) AS readOnly, r.requestID AS requestID,
	r.eventType AS eventType, r.eventVersion AS eventVersion, r.recipientAccountId AS recipientAccountId,
	r.userIdentity AS userIdentity, r.requestParameters AS requestParameters, r.responseElements AS responseElements,
	${PRINCIPAL_SQL} AS principal,
	u.type AS principalType, coalesce(u.accountId, r.recipientAccountId) AS accountId, u.accessKeyId AS accessKeyId,
	p.deviceId AS deviceId, p.projectName AS projectName, p.placementName AS placementName,
	rec AS raw, origin AS sourceFile
FROM typed`;

export const INSERT_SQL = `INSERT OR IGNORE INTO events
SELECT eventID, eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent, errorCode, errorMessage,
	readOnly, requestID, eventType, eventVersion, recipientAccountId, userIdentity, requestParameters,
	responseElements, principal, principalType, accountId, accessKeyId, deviceId, projectName, placementName, raw,
	sourceFile
FROM kept WHERE valid AND inRange`;

/** Per-file counts for the ledger and the summary. */
export const STATS_SQL = `SELECT b.path,
	coalesce(s.records, 0) AS records, coalesce(s.missing, false) AS missing,
	coalesce(s.notObjects, 0) AS notObjects, coalesce(k.kept, 0) AS kept, coalesce(k.invalid, 0) AS invalid,
	coalesce(k.outOfRange, 0) AS outOfRange
FROM batch_files b
LEFT JOIN (
	SELECT path, count(*) FILTER (WHERE NOT missing) AS records, bool_or(missing) AS missing,
		count(*) FILTER (WHERE NOT missing AND NOT isObject) AS notObjects
	FROM stage GROUP BY path
) s ON s.path = b.path
LEFT JOIN (
	SELECT path, count(*) FILTER (WHERE valid AND inRange) AS kept, count(*) FILTER (WHERE NOT valid) AS invalid,
		count(*) FILTER (WHERE valid AND NOT inRange) AS outOfRange
	FROM kept GROUP BY path
) k ON k.path = b.path`;
