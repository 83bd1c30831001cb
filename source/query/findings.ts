/**
 * The screen's reads of the findings `clicktrail hunt` stored: the list (most severe first, then newest), and the
 * findings an event belongs to with the fields that made each rule match. Pure; every value bound.
 */
import type {SqlQuery} from './sql.js';

const TIME = `'%Y-%m-%dT%H:%M:%SZ'`;
const RANK = `CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

/** Every finding: id, severity, title, rule, principal, first and last event, count, the fields its rule reads. */
export function findingsListQuery(): SqlQuery {
	return {
		sql: `SELECT findingId, severity, title, ruleId, principal, strftime(startTime, ${TIME}) AS startTime,
	strftime(endTime, ${TIME}) AS endTime, count, fields
FROM findings ORDER BY ${RANK}, startTime DESC, findingId`,
		params: [],
	};
}

/** The findings that hold the event `eventID`, with the fields their rules read. */
export function eventFindingsQuery(eventID: string): SqlQuery {
	return {
		sql: `SELECT f.findingId, f.severity, f.title, f.ruleId, f.fields FROM findings f
WHERE f.findingId IN (SELECT findingId FROM finding_events WHERE eventID = ?)
ORDER BY ${RANK.replaceAll('severity', 'f.severity')}, f.findingId`,
		params: [eventID],
	};
}
