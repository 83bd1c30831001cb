/**
 * Sigma rule files (YAML, one or more documents) -> rules. A document that is not a rule clicktrail can read is kept
 * as a {@link BrokenRule} with its reason, so that it is reported by name while the others run.
 */
import {parseAllDocuments} from 'yaml';
import {LEVELS, type Level, type RuleInfo, type SigmaRule} from './types.js';

/** Reads every rule in one file's text; `source` names the file in reports. */
export function parseRuleFile(text: string, source: string): SigmaRule[] {
	const rules: SigmaRule[] = [];
	let documents;
	try {
		documents = parseAllDocuments(text, {uniqueKeys: true});
	} catch (error) {
		return [broken(source, `not YAML: ${(error as Error).message}`)];
	}
	if (!Array.isArray(documents)) documents = [documents];
	documents.forEach((document, index) => {
		const label = documents.length > 1 ? `${source}#${index + 1}` : source;
		if (document.errors.length > 0) {
			rules.push(broken(label, `not YAML: ${document.errors[0]!.message.split('\n')[0]}`));
			return;
		}
		const value: unknown = document.toJS({maxAliasCount: 50});
		if (value === null || value === undefined) return;
		rules.push(parseRule(value, label));
	});
	return rules;
}

/** One document -> a rule. */
export function parseRule(value: unknown, source: string): SigmaRule {
	if (!isRecord(value)) return broken(source, 'a rule is a YAML mapping (title, id, level, detection, ...)');
	const info = ruleInfo(value, source);
	if (typeof info === 'string') return broken(source, info, value);
	if (value['correlation'] !== undefined) {
		if (!isRecord(value['correlation'])) return {...info, kind: 'broken', reason: 'correlation must be a mapping'};
		return {...info, kind: 'correlation', correlation: value['correlation']};
	}
	if (!isRecord(value['detection'])) return {...info, kind: 'broken', reason: 'no detection (or correlation)'};
	const logsource = isRecord(value['logsource']) ? value['logsource'] : {};
	return {...info, kind: 'detection', logsource, detection: value['detection']};
}

function ruleInfo(value: Record<string, unknown>, source: string): RuleInfo | string {
	const title = text(value['title']);
	const id = text(value['id']);
	const name = text(value['name']);
	if (!title) return 'no title';
	const levelText = (text(value['level']) ?? 'medium').toLowerCase();
	const level = (levelText === 'info' ? 'informational' : levelText) as Level;
	if (!LEVELS.includes(level)) return `level "${levelText}" is not one of ${LEVELS.join(', ')}`;
	const extension = isRecord(value['x-clicktrail']) ? value['x-clicktrail'] : {};
	const tags = Array.isArray(value['tags']) ? value['tags'].filter(tag => typeof tag === 'string') : [];
	return {
		id: id ?? name ?? title,
		...(name ? {name} : {}),
		title,
		level,
		...(text(value['status']) ? {status: text(value['status'])} : {}),
		...(text(value['description']) ? {description: text(value['description'])!.trim()} : {}),
		...(text(value['triage'] ?? extension['triage'])
			? {triage: text(value['triage'] ?? extension['triage'])!.trim()}
			: {}),
		tags,
		source,
	};
}

function broken(source: string, reason: string, value?: Record<string, unknown>): SigmaRule {
	const title = value ? text(value['title']) : undefined;
	const id = value ? (text(value['id']) ?? text(value['name'])) : undefined;
	return {id: id ?? title ?? source, title: title ?? source, level: 'medium', tags: [], source, kind: 'broken', reason};
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
