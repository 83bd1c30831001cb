/**
 * The IoT 1-Click inventory replay as SQL: from the successful IoT 1-Click calls at or before an instant, in
 * (eventTime, eventID) order, the newest call of each kind decides each fact, and each fact comes with that call
 * ({eventID, eventTime, principal}). A call with an errorCode changes nothing; a fact no call set is NULL (unknown).
 * Pure: the instant is a bound parameter; source/store/inventory.ts runs these, source/inventory/ assembles the rows.
 */
import {EVENTS_TABLE, type SqlQuery} from './sql.js';

/** IoT 1-Click's eventSource. */
export const SOURCE = 'iot1click.amazonaws.com';

/** ISO 8601 with microseconds in UTC (the case file's session zone is UTC). */
export const ISO = `'%Y-%m-%dT%H:%M:%S.%fZ'`;

/** Claim calls and the claim state each leaves. ClaimDevicesByClaimCode names no device, so it sets no device's claim. */
export const CLAIM_STATES = {
	InitiateDeviceClaim: 'initiated',
	FinalizeDeviceClaim: 'claimed',
	UnclaimDevice: 'unclaimed',
} as const;

/** A project, as the replay keys it: (coalesce(recipientAccountId, accountId), awsRegion, projectName). */
export type ProjectKey = {accountId: string; awsRegion: string; projectName: string};

/**
 * Where the replay stops: every event at or before an instant (a Date), or every event up to and including one
 * event in (eventTime, eventID) order (its eventTime as ISO text, read by DuckDB to the microsecond), or with
 * `before`, every event before it (eventID '' and `before`: every event before the instant); undefined: all.
 * `projects`: only the calls naming one of these projects (the record view's change section needs one project's
 * facts: a project's rows, its placements' and its slots' depend on its own calls only, so they are the same as in
 * the whole replay; devices and other projects are left out). `deviceId`: only the calls naming that device (its
 * row of the devices query is the same as in the whole replay).
 */
export type Cut =
	| Date
	| {
			eventTime: string;
			eventID: string;
			before?: boolean;
			projects?: readonly ProjectKey[];
			deviceId?: string;
			/**
			 * Read the request parameter from raw only for the calls at or after this (eventTime, eventID): the caller
			 * found a call with a valid value there, and the replay takes the newest valid one (raw is the costly read).
			 */
			parametersFrom?: {eventTime: Date | string; eventID: string};
	  }
	| undefined;

export function cutSql(at: Cut): SqlQuery {
	if (at === undefined) return {sql: '', params: []};
	if (at instanceof Date) return {sql: ' AND eventTime <= ?', params: [at]};
	const cut: SqlQuery = {
		sql: ` AND (eventTime < CAST(? AS TIMESTAMPTZ) OR (eventTime = CAST(? AS TIMESTAMPTZ) AND eventID ${at.before ? '<' : '<='} ?))`,
		params: [at.eventTime, at.eventTime, at.eventID],
	};
	if (at.deviceId !== undefined) {
		cut.sql += ' AND deviceId = ?';
		cut.params.push(at.deviceId);
	}
	if (at.projects === undefined) return cut;
	if (at.projects.length === 0) return {sql: `${cut.sql} AND false`, params: cut.params};
	const one = '(coalesce(recipientAccountId, accountId) = ? AND awsRegion = ? AND projectName = ?)';
	return {
		sql: `${cut.sql} AND (${at.projects.map(() => one).join(' OR ')})`,
		params: [...cut.params, ...at.projects.flatMap(p => [p.accountId, p.awsRegion, p.projectName])],
	};
}

/**
 * The successful IoT 1-Click calls up to the cut, with the ordering key `k` (eventTime, eventID) and `by`, the
 * {eventID, eventTime, principal} a fact carries.
 */
/** The `enabled` an UpdateDeviceState call sent, as the replay reads it; only ENABLED_VALUES set a state. */
export const ENABLED_SQL = `lower(json_extract_string(raw, '$.requestParameters.enabled'))`;
export const ENABLED_VALUES = `('true', 'false')`;

/** Request parameters the replay reads, and the calls that send them. Read from raw only for those calls. */
const PARAMETERS = {
	attributes: {
		calls: ['CreatePlacement', 'UpdatePlacement'],
		sql: `json_extract(raw, '$.requestParameters.attributes')`,
	},
	deviceTemplateName: {
		calls: ['AssociateDeviceWithPlacement', 'DisassociateDeviceFromPlacement'],
		sql: `json_extract_string(raw, '$.requestParameters.deviceTemplateName')`,
	},
	en: {calls: ['UpdateDeviceState'], sql: ENABLED_SQL},
} as const;

type Parameter = keyof typeof PARAMETERS;

function replayed(at: Cut, parameter?: Parameter): SqlQuery {
	const cut = cutSql(at);
	const calls = `eventSource = '${SOURCE}' AND nullif(errorCode, '') IS NULL${cut.sql}`;
	const base = `SELECT eventID, eventTime, eventName, principal,
		coalesce(recipientAccountId, accountId) AS accountId, awsRegion, projectName, placementName, deviceId,
		(eventTime, eventID) AS k,
		{'eventID': eventID, 'eventTime': strftime(eventTime, ${ISO}), 'principal': principal} AS "by"`;
	if (parameter === undefined) {
		return {
			sql: `ev AS NOT MATERIALIZED (\n\t${base}\n\tFROM ${EVENTS_TABLE}\n\tWHERE (projectName IS NOT NULL OR deviceId IS NOT NULL) AND ${calls}\n)`,
			params: cut.params,
		};
	}
	const {calls: names, sql} = PARAMETERS[parameter];
	const from = at !== undefined && !(at instanceof Date) ? at.parametersFrom : undefined;
	const since: SqlQuery = from
		? {
				sql: ' AND (eventTime > CAST(? AS TIMESTAMPTZ) OR (eventTime = CAST(? AS TIMESTAMPTZ) AND eventID >= ?))',
				params: [from.eventTime, from.eventTime, from.eventID],
			}
		: {sql: '', params: []};
	return {
		// The one request parameter this query needs, from raw of the calls that send it only (raw is the costly read).
		sql: `rp AS MATERIALIZED (
	SELECT eventID, ${sql} AS ${parameter}
	FROM ${EVENTS_TABLE}
	WHERE eventName IN (${names.map(name => `'${name}'`).join(', ')}) AND ${calls}${since.sql}
),
ev AS NOT MATERIALIZED (
	${base}, rp.${parameter}
	FROM ${EVENTS_TABLE} LEFT JOIN rp USING (eventID)
	WHERE (projectName IS NOT NULL OR deviceId IS NOT NULL) AND ${calls}
)`,
		params: [...cut.params, ...since.params, ...cut.params],
	};
}

/** Deletions of projects: the newest DeleteProject of each. */
const PROJECT_DELETES = `project_deletes AS (
	SELECT accountId, awsRegion, projectName, max(k) AS dk, arg_max("by", k) AS dby
	FROM ev WHERE eventName = 'DeleteProject' AND projectName IS NOT NULL
	GROUP BY ALL
)`;

/** Placements with their newest create and delete (their own, or their project's, whichever is newer). */
const PLACEMENTS = `placements AS (
	SELECT p.*,
		CASE WHEN d.dk IS NOT NULL AND (p.own_dk IS NULL OR d.dk > p.own_dk) THEN d.dk ELSE p.own_dk END AS dk,
		CASE WHEN d.dk IS NOT NULL AND (p.own_dk IS NULL OR d.dk > p.own_dk) THEN d.dby ELSE p.own_dby END AS dby
	FROM (
		SELECT accountId, awsRegion, projectName, placementName,
			max(k) FILTER (WHERE eventName = 'CreatePlacement') AS ck,
			arg_max("by", k) FILTER (WHERE eventName = 'CreatePlacement') AS cby,
			max(k) FILTER (WHERE eventName = 'DeletePlacement') AS own_dk,
			arg_max("by", k) FILTER (WHERE eventName = 'DeletePlacement') AS own_dby,
			max(k) AS lk
		FROM ev WHERE projectName IS NOT NULL AND placementName IS NOT NULL
		GROUP BY ALL
	) p
	LEFT JOIN project_deletes d USING (accountId, awsRegion, projectName)
)`;

/** active: created after its last deletion; deleted: deleted after its last creation and nothing seen since; else unknown. */
const STATE = `CASE
		WHEN ck IS NOT NULL AND (dk IS NULL OR ck > dk) THEN 'active'
		WHEN dk IS NOT NULL AND (ck IS NULL OR dk > ck) AND lk <= dk THEN 'deleted'
		ELSE 'unknown' END`;

function withCtes(at: Cut | {at: Cut; parameter: Parameter}, ctes: string[], select: string): SqlQuery {
	const base =
		at !== undefined && !(at instanceof Date) && 'parameter' in at
			? replayed(at.at, at.parameter)
			: replayed(at as Cut);
	return {sql: `WITH ${[base.sql, ...ctes].join(',\n')}\n${select}`, params: base.params};
}

/** Projects named by a successful call: state, and the newest CreateProject and (when it is newer) DeleteProject. */
export function inventoryProjectsQuery(at?: Cut): SqlQuery {
	return withCtes(
		at,
		[
			`projects AS (
	SELECT accountId, awsRegion, projectName,
		max(k) FILTER (WHERE eventName = 'CreateProject') AS ck,
		arg_max("by", k) FILTER (WHERE eventName = 'CreateProject') AS cby,
		max(k) FILTER (WHERE eventName = 'DeleteProject') AS dk,
		arg_max("by", k) FILTER (WHERE eventName = 'DeleteProject') AS dby,
		max(k) AS lk
	FROM ev WHERE projectName IS NOT NULL
	GROUP BY ALL
)`,
		],
		`SELECT accountId, awsRegion, projectName, ${STATE} AS state, cby AS createdBy,
	CASE WHEN dk IS NOT NULL AND (ck IS NULL OR dk > ck) THEN dby END AS deletedBy
FROM projects ORDER BY accountId, awsRegion, projectName`,
	);
}

/** Placements named by a successful call: state, creation, deletion, and the newest attributes sent. */
export function inventoryPlacementsQuery(at?: Cut): SqlQuery {
	return withCtes(
		{at, parameter: 'attributes'},
		[
			PROJECT_DELETES,
			PLACEMENTS,
			`attributes AS (
	SELECT accountId, awsRegion, projectName, placementName,
		arg_max(attributes, k) AS attributes, arg_max("by", k) AS aby
	FROM ev
	WHERE eventName IN ('CreatePlacement', 'UpdatePlacement') AND projectName IS NOT NULL AND placementName IS NOT NULL
		AND json_type(attributes) = 'OBJECT'
	GROUP BY ALL
)`,
		],
		`SELECT p.accountId, p.awsRegion, p.projectName, p.placementName, ${STATE} AS state, cby AS createdBy,
	CASE WHEN dk IS NOT NULL AND (ck IS NULL OR dk > ck) THEN dby END AS deletedBy,
	CAST(a.attributes AS VARCHAR) AS attributes, a.aby AS attributesSetBy
FROM placements p LEFT JOIN attributes a USING (accountId, awsRegion, projectName, placementName)
ORDER BY p.accountId, p.awsRegion, p.projectName, p.placementName`,
	);
}

/**
 * Device slots (placement, deviceTemplateName) whose newest Associate/Disassociate call is an association made after
 * the placement was last created or deleted (with its project too): the devices in placements now.
 */
export function inventorySlotsQuery(at?: Cut): SqlQuery {
	return withCtes(
		{at, parameter: 'deviceTemplateName'},
		[
			PROJECT_DELETES,
			PLACEMENTS,
			`slots AS (
	SELECT accountId, awsRegion, projectName, placementName,
		deviceTemplateName,
		arg_max(eventName, k) AS lastCall, arg_max(deviceId, k) AS deviceId, arg_max("by", k) AS associatedBy, max(k) AS ak
	FROM ev
	WHERE eventName IN ('AssociateDeviceWithPlacement', 'DisassociateDeviceFromPlacement')
		AND projectName IS NOT NULL AND placementName IS NOT NULL
	GROUP BY ALL
)`,
		],
		`SELECT s.accountId, s.awsRegion, s.projectName, s.placementName, s.deviceTemplateName, s.deviceId, s.associatedBy
FROM slots s LEFT JOIN placements p USING (accountId, awsRegion, projectName, placementName)
WHERE s.lastCall = 'AssociateDeviceWithPlacement' AND s.deviceId IS NOT NULL
	AND (greatest(p.ck, p.dk) IS NULL OR s.ak > greatest(p.ck, p.dk))
ORDER BY s.deviceId, s.associatedBy.eventTime, s.associatedBy.eventID`,
	);
}

/** Devices named by a successful call: enabled state (UpdateDeviceState), claim, and the newest call naming it. */
export function inventoryDevicesQuery(at?: Cut): SqlQuery {
	const claims = Object.keys(CLAIM_STATES)
		.map(name => `'${name}'`)
		.join(', ');
	const claimState = Object.entries(CLAIM_STATES)
		.map(([name, state]) => `WHEN '${name}' THEN '${state}'`)
		.join(' ');
	return withCtes(
		{at, parameter: 'en'},
		[`named AS (SELECT * FROM ev WHERE deviceId IS NOT NULL)`],
		`SELECT deviceId,
	arg_max(en = 'true', k) FILTER (WHERE en IN ${ENABLED_VALUES}) AS enabled,
	arg_max("by", k) FILTER (WHERE en IN ${ENABLED_VALUES}) AS enabledSetBy,
	arg_max(CASE eventName ${claimState} END, k) FILTER (WHERE eventName IN (${claims})) AS claimState,
	arg_max("by", k) FILTER (WHERE eventName IN (${claims})) AS claimSetBy,
	arg_max({'eventID': eventID, 'eventTime': "by".eventTime, 'principal': principal, 'eventName': eventName}, k) AS lastEvent
FROM named
GROUP BY deviceId ORDER BY deviceId`,
	);
}

/** The newest IoT 1-Click eventTime of the case file (failed calls included), as ISO text: the default instant. */
export function newestEventQuery(): SqlQuery {
	return {
		sql: `SELECT strftime(max(eventTime), ${ISO}) AS newest, max(eventTime) AS newestTime FROM ${EVENTS_TABLE} WHERE eventSource = '${SOURCE}'`,
		params: [],
	};
}
