/**
 * Credential lineage as SQL: look events up by eventID (in events and identity_events), and find the identity
 * events that issued an access key (on identity_events.issuedAccessKeyId, and their cross-account copies through
 * sharedEventID). Pure: every value is a bound parameter; source/store/lineage.ts runs these, source/lineage/ walks.
 */
import {EVENTS_TABLE, type SqlQuery} from './sql.js';

/** The identity events table (migration 5). */
export const IDENTITY_TABLE = 'identity_events';

const TIME = `'%Y-%m-%dT%H:%M:%SZ'`;

/** The columns a lineage record is read with, from either table (identity-only columns NULL for events). */
function columns(identity: boolean): string {
	const own = (name: string, sql: string) => (identity ? `${sql} AS ${name}` : `NULL AS ${name}`);
	return `eventID, strftime(eventTime, ${TIME}) AS eventTime, eventSource, eventName, awsRegion, recipientAccountId,
	principal, principalType, accountId, accessKeyId, sourceIPAddress, userAgent, errorCode, sourceFile,
	raw ->> '$.userIdentity.invokedBy' AS invokedBy,
	raw ->> '$.userIdentity.sessionContext.attributes.creationDate' AS sessionCreated,
	raw ->> '$.userIdentity.sessionContext.sessionIssuer.arn' AS sessionIssuer,
	raw ->> '$.sessionCredentialFromConsole' AS fromConsole,
	coalesce(${identity ? 'mfaAuthenticated, ' : ''}try_cast(raw ->> '$.userIdentity.sessionContext.attributes.mfaAuthenticated' AS BOOLEAN)) AS mfaAuthenticated,
	coalesce(${identity ? 'sourceIdentity, ' : ''}raw ->> '$.userIdentity.sessionContext.sourceIdentity') AS sourceIdentity,
	${own('issuedAccessKeyId', 'issuedAccessKeyId')}, ${own('roleArn', 'roleArn')}, ${own('roleSessionName', 'roleSessionName')},
	${own('sharedEventID', 'sharedEventID')}, ${identity ? 'true' : 'false'} AS isIdentityEvent`;
}

function placeholders(count: number): string {
	return Array.from({length: count}, () => '?').join(', ');
}

/**
 * The events with these eventIDs: from events first, then identity_events (an event can be in both when the load
 * kept every service); `found` orders each eventID's rows, events' row first.
 */
export function lineageEventsQuery(eventIDs: readonly string[]): SqlQuery {
	if (eventIDs.length === 0) return {sql: `SELECT ${columns(false)} FROM ${EVENTS_TABLE} WHERE false`, params: []};
	const list = placeholders(eventIDs.length);
	return {
		sql: `SELECT ${columns(false)} FROM ${EVENTS_TABLE} WHERE eventID IN (${list})
UNION ALL
SELECT ${columns(true)} FROM ${IDENTITY_TABLE} WHERE eventID IN (${list})
ORDER BY eventID, isIdentityEvent`,
		params: [...eventIDs, ...eventIDs],
	};
}

/**
 * The identity events that issued `accessKeyId`, and every copy of them (a cross-account AssumeRole is logged in the
 * caller's account and in the role's account, under two eventIDs sharing sharedEventID; either may carry the key).
 * Successful calls first, then oldest first.
 */
export function issuersQuery(accessKeyId: string): SqlQuery {
	return {
		sql: `SELECT ${columns(true)} FROM ${IDENTITY_TABLE}
WHERE issuedAccessKeyId = ?
	OR sharedEventID IN (SELECT sharedEventID FROM ${IDENTITY_TABLE} WHERE issuedAccessKeyId = ? AND sharedEventID IS NOT NULL)
ORDER BY errorCode IS NOT NULL, eventTime, eventID`,
		params: [accessKeyId, accessKeyId],
	};
}
