/**
 * The screen's reads of marks (the `marks` table: events an analyst marked, with a note) and of what the events
 * table's gutter shows beside each row: whether the event is marked, and the most severe finding that holds it.
 * Pure; every value bound.
 */
import {severityRank} from './findings.js';
import type {SqlQuery} from './sql.js';

/** One row: how many marks and how many finding events the case file holds (the gutter shows when either is not 0). */
export function annotationsQuery(): SqlQuery {
	return {
		sql: 'SELECT (SELECT count(*) FROM marks) AS marks, (SELECT count(*) FROM finding_events) AS findingEvents',
		params: [],
	};
}

/**
 * For the events among `eventIDs` that are marked or that a finding holds: `{eventID, marked, note, rank}`, rank the
 * most severe finding's (source/query/findings.ts SEVERITIES), null when none. The list is bound as one JSON text.
 */
export function markersQuery(eventIDs: readonly string[]): SqlQuery {
	return {
		sql: `WITH ids AS (SELECT DISTINCT unnest(json_extract_string(CAST(? AS JSON), '$[*]')) AS eventID),
ranked AS (
	SELECT fe.eventID, min(${severityRank('f.severity')}) AS rank
	FROM finding_events fe JOIN findings f ON f.findingId = fe.findingId
	WHERE fe.eventID IN (SELECT eventID FROM ids) GROUP BY fe.eventID
)
SELECT ids.eventID, m.eventID IS NOT NULL AS marked, m.note, r.rank
FROM ids LEFT JOIN marks m ON m.eventID = ids.eventID LEFT JOIN ranked r ON r.eventID = ids.eventID
WHERE m.eventID IS NOT NULL OR r.rank IS NOT NULL`,
		params: [JSON.stringify(eventIDs)],
	};
}

/** Every mark with its event's time, name and principal, by the event's time (marks whose event is gone last). */
export function marksListQuery(): SqlQuery {
	return {
		sql: `SELECT m.eventID, m.note, m.updated, e.eventTime, e.eventName, e.principal
FROM marks m LEFT JOIN events e ON e.eventID = m.eventID
ORDER BY e.eventTime NULLS LAST, m.eventID`,
		params: [],
	};
}
