/**
 * The one relation rules run over, `hunt_events`: the IoT 1-Click events and, when the case file has them, the
 * identity events (an event in both is read once), within --since/--until, plus the fields clicktrail derives for
 * rules (sigma/fields.ts).
 */
import type {SqlParam} from '../query/sql.js';
import {DERIVED_FIELDS} from './sigma/fields.js';
import type {Fragment} from './sigma/types.js';

export type RelationOptions = {
	/** Whether the case file has the identity_events table. */
	identityEvents: boolean;
	since?: Date;
	until?: Date;
};

/** The SELECT that defines hunt_events, with its values. */
export function huntRelation(options: RelationOptions): Fragment {
	const params: SqlParam[] = [];
	const window: string[] = [];
	if (options.since) {
		window.push('eventTime >= ?');
		params.push(options.since);
	}
	if (options.until) {
		window.push('eventTime < ?');
		params.push(options.until);
	}
	const derived = Object.entries(DERIVED_FIELDS)
		.map(([name, sql]) => `${sql} AS "${name}"`)
		.join(', ');
	const union = options.identityEvents
		? ` UNION ALL BY NAME SELECT * FROM identity_events WHERE eventID NOT IN (SELECT eventID FROM events)`
		: '';
	return {
		sql: `SELECT *, ${derived} FROM (SELECT * FROM events${union})${window.length > 0 ? ` WHERE ${window.join(' AND ')}` : ''}`,
		params,
	};
}
