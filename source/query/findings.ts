/**
 * The screen's reads of the findings `clicktrail hunt` stored: the list (most severe first, then newest), the
 * findings an event belongs to with the fields that made each rule match, and the timeline's findings row (the most
 * severe finding in each bucket). Pure; every value bound.
 */
import type {FilterState} from './filters.js';
import {bucketIndexSql, type Bucket} from './histogram.js';
import type {SqlQuery} from './sql.js';
import type {TimeRange} from './time.js';
import {filterConditions, whereClause} from './where.js';

const TIME = `'%Y-%m-%dT%H:%M:%SZ'`;
/** A severity's rank, most severe first: critical 0, high 1, medium 2, low 3, anything else (informational) 4. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;

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

/** The rank expression ({@link SEVERITIES}) over a severity column. */
export function severityRank(column: string): string {
	return RANK.replaceAll('severity', column);
}

/**
 * The timeline's findings row: for each bucket over `span` (as the histogram numbers them) that holds an event of a
 * finding under the filter, `{b, rank, events}`: the most severe finding's rank and how many such events.
 */
export function findingBucketsQuery(state: FilterState, bucket: Bucket, span: TimeRange): SqlQuery {
	const {conditions, params} = filterConditions(state);
	conditions.push('eventTime >= ?', 'eventTime < ?', 'eventID IN (SELECT eventID FROM finding_events)');
	params.push(span.from, span.until);
	return {
		sql: `WITH hit AS (SELECT eventID, ${bucketIndexSql(bucket)} AS b FROM events ${whereClause(conditions)}),
ranked AS (
	SELECT fe.eventID, min(${severityRank('f.severity')}) AS rank
	FROM finding_events fe JOIN findings f ON f.findingId = fe.findingId
	WHERE fe.eventID IN (SELECT eventID FROM hit) GROUP BY fe.eventID
)
SELECT hit.b, min(ranked.rank) AS rank, count(*) AS events FROM hit JOIN ranked ON ranked.eventID = hit.eventID
GROUP BY hit.b ORDER BY hit.b`,
		params,
	};
}
