/**
 * SQL text for loading a batch of files. Values (file lists, times) are always bound parameters; the only
 * things built into the text here are constants of this module.
 *
 * One pass over the files fills the temporary table `kept`: the typed columns and raw text of every record to
 * keep, plus a few marker rows (a file's first record, records that are not objects) from which the per-file
 * counts come, so no record's text is held that is not loaded. Then one INSERT copies `kept` into events.
 */
import type {CsvLayout, Format} from '../sources/classify.js';
import {columnDef, IOT1CLICK_SOURCE, PATH_COLUMNS, STORED_COLUMNS, type EventColumn} from '../events/columns.js';
import {csvSql} from './ingest-csv-sql.js';
import {IDENTITY_SHAPE, identityColumnsSql, identityPrefilterSql, identityTestSql} from './identity-sql.js';

/**
 * The JSON reader's object size limit for a batch: a CloudTrail file is one JSON object, and real files reach
 * 50 MB, past DuckDB's default of 16 MB. The limit sizes the reader's buffers (a needlessly large one costs
 * measurable time), so it follows the largest decompressed file in the batch.
 */
export function maxObjectBytes(largestTextBytes: number): number {
	let limit = 16 * 1024 * 1024;
	// DuckDB takes a 32-bit size here.
	while (limit < largestTextBytes + 1024 * 1024 && limit < 2 ** 31) limit *= 2;
	return limit;
}

/**
 * After read_json re-serializes each element of Records, its JSON text is minified, so this exact byte pattern
 * finds IoT 1-Click records without parsing the others. A nested object with the same key and value could also
 * match, so candidates are confirmed on the extracted top-level eventSource.
 */
const IOT_PATTERN = `"eventSource":"${IOT1CLICK_SOURCE}"`;

/**
 * A record of `aws cloudtrail lookup-events` output holds the CloudTrail record as a JSON string in
 * `CloudTrailEvent`: that string is the record. Anything else is the record itself.
 */
function unwrapLookupEvent(json: string): string {
	return `CASE WHEN contains(${json}, '"CloudTrailEvent"') AND json_type(${json}, '$.CloudTrailEvent') = 'VARCHAR'
		THEN coalesce(try_cast(${json} ->> '$.CloudTrailEvent' AS JSON), ${json}) ELSE ${json} END`;
}

/**
 * A SELECT yielding (path, missing, n, idx, rec) for a batch of files of one format: `rec` is one record's JSON
 * text (NULL for a line that is not JSON), `missing` marks a file with no Records array, `n` is the file's record
 * count (CloudTrail format only) and `idx` the record's index in it. $files is the bound list of paths.
 */
export function readSql(format: Format, csv: CsvLayout | undefined, objectBytes: number): string {
	switch (format) {
		case 'records':
			// Files whose Records is empty or missing yield no row here (see EMPTY_FILES_SQL): wrapping Records in a
			// CASE to give them one would copy every list, which costs more than the rest of the load.
			return `SELECT filename AS path, false AS missing, len(Records) AS n, unnest(Records) AS rec,
	unnest(range(len(Records))) AS idx
FROM read_json($files, columns = {Records: 'JSON[]'}, filename = true, maximum_object_size = ${objectBytes})`;
		case 'jsonl':
			return `SELECT filename AS path, false AS missing, NULL::BIGINT AS n, ${unwrapLookupEvent('json')} AS rec, 0 AS idx
FROM read_json_objects($files, format = 'newline_delimited', ignore_errors = true, filename = true, maximum_object_size = ${objectBytes})`;
		case 'array':
			return `SELECT filename AS path, false AS missing, NULL::BIGINT AS n, ${unwrapLookupEvent('json')} AS rec, 0 AS idx
FROM read_json_objects($files, format = 'array', filename = true, maximum_object_size = ${objectBytes})`;
		case 'csv':
			return csvSql(csv ?? {width: 1, columns: {eventID: 0}});
	}
}

/** The userIdentity fields the derived columns read (see {@link DERIVED}). */
const USER_IDENTITY_SHAPE = {
	type: 'VARCHAR',
	arn: 'VARCHAR',
	accountId: 'VARCHAR',
	principalId: 'VARCHAR',
	userName: 'VARCHAR',
	invokedBy: 'VARCHAR',
	accessKeyId: 'VARCHAR',
	identityProvider: 'VARCHAR',
	onBehalfOf: {userId: 'VARCHAR'},
};

type Shape = {[key: string]: string | Shape};

/**
 * One parse of a kept record gives every column the loader derives: the registry's path columns (read as text, cast
 * where the column is typed) and the userIdentity fields of the derived ones.
 */
const RECORD_SHAPE = JSON.stringify(recordShape());

function recordShape(): Shape {
	const shape: Shape = {};
	for (const {path} of PATH_COLUMNS) {
		const parts = path.split('.');
		let node = shape;
		for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Shape;
		node[parts.at(-1)!] = 'VARCHAR';
	}
	// The identity columns' fields merged in; userIdentity before requestParameters, in record order.
	const {requestParameters, ...top} = shape;
	return {
		sharedEventID: IDENTITY_SHAPE.sharedEventID,
		additionalEventData: IDENTITY_SHAPE.additionalEventData,
		responseElements: IDENTITY_SHAPE.responseElements,
		...top,
		userIdentity: {...USER_IDENTITY_SHAPE, ...IDENTITY_SHAPE.userIdentity},
		requestParameters: {...(requestParameters as Shape | undefined), ...IDENTITY_SHAPE.requestParameters},
	};
}

/** The loader's expressions for the registry's derived columns, over the parsed record `r`. */
const DERIVED: Record<string, string> = {
	principal: principalSql('r.userIdentity'),
	principalType: 'r.userIdentity.type',
	accountId: 'coalesce(r.userIdentity.accountId, r.recipientAccountId)',
	accessKeyId: 'r.userIdentity.accessKeyId',
};

/** The expression of one stored column over the parsed record `r` (eventTime is typed by keepSql itself). */
function columnSql(name: EventColumn): string {
	const def = columnDef(name);
	if (name === 'eventTime') return 'eventTime';
	switch (def.origin.kind) {
		case 'path': {
			const value = `r.${def.origin.path}`;
			return def.type === 'VARCHAR' ? value : `try_cast(${value} AS ${def.type})`;
		}
		case 'derived': {
			const sql = DERIVED[name];
			if (sql === undefined) throw new Error(`No loader expression for the derived column ${name}`);
			return sql;
		}
		default:
			throw new Error(`The column ${name} is not read from the parsed record`);
	}
}

/**
 * Which kept records fill a column: every column for IoT 1-Click events; for identity events (which go to their own
 * table, identity_events) all but the IoT 1-Click request's device, project and placement.
 */
function keptFor(name: EventColumn): string {
	const origin = columnDef(name).origin;
	return origin.kind === 'path' && origin.path.startsWith('requestParameters.') ? 'iot' : '(iot OR identity)';
}

/** The stored columns the loader reads from the parsed record, in table order (raw and sourceFile come apart). */
const TYPED = STORED_COLUMNS.filter(name => name !== 'raw' && name !== 'sourceFile');

/**
 * "Who": the best name for the identity, by userIdentity.type (see DESIGN.md). Never empty. `u` is the
 * transformed userIdentity struct.
 */
export function principalSql(u: string): string {
	return `coalesce(nullif(CASE ${u}.type
		WHEN 'IAMUser' THEN ${u}.arn WHEN 'Root' THEN ${u}.arn WHEN 'FederatedUser' THEN ${u}.arn
		WHEN 'Role' THEN ${u}.arn WHEN 'AssumedRole' THEN ${u}.arn
		WHEN 'AWSService' THEN ${u}.invokedBy
		WHEN 'AWSAccount' THEN ${u}.accountId
		WHEN 'IdentityCenterUser' THEN ${u}.onBehalfOf.userId
		WHEN 'SAMLUser' THEN ${u}.userName || coalesce(' (' || ${u}.identityProvider || ')', '')
		WHEN 'WebIdentityUser' THEN ${u}.userName || coalesce(' (' || ${u}.identityProvider || ')', '')
	END, ''), nullif(${u}.principalId, ''), nullif(${u}.userName, ''), nullif(${u}.arn, ''), nullif(${u}.invokedBy, ''),
	nullif(${u}.accountId, ''), 'unknown')`;
}

const IS_OBJECT = `(rec IS NOT NULL AND left(rec, 1) = '{')`;

/** The prefilter: IoT 1-Click records and possible identity events (every object with --all-services). */
function candidateSql(format: Format, allServices: boolean): string {
	return format === 'records' && !allServices
		? `(contains(rec, '${IOT_PATTERN}') OR ${identityPrefilterSql('rec')})`
		: IS_OBJECT;
}

/**
 * An eventTime is a real instant written as RFC 3339 (CloudTrail writes `2024-12-03T23:38:05Z`): a date, `T` or a
 * space, a time of day with seconds and an optional fraction, and a zone (`Z`, `z`, or an offset within ±14:00). A
 * time without a zone is read as UTC (the loader's session zone). Words DuckDB would also take (`infinity`, `epoch`,
 * `now`), BC years and offsets past ±14:00 are not times of events.
 */
const RFC3339 = String.raw`\d{4}-\d{2}-\d{2}[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?([Zz]|[+-](0\d|1[0-3]):?[0-5]\d|[+-]14:?00)?`;

/**
 * Event times are kept from 1970 to 2099: CloudTrail began in 2013, and an instant outside these years is a forged or
 * corrupt record (one year-9999 record would stretch every timeline).
 */
export const FIRST_INSTANT = '1970-01-01 00:00:00+00';
export const END_INSTANT = '2100-01-01 00:00:00+00';

/**
 * The one pass over a batch's files, into the temporary table `kept`: the typed columns and raw text of the
 * records to keep, plus marker rows (each file's first record, for its count; records that are not objects,
 * counted as bad). The only work done on every record is the candidate test; `iot` marks records of the kept
 * service(s), `valid` those the events table can hold (an eventID and an eventTime that is a time) and
 * `inRange` those inside $since/$until.
 */
export function keepSql(format: Format, csv: CsvLayout | undefined, allServices: boolean, objectBytes: number): string {
	const candidate = candidateSql(format, allServices);
	const iot = allServices ? 'candidate' : `(candidate AND r.eventSource = '${IOT1CLICK_SOURCE}')`;
	const identity = `(candidate AND ${identityTestSql('r')})`;
	return `CREATE OR REPLACE TEMP TABLE kept AS
WITH selected AS (
	SELECT path, missing, n, idx, rec FROM (${readSql(format, csv, Math.trunc(objectBytes))})
	WHERE ${candidate} OR idx = 0 OR NOT ${IS_OBJECT}
), parsed AS (
	SELECT path, missing, n, idx, rec, ${IS_OBJECT} AS isObject, ${candidate} AS candidate,
		CASE WHEN ${candidate} THEN json_transform(rec, '${RECORD_SHAPE}') END AS r
	FROM selected
), timed AS (
	SELECT *, ${iot} AS iot, coalesce(${identity}, false) AS identity, CASE WHEN regexp_full_match(r.eventTime, '${RFC3339}') THEN try_cast(upper(r.eventTime) AS TIMESTAMPTZ) END AS anyTime
	FROM parsed
), typed AS (
	SELECT *, CASE WHEN anyTime >= TIMESTAMPTZ '${FIRST_INSTANT}' AND anyTime < TIMESTAMPTZ '${END_INSTANT}' THEN anyTime END AS eventTime
	FROM timed
)
SELECT path, missing, n, idx, idx = 0 AS marker, isObject, iot, identity,
	iot AND nullif(r.eventID, '') IS NOT NULL AND eventTime IS NOT NULL AS valid,
	identity AND nullif(r.eventID, '') IS NOT NULL AND eventTime IS NOT NULL AS identityValid,
	iot AND nullif(r.eventID, '') IS NULL AS noEventID,
	iot AND nullif(r.eventID, '') IS NOT NULL AND r.eventTime IS NULL AS noEventTime,
	iot AND nullif(r.eventID, '') IS NOT NULL AND r.eventTime IS NOT NULL AND eventTime IS NULL AS badEventTime,
	($since IS NULL OR eventTime >= $since) AND ($until IS NULL OR eventTime < $until) AS inRange,
	${TYPED.map(name => `CASE WHEN ${keptFor(name)} THEN ${columnSql(name)} END AS ${name}`).join(',\n\t')},
	CASE WHEN iot OR identity THEN rec END AS raw,
	${identityColumnsSql('r')}
FROM typed`;
}

const TYPED_COLUMNS = TYPED.join(', ');

/**
 * Copy the batch's new events into the table: each eventID once (the first delivery in input order), and only if
 * the case file does not hold it yet, whatever its eventTime (sanitised and example data reuse eventIDs with other
 * times). The check reads the whole eventID column: see README, Speed, for what it costs.
 */
export const INSERT_SQL = `INSERT INTO events (${TYPED_COLUMNS}, raw, sourceFile)
WITH fresh AS (
	SELECT k.rowid AS id, k.eventID, b.position * 4294967296 + k.idx AS rank
	FROM kept k JOIN batch_files b ON b.path = k.path
	WHERE k.valid AND k.inRange
), known AS (
	SELECT eventID FROM events WHERE eventID IN (SELECT eventID FROM fresh)
), winners AS (
	-- The first delivery of each eventID, chosen on (rowid, eventID, rank) alone: carrying the records' text
	-- through a window over the batch held it all in memory (1.6 GB peak RSS for one 2 GB file).
	SELECT arg_min(id, rank) AS id FROM fresh WHERE eventID NOT IN (SELECT eventID FROM known) GROUP BY eventID
)
SELECT ${TYPED_COLUMNS.replaceAll(/(\w+)/g, 'k.$1')}, k.raw, b.origin
FROM kept k JOIN batch_files b ON b.path = k.path
WHERE k.rowid IN (SELECT id FROM winners)`;

/** For files that gave no record: which have no Records array at all (not CloudTrail) rather than an empty one. */
export function missingRecordsSql(objectBytes: number): string {
	return `SELECT filename AS path FROM read_json($files, columns = {Records: 'JSON[]'}, filename = true,
	maximum_object_size = ${Math.trunc(objectBytes)}) WHERE Records IS NULL`;
}

/** Per-file counts for the ledger and the summary. */
export const STATS_SQL = `SELECT b.path,
	coalesce(k.records, 0) AS records, coalesce(k.missing, false) AS missing, coalesce(k.notObjects, 0) AS notObjects,
	coalesce(k.kept, 0) AS kept, coalesce(k.identity, 0) AS identity, coalesce(k.invalid, 0) AS invalid, coalesce(k.outOfRange, 0) AS outOfRange,
	coalesce(k.noEventID, 0) AS noEventID, coalesce(k.noEventTime, 0) AS noEventTime, coalesce(k.badEventTime, 0) AS badEventTime
FROM batch_files b
LEFT JOIN (
	SELECT path, bool_or(missing) AS missing,
		coalesce(max(n), count(*) FILTER (WHERE marker AND NOT missing)) AS records,
		count(*) FILTER (WHERE NOT isObject AND NOT missing AND coalesce(n, 1) > 0) AS notObjects,
		count(*) FILTER (WHERE valid AND inRange) AS kept,
		count(*) FILTER (WHERE identityValid AND inRange) AS identity,
		count(*) FILTER (WHERE iot AND NOT valid) AS invalid,
		count(*) FILTER (WHERE noEventID) AS noEventID,
		count(*) FILTER (WHERE noEventTime) AS noEventTime,
		count(*) FILTER (WHERE badEventTime) AS badEventTime,
		count(*) FILTER (WHERE valid AND NOT inRange) AS outOfRange
	FROM kept GROUP BY path
) k ON k.path = b.path`;
