/**
 * Correlation rules -> one SQL statement each, over the events their rules match. event_count, value_count and
 * temporal slide a window of `timespan` from each matching event (per group-by value): a window whose count meets
 * the condition qualifies, overlapping qualifying windows merge into one finding, and the finding's events are the
 * matching events inside them. first_seen (a clicktrail extension) flags a value of a field the first time it
 * appears in the case (per group), once a baseline of history is there: the value's first event is at least
 * `baseline` after the group's first event in the same account (recipientAccountId), so that an account whose logs
 * start later is learnt first too; the findings are the rules' events within `timespan` of that first event.
 */
import type {SqlParam} from '../../query/sql.js';
import {isRecord} from './parse.js';
import {fieldExpression} from './fields.js';
import {timespanSeconds} from './timespan.js';
import {Unsupported, type CorrelationType, type Fragment} from './types.js';

/** A referenced rule as the correlation needs it: its predicate and name. */
export type Referenced = {names: string[]; predicate: Fragment};

const TYPES: CorrelationType[] = ['event_count', 'value_count', 'temporal', 'first_seen'];
const OPERATORS = {gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '='} as const;

/** The names of the rules a correlation refers to. */
export function referencedNames(correlation: Record<string, unknown>): string[] {
	const rules = correlation['rules'];
	const list = Array.isArray(rules) ? rules : rules === undefined ? [] : [rules];
	if (list.length === 0 || list.some(r => typeof r !== 'string')) throw new Unsupported('correlation without rules');
	return list as string[];
}

/** The correlation's statement over `relation` (a CTE named hunt_events); throws {@link Unsupported}. */
export function correlationSql(
	correlation: Record<string, unknown>,
	rules: Referenced[],
	relation: Fragment,
): Fragment {
	const type = correlation['type'] as CorrelationType;
	if (!TYPES.includes(type))
		throw new Unsupported(`correlation type "${String(correlation['type'])}" (supported: ${TYPES.join(', ')})`);
	const groupBy = groupFields(correlation);
	const aliases = isRecord(correlation['aliases']) ? correlation['aliases'] : {};
	const groupExpressions = (rule: Referenced) =>
		groupBy.length === 0 ? ['0'] : groupBy.map(field => fieldExpression(aliasFor(aliases, field, rule)));
	const width = Math.max(1, groupBy.length);
	const g = Array.from({length: width}, (_, i) => `g${i}`);
	const params: SqlParam[] = [...relation.params];
	const conditionMap = isRecord(correlation['condition']) ? correlation['condition'] : undefined;
	const valueField =
		type === 'value_count'
			? conditionField(conditionMap)
			: type === 'first_seen'
				? firstSeenField(correlation)
				: undefined;

	const matched = rules
		.map((rule, index) => {
			params.push(...rule.predicate.params);
			const groups = groupExpressions(rule).map((e, i) => `${e} AS g${i}`);
			const value = valueField ? fieldExpression(aliasFor(aliases, valueField, rule)) : 'NULL';
			return `SELECT eventID, eventTime AS t, principal, accountId, recipientAccountId AS a, ${groups.join(', ')}, ${value} AS v, ${index} AS r FROM hunt_events WHERE ${rule.predicate.sql}`;
		})
		.join(' UNION ALL ');
	const head = `WITH hunt_events AS NOT MATERIALIZED (${relation.sql}), m AS (${matched})`;
	const same = (a: string, b: string) => g.map(c => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
	const findings = (source: string, by: string[]) =>
		`SELECT mode(principal) AS principal, mode(accountId) AS accountId, min(t) AS "start", max(t) AS "end", count(*) AS "count", list(eventID ORDER BY t, eventID) AS eventIDs FROM (SELECT DISTINCT ${source}) GROUP BY ${by.join(', ')}`;

	if (type === 'first_seen') {
		const baseline = timespanSeconds(correlation['baseline'] ?? '7d', 'baseline');
		const within = timespanSeconds(correlation['timespan'] ?? '1d');
		const history = groupExpressions(rules[0]!).map((e, i) => `${e} AS g${i}`);
		const value = fieldExpression(valueField!);
		params.push(baseline, within);
		return {
			sql: `${head}, h AS (SELECT eventTime AS t, recipientAccountId AS a, ${history.join(', ')}, ${value} AS v FROM hunt_events),
firsts AS (SELECT ${g.join(', ')}, v, min(t) AS f FROM h WHERE v IS NOT NULL GROUP BY ALL),
starts AS (SELECT ${g.join(', ')}, a, min(t) AS s FROM h GROUP BY ALL),
hits AS (SELECT m.*, firsts.f FROM m JOIN firsts ON ${same('m', 'firsts')} AND m.v = firsts.v JOIN starts ON ${same('m', 'starts')} AND m.a IS NOT DISTINCT FROM starts.a WHERE firsts.f >= starts.s + to_seconds(?) AND m.t <= firsts.f + to_seconds(?))
${findings(`eventID, t, principal, accountId, ${g.join(', ')}, v FROM hits`, [...g, 'v'])}`,
			params,
		};
	}

	const seconds = timespanSeconds(correlation['timespan']);
	const aggregate =
		type === 'event_count' ? 'count(*)' : type === 'value_count' ? 'count(DISTINCT v)' : 'count(DISTINCT r)';
	const test = countCondition(type, conditionMap, rules.length);
	params.push(seconds, seconds, ...test.params);
	const partition = `PARTITION BY ${g.join(', ')}`;
	return {
		sql: `${head},
w AS (SELECT ${g.join(', ')}, t, ${aggregate} OVER (${partition} ORDER BY t RANGE BETWEEN CURRENT ROW AND to_seconds(?) FOLLOWING) AS n FROM m),
q AS (SELECT DISTINCT ${g.join(', ')}, t AS ws, t + to_seconds(?) AS we FROM w WHERE ${test.sql}),
q2 AS (SELECT *, CASE WHEN ws <= max(we) OVER (${partition} ORDER BY ws ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS fresh FROM q),
q3 AS (SELECT *, sum(fresh) OVER (${partition} ORDER BY ws ROWS UNBOUNDED PRECEDING) AS island FROM q2),
islands AS (SELECT ${g.join(', ')}, island, min(ws) AS s, max(we) AS e FROM q3 GROUP BY ALL)
${findings(`m.eventID, m.t, m.principal, m.accountId, ${g.map(c => `i.${c}`).join(', ')}, i.island FROM m JOIN islands i ON ${same('m', 'i')} AND m.t BETWEEN i.s AND i.e`, [...g, 'island'])}`,
		params,
	};
}

function groupFields(correlation: Record<string, unknown>): string[] {
	const value = correlation['group-by'];
	const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
	if (list.some(item => typeof item !== 'string')) throw new Unsupported('group-by must list field names');
	return list as string[];
}

function aliasFor(aliases: Record<string, unknown>, field: string, rule: Referenced): string {
	const alias = aliases[field];
	if (!isRecord(alias)) return field;
	for (const name of rule.names) if (typeof alias[name] === 'string') return alias[name];
	throw new Unsupported(`alias "${field}" names no field for rule ${rule.names[0]}`);
}

function conditionField(condition: Record<string, unknown> | undefined): string {
	const field = condition?.['field'];
	if (typeof field !== 'string') throw new Unsupported('value_count needs condition.field');
	return field;
}

function firstSeenField(correlation: Record<string, unknown>): string {
	const field = correlation['field'];
	if (typeof field !== 'string') throw new Unsupported('first_seen needs field (the field whose new values count)');
	return field;
}

function countCondition(
	type: CorrelationType,
	condition: Record<string, unknown> | undefined,
	rules: number,
): Fragment {
	if (!condition) {
		if (type === 'temporal') return {sql: 'n >= ?', params: [rules]};
		throw new Unsupported(`${type} needs a condition (gte, gt, lte, lt or eq)`);
	}
	const parts: Fragment[] = [];
	for (const [key, value] of Object.entries(condition)) {
		if (key === 'field') continue;
		const operator = OPERATORS[key as keyof typeof OPERATORS];
		if (!operator) throw new Unsupported(`condition operator "${key}" (gte, gt, lte, lt, eq)`);
		if (typeof value !== 'number' || !Number.isInteger(value))
			throw new Unsupported(`condition ${key} needs a whole number`);
		parts.push({sql: `n ${operator} ?`, params: [value]});
	}
	if (parts.length === 0) throw new Unsupported(`${type} needs a condition (gte, gt, lte, lt or eq)`);
	return {sql: parts.map(p => p.sql).join(' AND '), params: parts.flatMap(p => p.params)};
}
