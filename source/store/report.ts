/**
 * Reads for `clicktrail report` (source/report/): the selected events with their file's integrity, the files, the
 * findings, the IoT 1-Click changes and the marks that rest on them. `where` is the filter's WHERE clause over
 * `events`, its values bound. Each runs on a case file or on a reader lane (the screen writes reports that way).
 */
import type {SqlQuery} from '../query/sql.js';
import type {CaseFile, Row} from './database.js';
import type {RunQuery} from './lineage.js';
import {read} from './read.js';

/** Where a report reads: an open case file, or a reader lane's query (the screen's `R`). */
export type ReportSource = CaseFile | RunQuery;

function run(db: ReportSource, query: SqlQuery): Promise<Row[]> {
	return typeof db === 'function' ? db(query) : read(db, query);
}

const SELECTED = (where: SqlQuery) => `selected AS (SELECT * FROM events ${where.sql})`;

/** Every selected event, oldest first, with its file's ledger status and integrity. */
export async function readReportEvents(db: ReportSource, where: SqlQuery): Promise<Row[]> {
	return run(db, {
		sql: `WITH ${SELECTED(where)}
SELECT s.eventID, s.eventTime, s.eventName, s.principal, s.principalType, s.accountId, s.awsRegion, s.deviceId,
	s.projectName, s.placementName, s.sourceIPAddress, s.userAgent, s.errorCode, s.accessKeyId, s.sourceFile,
	f.integrity
FROM selected s LEFT JOIN files f ON f.path = s.sourceFile
ORDER BY s.eventTime, s.eventID`,
		params: where.params,
	});
}

/** The files the selected events came from: ledger status, integrity, when it was checked, events selected. */
export async function readReportFiles(db: ReportSource, where: SqlQuery): Promise<Row[]> {
	return run(db, {
		sql: `WITH ${SELECTED(where)}
SELECT s.sourceFile AS path, f.status, f.integrity, f.integrityCheckedAt, count(*) AS events,
	min(s.eventID ORDER BY s.eventTime, s.eventID) AS firstEventID
FROM selected s LEFT JOIN files f ON f.path = s.sourceFile
GROUP BY ALL ORDER BY path`,
		params: where.params,
	});
}

/** Findings with at least one selected event, with those eventIDs (oldest first). */
export async function readReportFindings(db: ReportSource, where: SqlQuery): Promise<Row[]> {
	return run(db, {
		sql: `WITH ${SELECTED(where)}
SELECT f.findingId, f.ruleId, f.title, f.severity, f.principal, f.startTime, f.endTime, f.triage,
	list(s.eventID ORDER BY s.eventTime, s.eventID) AS eventIDs
FROM findings f JOIN finding_events fe ON fe.findingId = f.findingId JOIN selected s ON s.eventID = fe.eventID
GROUP BY f.findingId, f.ruleId, f.title, f.severity, f.principal, f.startTime, f.endTime, f.triage
ORDER BY CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
	f.startTime, f.findingId`,
		params: where.params,
	});
}

/**
 * Successful selected calls that change the IoT 1-Click inventory: devices disabled or enabled (with the state the
 * device's previous successful UpdateDeviceState in the whole case set, NULL when none), devices taken out of
 * placements, placements and projects deleted.
 */
export async function readReportChanges(db: ReportSource, where: SqlQuery): Promise<Row[]> {
	return run(db, {
		sql: `WITH ${SELECTED(where)},
states AS (
	SELECT eventID, json_extract_string(requestParameters, '$.enabled') AS enabled,
		lag(json_extract_string(requestParameters, '$.enabled')) OVER (PARTITION BY deviceId ORDER BY eventTime, eventID) AS before
	FROM events WHERE eventName = 'UpdateDeviceState' AND errorCode IS NULL AND deviceId IS NOT NULL
)
SELECT s.eventID, s.eventTime, s.eventName, s.principal, s.deviceId, s.projectName, s.placementName,
	st.enabled, st.before
FROM selected s LEFT JOIN states st ON st.eventID = s.eventID
WHERE s.errorCode IS NULL
	AND s.eventName IN ('UpdateDeviceState', 'DisassociateDeviceFromPlacement', 'DeletePlacement', 'DeleteProject')
ORDER BY s.eventTime, s.eventID`,
		params: where.params,
	});
}

/** Marks on selected events, oldest event first. */
export async function readReportMarks(db: ReportSource, where: SqlQuery): Promise<Row[]> {
	return run(db, {
		sql: `WITH ${SELECTED(where)}
SELECT m.eventID, m.note, m.updated, s.eventTime, s.eventName, s.principal
FROM marks m JOIN selected s ON s.eventID = m.eventID ORDER BY s.eventTime, m.eventID`,
		params: where.params,
	});
}

/** One event per access key of each selected principal (the first), to trace the principal's lineage. */
export async function readReportKeys(db: ReportSource, where: SqlQuery, limit = 50): Promise<Row[]> {
	return run(db, {
		sql: `WITH ${SELECTED(where)}
SELECT principal, accessKeyId, min(eventID ORDER BY eventTime, eventID) AS eventID, count(*) AS events
FROM selected GROUP BY ALL ORDER BY events DESC, principal, accessKeyId NULLS LAST LIMIT ${Math.trunc(limit)}`,
		params: where.params,
	});
}
