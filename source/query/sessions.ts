/**
 * The sessions list: one row per access key seen on IoT 1-Click events, with who used it, who issued it (from
 * identity_events, when the issuing event is in the case file), first and last use, event and error counts, and the
 * source addresses it was used from. Pure: source/store/lineage.ts runs it.
 */
import {IDENTITY_TABLE} from './lineage.js';
import {EVENTS_TABLE, type SqlQuery} from './sql.js';

const TIME = `'%Y-%m-%dT%H:%M:%SZ'`;

/** Sessions, most recently used first. */
export function sessionsQuery(): SqlQuery {
	return {
		sql: `WITH used AS (
	SELECT accessKeyId, string_agg(DISTINCT principal, ', ' ORDER BY principal) AS principal,
		min(eventTime) AS firstUse, max(eventTime) AS lastUse, count(*) AS events, count(errorCode) AS errors,
		string_agg(DISTINCT sourceIPAddress, ', ' ORDER BY sourceIPAddress) AS sourceIPs
	FROM ${EVENTS_TABLE} WHERE nullif(accessKeyId, '') IS NOT NULL GROUP BY accessKeyId
), issued AS (
	-- One issuing event per key: a successful one, the copy that names the caller's key first (cross-account), oldest.
	SELECT issuedAccessKeyId, arg_min(principal, (errorCode IS NOT NULL, accessKeyId IS NULL, eventTime, eventID)) AS issuer,
		arg_min(eventName, (errorCode IS NOT NULL, accessKeyId IS NULL, eventTime, eventID)) AS issuedBy,
		arg_min(eventID, (errorCode IS NOT NULL, accessKeyId IS NULL, eventTime, eventID)) AS issuedByEventID
	FROM ${IDENTITY_TABLE} WHERE issuedAccessKeyId IN (SELECT accessKeyId FROM used) GROUP BY issuedAccessKeyId
)
SELECT u.accessKeyId, u.principal, i.issuer, i.issuedBy, i.issuedByEventID,
	strftime(u.firstUse, ${TIME}) AS firstUse, strftime(u.lastUse, ${TIME}) AS lastUse,
	u.events, u.errors, u.sourceIPs
FROM used u LEFT JOIN issued i ON i.issuedAccessKeyId = u.accessKeyId
ORDER BY u.lastUse DESC, u.accessKeyId`,
		params: [],
	};
}
