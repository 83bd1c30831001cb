/**
 * A rule set -> one statement per rule that makes findings, each returning one row per finding: principal,
 * accountId, start, end, count, eventIDs. Rules run over one relation, `hunt_events` (source/hunt/relation.ts).
 * A rule that uses what is not supported gets its reason and no statement; the others still compile.
 */
import {correlationSql, referencedNames, type Referenced} from './correlation.js';
import {detectionPredicate} from './detection.js';
import {isRecord} from './parse.js';
import {Unsupported, type Fragment, type RuleInfo, type SigmaRule} from './types.js';

/** A rule after compiling: ran (with its statement, unless a correlation uses it only) or unsupported. */
export type CompiledRule = {
	rule: RuleInfo;
	status: 'ran' | 'unsupported';
	reason?: string;
	/** The statement that makes its findings; absent for a rule only a correlation uses, or an unsupported one. */
	query?: Fragment;
	/** The fields its logic reads (for showing why an event matched). */
	fields: string[];
};

/** Compiles every rule against `relation` (the SQL of hunt_events and its values). */
export function compileRules(rules: readonly SigmaRule[], relation: Fragment): CompiledRule[] {
	const byName = new Map<string, SigmaRule>();
	const seen = new Set<string>();
	const results = new Map<SigmaRule, CompiledRule>();
	for (const rule of rules) {
		if (seen.has(rule.id)) {
			results.set(rule, unsupported(rule, `another rule has the id "${rule.id}"`));
			continue;
		}
		seen.add(rule.id);
		byName.set(rule.id, rule);
		if (rule.name) byName.set(rule.name, rule);
	}
	const predicates = new Map<SigmaRule, Fragment | string>();
	const predicate = (rule: SigmaRule): Fragment | string => {
		let value = predicates.get(rule);
		if (value === undefined) {
			value = rule.kind === 'detection' ? attempt(() => detectionOf(rule)) : 'not a detection rule';
			predicates.set(rule, value);
		}
		return value;
	};
	const quiet = new Set<SigmaRule>();
	for (const rule of rules) {
		if (results.has(rule) || rule.kind !== 'correlation') continue;
		const compiled = attempt(() => {
			const names = referencedNames(rule.correlation);
			const referenced: Referenced[] = names.map(name => {
				const target = byName.get(name);
				if (!target) throw new Unsupported(`it refers to rule "${name}", which is not in the rule set`);
				if (target.kind === 'correlation')
					throw new Unsupported(`it refers to the correlation "${name}" (chained correlations)`);
				const p = predicate(target);
				if (typeof p === 'string') throw new Unsupported(`rule "${name}" it refers to is unsupported: ${p}`);
				return {names: [target.id, ...(target.name ? [target.name] : [])], predicate: p};
			});
			return correlationSql(rule.correlation, referenced, relation);
		});
		const names = attempt(() => referencedNames(rule.correlation));
		if (typeof compiled === 'string') {
			results.set(rule, unsupported(rule, compiled));
			continue;
		}
		const targets = typeof names === 'string' ? [] : names.map(name => byName.get(name)!);
		if (rule.correlation['generate'] !== true) for (const target of targets) quiet.add(target);
		results.set(rule, {
			rule: info(rule),
			status: 'ran',
			query: compiled,
			fields: correlationFields(rule.correlation, targets),
		});
	}
	for (const rule of rules) {
		if (results.has(rule)) continue;
		if (rule.kind === 'broken') {
			results.set(rule, unsupported(rule, rule.reason));
			continue;
		}
		if (rule.kind !== 'detection') continue;
		const p = predicate(rule);
		if (typeof p === 'string') results.set(rule, unsupported(rule, p));
		else if (quiet.has(rule))
			results.set(rule, {rule: info(rule), status: 'ran', fields: detectionFields(rule.detection)});
		else
			results.set(rule, {
				rule: info(rule),
				status: 'ran',
				query: detectionSql(p, relation),
				fields: detectionFields(rule.detection),
			});
	}
	return rules.map(rule => results.get(rule)!);
}

function detectionOf(rule: SigmaRule & {kind: 'detection'}): Fragment {
	const product = String(rule.logsource['product'] ?? '').toLowerCase();
	const service = String(rule.logsource['service'] ?? '').toLowerCase();
	if (product !== 'aws' || (service !== 'cloudtrail' && service !== ''))
		throw new Unsupported(`logsource ${JSON.stringify(rule.logsource)} is not product aws, service cloudtrail`);
	return detectionPredicate(rule.detection);
}

/** A detection rule's findings: its matching events, one finding per principal and account. */
function detectionSql(predicate: Fragment, relation: Fragment): Fragment {
	return {
		sql: `WITH hunt_events AS NOT MATERIALIZED (${relation.sql})
SELECT principal, accountId, min(eventTime) AS "start", max(eventTime) AS "end", count(*) AS "count", list(eventID ORDER BY eventTime, eventID) AS eventIDs
FROM hunt_events WHERE ${predicate.sql} GROUP BY principal, accountId`,
		params: [...relation.params, ...predicate.params],
	};
}

function attempt<T>(body: () => T): T | string {
	try {
		return body();
	} catch (error) {
		if (error instanceof Unsupported) return error.message;
		throw error;
	}
}

function info(rule: SigmaRule): RuleInfo {
	const {id, name, title, level, status, description, triage, tags, source} = rule;
	return {
		id,
		title,
		level,
		tags,
		source,
		...(name ? {name} : {}),
		...(status ? {status} : {}),
		...(description ? {description} : {}),
		...(triage ? {triage} : {}),
	};
}

function unsupported(rule: SigmaRule, reason: string): CompiledRule {
	return {rule: info(rule), status: 'unsupported', reason, fields: []};
}

function detectionFields(detection: Record<string, unknown>): string[] {
	const fields = new Set<string>();
	const visit = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (isRecord(value)) for (const key of Object.keys(value)) fields.add(key.split('|')[0]!);
	};
	for (const [name, value] of Object.entries(detection)) if (name !== 'condition') visit(value);
	return [...fields];
}

function correlationFields(correlation: Record<string, unknown>, targets: SigmaRule[]): string[] {
	const fields = new Set<string>();
	for (const target of targets)
		if (target.kind === 'detection') for (const f of detectionFields(target.detection)) fields.add(f);
	const groupBy = correlation['group-by'];
	for (const f of Array.isArray(groupBy) ? groupBy : []) if (typeof f === 'string') fields.add(f);
	const condition = correlation['condition'];
	if (isRecord(condition) && typeof condition['field'] === 'string') fields.add(condition['field']);
	if (typeof correlation['field'] === 'string') fields.add(correlation['field']);
	return [...fields];
}
