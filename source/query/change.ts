/**
 * The reads of the record view's "before -> after" section (source/inventory/change.ts): the one event with the
 * request parameters the replay reads, and a project's definition calls (description, placement template) before a
 * cut. The state before the event itself comes from the inventory replay (source/query/inventory.ts) cut just before
 * it. Pure: every value is a bound parameter.
 */
import {cutSql, ENABLED_SQL, ENABLED_VALUES, ISO, type Cut} from './inventory.js';
import {EVENTS_TABLE, type SqlQuery} from './sql.js';

/** One event with what the replay reads of it (the same expressions as the replay's), or no row. */
export function changeEventQuery(eventID: string, eventTime?: Date): SqlQuery {
	const at = eventTime && !Number.isNaN(eventTime.getTime()) ? ' AND eventTime = ?' : '';
	return {
		sql: `SELECT eventID, strftime(eventTime, ${ISO}) AS eventTime, eventSource, eventName, principal,
	nullif(errorCode, '') AS errorCode, coalesce(recipientAccountId, accountId) AS accountId, awsRegion,
	projectName, placementName, deviceId,
	${ENABLED_SQL} AS enabled,
	json_extract_string(raw, '$.requestParameters.deviceTemplateName') AS deviceTemplateName,
	CASE WHEN json_type(json_extract(raw, '$.requestParameters.attributes')) = 'OBJECT'
		THEN CAST(json_extract(raw, '$.requestParameters.attributes') AS VARCHAR) END AS attributes,
	json_extract_string(raw, '$.requestParameters.description') AS description,
	CAST(json_extract(raw, '$.requestParameters.placementTemplate') AS VARCHAR) AS placementTemplate
FROM ${EVENTS_TABLE} WHERE eventID = ?${at}`,
		params: at ? [eventID, eventTime!] : [eventID],
	};
}

/**
 * A project's successful CreateProject, UpdateProject and DeleteProject calls before the cut, newest first (at most
 * `limit`), with the description and placement template each sent (JSON text), and the {eventID, eventTime,
 * principal} of each.
 */
export function projectDefinitionQuery(
	project: {accountId: string; awsRegion: string; projectName: string},
	at: Cut,
	limit = 1000,
): SqlQuery {
	const cut = cutSql(at);
	return {
		sql: `SELECT eventName,
	json_extract_string(raw, '$.requestParameters.description') AS description,
	CAST(json_extract(raw, '$.requestParameters.placementTemplate') AS VARCHAR) AS placementTemplate,
	{'eventID': eventID, 'eventTime': strftime(eventTime, ${ISO}), 'principal': principal} AS "by"
FROM ${EVENTS_TABLE}
WHERE eventSource = 'iot1click.amazonaws.com' AND nullif(errorCode, '') IS NULL
	AND eventName IN ('CreateProject', 'UpdateProject', 'DeleteProject')
	AND coalesce(recipientAccountId, accountId, '') = ? AND coalesce(awsRegion, '') = ? AND projectName = ?${cut.sql}
ORDER BY eventTime DESC, eventID DESC
LIMIT ?`,
		params: [project.accountId, project.awsRegion, project.projectName, ...cut.params, limit],
	};
}

/**
 * The projects in which a device's successful AssociateDeviceWithPlacement calls before the cut put it (the
 * record view's change section of an association replays those projects only: the device's slots are in them),
 * with NULL keys as they are (the caller then replays every project).
 */
export function deviceProjectsQuery(deviceId: string, at: Cut): SqlQuery {
	const cut = cutSql(at);
	return {
		sql: `SELECT DISTINCT coalesce(recipientAccountId, accountId) AS accountId, awsRegion, projectName
FROM ${EVENTS_TABLE}
WHERE eventSource = 'iot1click.amazonaws.com' AND nullif(errorCode, '') IS NULL
	AND eventName = 'AssociateDeviceWithPlacement' AND deviceId = ?${cut.sql}`,
		params: [deviceId, ...cut.params],
	};
}

/**
 * A device's newest successful UpdateDeviceState calls before the cut (at most `limit`), newest first, with whether
 * each sent an `enabled` that sets a state (`valid`, as the replay reads it): where the record view's before -> after
 * finds the device's state without reading raw of all its state calls (DuckDB reads raw for these rows only).
 */
export function latestStateCallsQuery(deviceId: string, at: Cut, limit: number): SqlQuery {
	const cut = cutSql(at);
	return {
		sql: `SELECT eventTime, eventID, coalesce(${ENABLED_SQL} IN ${ENABLED_VALUES}, false) AS valid
FROM ${EVENTS_TABLE}
WHERE eventSource = 'iot1click.amazonaws.com' AND nullif(errorCode, '') IS NULL AND eventName = 'UpdateDeviceState'
	AND deviceId = ?${cut.sql}
ORDER BY eventTime DESC, eventID DESC
LIMIT ?`,
		params: [deviceId, ...cut.params, limit],
	};
}
