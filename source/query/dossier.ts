/**
 * A device's dossier as SQL (the inventory replay's rules, source/query/inventory.ts, applied to one device over
 * time). Pure; run by source/store/inventory.ts, assembled by source/inventory/dossier.ts.
 */
import {CLAIM_STATES, ISO, SOURCE} from './inventory.js';
import {EVENTS_TABLE, type SqlQuery} from './sql.js';

/**
 * A device's dossier in one statement: every IoT 1-Click event that named the device (failed calls and reads
 * included), and the successful calls that could have taken it out of a placement it was associated with
 * (Associate/Disassociate of its slot, DeletePlacement, CreatePlacement, DeleteProject), in (eventTime, eventID)
 * order, each with the device's state right after it by the replay's rules: enabled and claim from its newest
 * UpdateDeviceState and claim call so far; its placement the newest of its associations that no later call cleared.
 */
/** A successful call that named the device. */
const DEVICE_CALL = 'ok AND named';

export function deviceDossierQuery(deviceId: string): SqlQuery {
	const claims = Object.keys(CLAIM_STATES)
		.map(name => `'${name}'`)
		.join(', ');
	const claimState = Object.entries(CLAIM_STATES)
		.map(([name, state]) => `WHEN '${name}' THEN '${state}'`)
		.join(' ');
	return {
		sql: `WITH placed AS (
	SELECT DISTINCT coalesce(recipientAccountId, accountId) AS accountId, awsRegion, projectName, placementName
	FROM ${EVENTS_TABLE}
	WHERE eventSource = '${SOURCE}' AND deviceId = ? AND eventName = 'AssociateDeviceWithPlacement' AND nullif(errorCode, '') IS NULL
),
c AS MATERIALIZED (
	SELECT eventID, eventTime, eventName, principal, errorCode,
		coalesce(deviceId = ?, false) AS named,
		nullif(errorCode, '') IS NULL AS ok,
		coalesce(recipientAccountId, e.accountId) AS accountId, awsRegion, projectName, placementName,
		CASE WHEN eventName IN ('AssociateDeviceWithPlacement', 'DisassociateDeviceFromPlacement')
			THEN json_extract_string(raw, '$.requestParameters.deviceTemplateName') END AS deviceTemplateName,
		CASE WHEN eventName = 'UpdateDeviceState' THEN lower(json_extract_string(raw, '$.requestParameters.enabled')) END AS en,
		(eventTime, eventID) AS k,
		{'eventID': eventID, 'eventTime': strftime(eventTime, ${ISO}), 'principal': principal} AS "by"
	FROM ${EVENTS_TABLE} e
	WHERE eventSource = '${SOURCE}' AND (deviceId = ? OR (
		nullif(errorCode, '') IS NULL
		AND eventName IN ('AssociateDeviceWithPlacement', 'DisassociateDeviceFromPlacement', 'DeletePlacement', 'DeleteProject', 'CreatePlacement')
		AND EXISTS (
			SELECT 1 FROM placed p
			WHERE p.accountId = coalesce(e.recipientAccountId, e.accountId) AND p.awsRegion = e.awsRegion AND p.projectName = e.projectName
				AND (p.placementName = e.placementName OR e.eventName = 'DeleteProject')
		)))
),
ends AS (
	-- Each association of the device, and the first later call that cleared its slot, if any.
	SELECT a.k AS ak, min(x.k) AS endk
	FROM c a LEFT JOIN c x ON x.ok AND x.k > a.k
		AND x.accountId = a.accountId AND x.awsRegion = a.awsRegion AND x.projectName = a.projectName
		AND (x.eventName = 'DeleteProject' OR (x.placementName = a.placementName AND (
			x.eventName IN ('DeletePlacement', 'CreatePlacement')
			OR (x.eventName IN ('AssociateDeviceWithPlacement', 'DisassociateDeviceFromPlacement')
				AND x.deviceTemplateName IS NOT DISTINCT FROM a.deviceTemplateName))))
	WHERE a.ok AND a.named AND a.eventName = 'AssociateDeviceWithPlacement'
	GROUP BY a.k
),
live AS (
	-- After each event: the newest association not cleared yet.
	SELECT e.k AS ek,
		arg_max({'accountId': a.accountId, 'awsRegion': a.awsRegion, 'projectName': a.projectName, 'placementName': a.placementName,
			'deviceTemplateName': a.deviceTemplateName}, a.k) AS placement
	FROM c e JOIN ends ON ends.ak <= e.k AND (ends.endk IS NULL OR ends.endk > e.k) JOIN c a ON a.k = ends.ak
	GROUP BY e.k
),
state AS (
	SELECT k AS ek,
		last_value(CASE WHEN ${DEVICE_CALL} AND eventName = 'UpdateDeviceState' AND en IN ('true', 'false') THEN en = 'true' END IGNORE NULLS) OVER upto AS enabled,
		last_value(CASE WHEN ${DEVICE_CALL} AND eventName = 'UpdateDeviceState' AND en IN ('true', 'false') THEN "by" END IGNORE NULLS) OVER upto AS enabledSetBy,
		last_value(CASE WHEN ${DEVICE_CALL} THEN CASE eventName ${claimState} END END IGNORE NULLS) OVER upto AS claimState,
		last_value(CASE WHEN ${DEVICE_CALL} AND eventName IN (${claims}) THEN "by" END IGNORE NULLS) OVER upto AS claimSetBy
	FROM c
	WINDOW upto AS (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT c.eventID, c."by".eventTime AS eventTime, c.eventName, c.principal, c.errorCode, c.named,
	state.enabled, state.enabledSetBy, state.claimState, state.claimSetBy, live.placement
FROM c LEFT JOIN state ON state.ek = c.k LEFT JOIN live ON live.ek = c.k
ORDER BY c.eventTime, c.eventID`,
		params: [deviceId, deviceId, deviceId],
	};
}
