/**
 * The loader's SQL for identity events (source/events/identity.ts): the records that issue or establish
 * credentials, kept by every load in their own table, identity_events, whatever services the load keeps. Only
 * constants of this module and of identity.ts are built into the text.
 */
import {IDENTITY_EVENT_PAIRS, IDENTITY_EVENTS, ISSUED_KEY_PATH} from '../events/identity.js';

function literal(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Byte patterns that let a record through the prefilter as a possible identity event (minified JSON, like the IoT
 * pattern): the services of the list, and a `credentials` object anywhere (confirmed on the parsed record).
 */
const IDENTITY_PATTERNS: readonly string[] = [
	...Object.keys(IDENTITY_EVENTS).map(source => `"eventSource":"${source}"`),
	'"credentials":{',
];

/** The prefilter's test for identity events on a record's text `rec`. */
export function identityPrefilterSql(rec: string): string {
	return IDENTITY_PATTERNS.map(pattern => `contains(${rec}, ${literal(pattern)})`).join(' OR ');
}

/** Path of the issued key within the parsed record, from ISSUED_KEY_PATH ('$.responseElements.credentials.accessKeyId'). */
const ISSUED_KEY_FIELD = ISSUED_KEY_PATH.replace(/^\$\./, '');

/** True for a parsed record `r` (see IDENTITY_SHAPE) that is an identity event. */
export function identityTestSql(r: string): string {
	const pairs = IDENTITY_EVENT_PAIRS.map(p => `(${literal(p.eventSource)}, ${literal(p.eventName)})`).join(', ');
	return `((${r}.eventSource, ${r}.eventName) IN (${pairs}) OR nullif(${r}.${ISSUED_KEY_FIELD}, '') IS NOT NULL)`;
}

/** The fields of a record the identity columns are made of, merged into the loader's one json_transform shape. */
export const IDENTITY_SHAPE = {
	sharedEventID: 'VARCHAR',
	additionalEventData: {MFAUsed: 'VARCHAR'},
	responseElements: {
		credentials: {accessKeyId: 'VARCHAR', expiration: 'VARCHAR'},
		accessKey: {accessKeyId: 'VARCHAR'},
		assumedRoleUser: {arn: 'VARCHAR'},
		sourceIdentity: 'VARCHAR',
	},
	requestParameters: {
		roleArn: 'VARCHAR',
		roleSessionName: 'VARCHAR',
		sourceIdentity: 'VARCHAR',
		accessKeyId: 'VARCHAR',
	},
	userIdentity: {sessionContext: {attributes: {mfaAuthenticated: 'VARCHAR'}, sourceIdentity: 'VARCHAR'}},
} as const;

/**
 * STS writes credentials.expiration as "Dec 3, 2024, 11:59:59 PM" (UTC); other services an ISO 8601 time or epoch
 * seconds. Anything else is NULL.
 */
function expirationSql(text: string): string {
	return `coalesce(
		CASE WHEN regexp_full_match(${text}, '\\d{4}-\\d{2}-\\d{2}[Tt ].*') THEN try_cast(${text} AS TIMESTAMPTZ) END,
		try_strptime(${text}, '%b %-d, %Y, %-I:%M:%S %p')::TIMESTAMPTZ,
		CASE WHEN regexp_full_match(${text}, '\\d{9,10}') THEN to_timestamp(try_cast(${text} AS BIGINT)) END)`;
}

/** The identity columns of `kept`, for identity events only (NULL otherwise); `r` is the parsed record. */
export function identityColumnsSql(r: string): string {
	const when = (sql: string) => `CASE WHEN identity THEN ${sql} END`;
	return [
		`${when(`coalesce(nullif(${r}.responseElements.credentials.accessKeyId, ''), nullif(${r}.responseElements.accessKey.accessKeyId, ''),
		CASE WHEN ${r}.eventName = 'UpdateAccessKey' THEN nullif(${r}.requestParameters.accessKeyId, '') END)`)} AS issuedAccessKeyId`,
		`${when(`${r}.requestParameters.roleArn`)} AS roleArn`,
		`${when(`coalesce(${r}.requestParameters.roleSessionName, regexp_extract(${r}.responseElements.assumedRoleUser.arn, '[^/]+$'))`)} AS roleSessionName`,
		`${when(`coalesce(${r}.requestParameters.sourceIdentity, ${r}.responseElements.sourceIdentity, ${r}.userIdentity.sessionContext.sourceIdentity)`)} AS sourceIdentity`,
		`${when(`coalesce(try_cast(${r}.userIdentity.sessionContext.attributes.mfaAuthenticated AS BOOLEAN),
		CASE lower(${r}.additionalEventData.MFAUsed) WHEN 'yes' THEN true WHEN 'no' THEN false END)`)} AS mfaAuthenticated`,
		`${when(expirationSql(`${r}.responseElements.credentials.expiration`))} AS expiration`,
		`${when(`${r}.sharedEventID`)} AS sharedEventID`,
	].join(',\n\t');
}

const COLUMNS = `eventID, eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent, errorCode,
	errorMessage, readOnly, requestID, eventType, eventVersion, recipientAccountId, principal, principalType, accountId,
	accessKeyId, issuedAccessKeyId, roleArn, roleSessionName, sourceIdentity, mfaAuthenticated, expiration, sharedEventID`;

/**
 * Copy the batch's new identity events into identity_events: each eventID once (the first delivery), and only if
 * the table does not hold it yet; the same rules as the events table's INSERT.
 */
export const IDENTITY_INSERT_SQL = `INSERT INTO identity_events (${COLUMNS}, raw, sourceFile)
WITH fresh AS (
	SELECT k.rowid AS id, k.eventID, b.position * 4294967296 + k.idx AS rank
	FROM kept k JOIN batch_files b ON b.path = k.path
	WHERE k.identityValid AND k.inRange
), known AS (
	SELECT eventID FROM identity_events WHERE eventID IN (SELECT eventID FROM fresh)
), winners AS (
	SELECT arg_min(id, rank) AS id FROM fresh WHERE eventID NOT IN (SELECT eventID FROM known) GROUP BY eventID
)
SELECT ${COLUMNS.replaceAll(/(\w+)/g, 'k.$1')}, k.raw, b.origin
FROM kept k JOIN batch_files b ON b.path = k.path
WHERE k.rowid IN (SELECT id FROM winners)`;
