/**
 * The screen's counts, facets, span and histogram read from the summaries (migration 9, built by
 * source/store/summaries.ts) instead of the events table, when the filter allows: include chips of at most one
 * field, at most one time window, and the errors chip; anything else (an exclude, text, a finding, includes on two
 * fields) reads the events as before. The whole hours of a time window come from `summary_hours`; its partial hours
 * at each end from the events (a narrow time range, which is cheap). A facet of another field than the filtered one
 * comes from `summary_pairs`, over all time only (with a time window as well, that facet reads the events).
 * Every answer is the same as the events query's (test/query/summary.test.ts compares them); a reader uses these
 * only while {@link summaryFreshQuery} says the summaries were built from the events the table holds.
 */
import {FACET_PANE_FIELDS} from '../events/columns.js';
import {checkLimit, facetQuery} from './facets.js';
import type {Chip, FacetField, FilterState} from './filters.js';
import {BUCKET_ORIGIN_MS, BUCKETS, bucketIndexSql, type Bucket} from './histogram.js';
import {EVENTS_TABLE, type SqlParam, type SqlQuery} from './sql.js';
import type {TimeRange} from './time.js';
import {filterConditions, whereClause} from './where.js';

export const HOUR_MS = 3_600_000;

/** An event's hour, as summary_hours numbers them: floor(epoch microseconds / one hour). */
export const HOUR_SQL = '(epoch_us(eventTime) // 3600000000 - CAST(epoch_us(eventTime) % 3600000000 < 0 AS BIGINT))';

/** What a filter asks of the summaries. */
export type SummaryPlan = {
	/** The one field with include chips, and its values (OR); absent: no field condition. */
	field?: FacetField;
	values: Array<string | null>;
	from?: Date;
	until?: Date;
	/** Only failed calls (the errors chip). */
	errors: boolean;
	/** The chips that select events besides the time (the field's includes, errors), for the partial hours. */
	chips: Chip[];
};

/**
 * The plan for `state` (its includes of `omitIncludesOf` left out, as a facet of that field counts), or undefined
 * when the summaries cannot answer it.
 */
export function summaryPlan(state: FilterState, omitIncludesOf?: FacetField): SummaryPlan | undefined {
	const plan: SummaryPlan = {values: [], errors: false, chips: []};
	for (const chip of state.chips) {
		if (chip.kind === 'field') {
			if (chip.exclude) return undefined;
			if (chip.field === omitIncludesOf) continue;
			if (plan.field !== undefined && plan.field !== chip.field) return undefined;
			plan.field = chip.field;
			if (!plan.values.includes(chip.value)) plan.values.push(chip.value);
			plan.chips.push(chip);
		} else if (chip.kind === 'from') {
			if (plan.from === undefined || chip.time > plan.from) plan.from = chip.time;
		} else if (chip.kind === 'until') {
			if (plan.until === undefined || chip.time < plan.until) plan.until = chip.time;
		} else if (chip.kind === 'errors') {
			plan.errors = true;
			plan.chips.push(chip);
		} else {
			return undefined;
		}
	}
	return plan;
}

/** The whole hours [from, until) of a time range (either end open) and its partial hours at each end. */
export type HourSplit = {hours: {from?: number; until?: number}; edges: TimeRange[]};

/** Splits [from, until) into whole hours (from summary_hours) and the partial hours at its ends (from events). */
export function splitHours(from?: Date, until?: Date): HourSplit {
	const f = from?.getTime();
	const u = until?.getTime();
	if (Number.isNaN(f) || Number.isNaN(u)) throw new RangeError('The time window holds an invalid date');
	const first = f === undefined ? undefined : Math.ceil(f / HOUR_MS) + 0;
	const end = u === undefined ? undefined : Math.floor(u / HOUR_MS) + 0;
	if (first !== undefined && end !== undefined && first >= end) {
		// No whole hour inside: all of it from the events.
		return {hours: {from: first, until: first}, edges: f! < u! ? [{from: from!, until: until!}] : []};
	}
	const edges: TimeRange[] = [];
	if (f !== undefined && first! * HOUR_MS > f) edges.push({from: from!, until: new Date(first! * HOUR_MS)});
	if (u !== undefined && end! * HOUR_MS < u) edges.push({from: new Date(end! * HOUR_MS), until: until!});
	return {hours: {...(first === undefined ? {} : {from: first}), ...(end === undefined ? {} : {until: end})}, edges};
}

/** One row `{fresh}`: whether the summaries were built from as many events as the table holds (only ever added). */
export function summaryFreshQuery(): SqlQuery {
	return {
		sql: 'SELECT coalesce((SELECT max(events) FROM summary_state) = (SELECT count(*) FROM events), false) AS fresh',
		params: [],
	};
}

/** `column` is one of `values` (OR; null: IS NULL). */
function valueCondition(column: string, values: ReadonlyArray<string | null>, params: SqlParam[]): string {
	const strings = values.filter((v): v is string => v !== null);
	const parts: string[] = [];
	if (strings.length > 0) parts.push(`${column} IN (${strings.map(() => '?').join(', ')})`);
	params.push(...strings);
	if (values.includes(null)) parts.push(`${column} IS NULL`);
	return `(${parts.join(' OR ')})`;
}

/** The summary_hours rows of `field` ('*': every event) within the split's whole hours, values of the plan's field. */
function hoursWhere(plan: SummaryPlan, field: string, split: HourSplit): {where: string; params: SqlParam[]} {
	const params: SqlParam[] = [field];
	const conditions = ['field = ?'];
	if (field === plan.field) conditions.push(valueCondition('value', plan.values, params));
	if (split.hours.from !== undefined) {
		conditions.push('hour >= ?');
		params.push(split.hours.from);
	}
	if (split.hours.until !== undefined) {
		conditions.push('hour < ?');
		params.push(split.hours.until);
	}
	return {where: whereClause(conditions), params};
}

/**
 * `select FROM events WHERE <the plan's events in the partial hours>`, or nothing when there are none: one scan for
 * both ends, `eventTime >= ? AND eventTime < ?` around them (which DuckDB pushes into the scan) and, with two
 * ends, `(eventTime < ? OR eventTime >= ?)` to leave out the whole hours between.
 */
function edgeParts(
	plan: SummaryPlan,
	split: HourSplit,
	select: string,
	tail = '',
): {parts: string[]; params: SqlParam[]} {
	const [low, high] = split.edges;
	if (!low) return {parts: [], params: []};
	const {conditions, params} = filterConditions({chips: plan.chips});
	conditions.push('eventTime >= ?', 'eventTime < ?');
	params.push(low.from, (high ?? low).until);
	if (high) {
		conditions.push('(eventTime < ? OR eventTime >= ?)');
		params.push(low.until, high.from);
	}
	return {parts: [`${select} FROM ${EVENTS_TABLE} ${whereClause(conditions)}${tail}`], params};
}

/** The summaries' count column for the plan. */
const measure = (plan: SummaryPlan) => (plan.errors ? 'errors' : 'total');

/** How many events match, as one row `{count}` (as countQuery). */
export function summaryCountQuery(plan: SummaryPlan): SqlQuery {
	const split = splitHours(plan.from, plan.until);
	const hours = hoursWhere(plan, plan.field ?? '*', split);
	const edges = edgeParts(plan, split, 'SELECT count(*)');
	const parts = [`coalesce((SELECT sum(${measure(plan)}) FROM summary_hours ${hours.where}), 0)`];
	parts.push(...edges.parts.map(part => `(${part})`));
	return {sql: `SELECT CAST(${parts.join(' + ')} AS BIGINT) AS count`, params: [...hours.params, ...edges.params]};
}

/** The top values of `field` under the plan (as facetQuery), or undefined when the summaries cannot say. */
export function summaryFacetQuery(field: FacetField, plan: SummaryPlan, limit: number): SqlQuery | undefined {
	checkLimit(limit);
	const order = 'ORDER BY count DESC, value ASC NULLS LAST LIMIT ?';
	const n = measure(plan);
	if (plan.field !== undefined && plan.field !== field) {
		// summary_pairs holds the facets-pane fields' values against every field's, over all time.
		if (plan.from !== undefined || plan.until !== undefined || !FACET_PANE_FIELDS.includes(field)) return undefined;
		const params: SqlParam[] = [plan.field];
		const values = valueCondition('value', plan.values, params);
		params.push(field, limit + 1);
		return {
			sql: `SELECT otherValue AS value, CAST(sum(${n}) AS BIGINT) AS count FROM summary_pairs WHERE field = ? AND ${values} AND other = ? GROUP BY otherValue HAVING sum(${n}) > 0 ${order}`,
			params,
		};
	}
	const split = splitHours(plan.from, plan.until);
	const hours = hoursWhere(plan, field, split);
	const edges = edgeParts(plan, split, `SELECT ${field} AS value, count(*) AS n`, ` GROUP BY ${field}`);
	const union = [`SELECT value, ${n} AS n FROM summary_hours ${hours.where}`, ...edges.parts];
	return {
		sql: `SELECT value, CAST(sum(n) AS BIGINT) AS count FROM (${union.join(' UNION ALL ')}) GROUP BY value HAVING sum(n) > 0 ${order}`,
		params: [...hours.params, ...edges.params, limit + 1],
	};
}

/** As facetsQuery, each field's branch from the summaries when they can answer it, from the events otherwise. */
export function summaryFacetsQuery(fields: readonly FacetField[], state: FilterState, limit: number): SqlQuery {
	checkLimit(limit);
	const branches: string[] = [];
	const params: SqlParam[] = [];
	for (const [index, field] of fields.entries()) {
		const plan = summaryPlan(state, field);
		const one = (plan && summaryFacetQuery(field, plan, limit)) ?? facetQuery(field, state, limit);
		branches.push(`(SELECT ${index} AS field, value, count FROM (${one.sql}))`);
		params.push(...one.params);
	}
	return {sql: `${branches.join(' UNION ALL ')} ORDER BY field, count DESC, value ASC NULLS LAST`, params};
}

/** First and last eventTime and the count under the plan, as spanQuery; undefined with the errors chip. */
export function summarySpanQuery(plan: SummaryPlan): SqlQuery | undefined {
	// summary_hours keeps the first and last time of all events, not of the failed ones.
	if (plan.errors) return undefined;
	const split = splitHours(plan.from, plan.until);
	const hours = hoursWhere(plan, plan.field ?? '*', split);
	const edges = edgeParts(plan, split, 'SELECT min(eventTime), max(eventTime), count(*)');
	const union = [
		`SELECT min(first) AS f, max(last) AS l, sum(total) AS n FROM summary_hours ${hours.where}`,
		...edges.parts,
	];
	return {
		sql: `SELECT min(f) AS first, max(l) AS last, CAST(coalesce(sum(n), 0) AS BIGINT) AS count FROM (${union.join(' UNION ALL ')})`,
		params: [...hours.params, ...edges.params],
	};
}

/**
 * The non-empty buckets over `span` under the plan, as histogramCountsQuery; undefined for buckets narrower than an
 * hour (every width from an hour up is whole hours from the origin, so hours add up to buckets exactly).
 * `spanHoldsAll`: the span is the first to the last event under the plan (its spanQuery), so without a time window
 * in the plan every hour of it counts whole, and no partial hour is read from the events.
 */
export function summaryHistogramQuery(
	plan: SummaryPlan,
	bucket: Bucket,
	span: TimeRange,
	spanHoldsAll = false,
): SqlQuery | undefined {
	const known = BUCKETS.find(b => b.name === bucket.name);
	if (!known || known.ms % HOUR_MS !== 0) return undefined;
	const from = plan.from && plan.from > span.from ? plan.from : span.from;
	const until = plan.until && plan.until < span.until ? plan.until : span.until;
	const whole = spanHoldsAll && plan.from === undefined && plan.until === undefined;
	const split: HourSplit = whole ? {hours: {}, edges: []} : splitHours(from, until);
	const hours = hoursWhere(plan, plan.field ?? '*', split);
	const width = known.ms / HOUR_MS;
	const offset = `(hour - ${BUCKET_ORIGIN_MS / HOUR_MS})`;
	const hourBucket = `(${offset} // ${width} - CAST(${offset} % ${width} < 0 AS BIGINT))`;
	const edges = edgeParts(
		plan,
		split,
		`SELECT ${bucketIndexSql(known)} AS b, count(*) AS t, count(errorCode) AS e`,
		' GROUP BY b',
	);
	const union = [
		`SELECT ${hourBucket} AS b, ${measure(plan)} AS t, errors AS e FROM summary_hours ${hours.where}`,
		...edges.parts,
	];
	return {
		sql: `SELECT b, CAST(sum(t) AS BIGINT) AS total, CAST(sum(e) AS BIGINT) AS errors FROM (${union.join(' UNION ALL ')}) GROUP BY b HAVING sum(t) > 0 ORDER BY b`,
		params: [...hours.params, ...edges.params],
	};
}
