/**
 * Findings as the hunt reports them: ordered by severity (critical first), then time, and the JSON shape of
 * `clicktrail hunt --format json`.
 */
import type {CompiledRule} from './sigma/compile.js';
import {LEVELS, type Level, type RuleInfo} from './sigma/types.js';

/** One finding: a rule's matching events for one principal (or group) and time span. */
export type Finding = {
	rule: RuleInfo;
	principal: string | null;
	accountId: string | null;
	start: Date;
	end: Date;
	count: number;
	eventIDs: string[];
	fields: string[];
};

/** Severity as printed: Sigma's level, `informational` as `info`. */
export function severity(level: Level): string {
	return level === 'informational' ? 'info' : level;
}

/** Whether a finding of this level makes `hunt` exit with its own status (high or critical). */
export function gates(level: Level): boolean {
	return level === 'critical' || level === 'high';
}

/** Severity first (critical first), then start time, then rule id. */
export function orderFindings(findings: Finding[]): Finding[] {
	return [...findings].sort(
		(a, b) =>
			LEVELS.indexOf(a.rule.level) - LEVELS.indexOf(b.rule.level) ||
			a.start.getTime() - b.start.getTime() ||
			(a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0) ||
			(String(a.principal) < String(b.principal) ? -1 : 1),
	);
}

/** The rules part of the JSON: id, title, severity, status, reason. */
export function rulesJson(rules: readonly CompiledRule[]): object[] {
	return rules.map(r => ({
		id: r.rule.id,
		title: r.rule.title,
		severity: severity(r.rule.level),
		status: r.status,
		reason: r.reason ?? null,
	}));
}
