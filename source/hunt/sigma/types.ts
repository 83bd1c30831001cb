/**
 * Sigma rules as clicktrail reads them: detection rules and correlation rules (Sigma v2), each with what a finding
 * shows (title, severity, tags, description, triage guide). Pure types, shared by the parser and the compiler.
 */
import type {SqlParam} from '../../query/sql.js';

/** Sigma's levels, most severe first; a finding's severity is its rule's level. */
export const LEVELS = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Level = (typeof LEVELS)[number];

/** What every rule carries for its findings. */
export type RuleInfo = {
	/** The rule's id (Sigma `id`), or its name, or its title when it has neither. */
	id: string;
	/** Sigma `name`: how correlation rules refer to it (its id works too). */
	name?: string;
	title: string;
	level: Level;
	status?: string;
	description?: string;
	/** The short triage guide: `triage`, or `x-clicktrail: {triage}`. */
	triage?: string;
	tags: string[];
	/** Where it came from: a file path. */
	source: string;
};

/** A detection rule: search identifiers and a condition. */
export type DetectionRule = RuleInfo & {
	kind: 'detection';
	logsource: Record<string, unknown>;
	detection: Record<string, unknown>;
};

/** Sigma v2 correlation types, plus clicktrail's first_seen extension. */
export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'first_seen';

/** A correlation rule over the events of other rules. */
export type CorrelationRule = RuleInfo & {
	kind: 'correlation';
	correlation: Record<string, unknown>;
};

/** A rule file's document that could not be read as a rule (reported with its reason). */
export type BrokenRule = RuleInfo & {kind: 'broken'; reason: string};

export type SigmaRule = DetectionRule | CorrelationRule | BrokenRule;

/** A construct the compiler does not support: the rule is reported with this reason, and the others still run. */
export class Unsupported extends Error {
	override name = 'Unsupported';
}

/** A SQL fragment with its bound values, in placeholder order. */
export type Fragment = {sql: string; params: SqlParam[]};
