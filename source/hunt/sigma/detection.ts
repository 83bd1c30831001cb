/**
 * A detection rule's `detection` -> one SQL predicate with bound values: each search identifier is a map (its
 * fields AND-ed) or a list of maps (OR-ed), and the condition combines them.
 */
import {namesMatching, parseCondition, type Condition} from './condition.js';
import {isRecord} from './parse.js';
import {Unsupported, type Fragment} from './types.js';
import {fieldCondition} from './values.js';

/** The predicate of a detection; throws {@link Unsupported} with the reason. */
export function detectionPredicate(detection: Record<string, unknown>): Fragment {
	if ('timeframe' in detection) throw new Unsupported('timeframe (Sigma v1 aggregation): write a correlation rule');
	const conditionValue = detection['condition'];
	const conditions = Array.isArray(conditionValue) ? conditionValue : [conditionValue];
	if (conditions.length === 0 || conditions.some(c => typeof c !== 'string'))
		throw new Unsupported('detection has no condition');
	const names = Object.keys(detection).filter(name => name !== 'condition');
	const compiled = new Map<string, Fragment>();
	const identifier = (name: string): Fragment => {
		let fragment = compiled.get(name);
		if (!fragment) {
			if (!names.includes(name)) throw new Unsupported(`the condition names "${name}", which the detection lacks`);
			fragment = searchIdentifier(name, detection[name]);
			compiled.set(name, fragment);
		}
		return fragment;
	};
	const parts = (conditions as string[]).map(text => conditionSql(parseCondition(text), names, identifier));
	return join(parts, 'OR');
}

function conditionSql(condition: Condition, names: string[], identifier: (name: string) => Fragment): Fragment {
	switch (condition.kind) {
		case 'ref':
			return identifier(condition.name);
		case 'not': {
			const inner = conditionSql(condition.operand, names, identifier);
			// A NULL inside (a field that is absent) makes NOT NULL: an absent field does not match, so NOT matches.
			return {sql: `(NOT coalesce(${inner.sql}, false))`, params: inner.params};
		}
		case 'and':
		case 'or':
			return join(
				condition.operands.map(operand => conditionSql(operand, names, identifier)),
				condition.kind === 'and' ? 'AND' : 'OR',
			);
		case 'quantifier': {
			const matching = namesMatching(condition.pattern, names);
			if (matching.length === 0)
				throw new Unsupported(`"${condition.pattern}" in the condition matches no search identifier`);
			return join(matching.map(identifier), condition.all ? 'AND' : 'OR');
		}
	}
}

function searchIdentifier(name: string, value: unknown): Fragment {
	if (isRecord(value)) return mapCondition(name, value);
	if (Array.isArray(value) && value.length > 0 && value.every(isRecord))
		return join(
			value.map(item => mapCondition(name, item)),
			'OR',
		);
	if (Array.isArray(value) || typeof value === 'string' || typeof value === 'number')
		throw new Unsupported(`keyword search in "${name}" (values without a field name)`);
	throw new Unsupported(`search identifier "${name}" is neither a map nor a list of maps`);
}

function mapCondition(name: string, map: Record<string, unknown>): Fragment {
	const keys = Object.keys(map);
	if (keys.length === 0) throw new Unsupported(`search identifier "${name}" is empty`);
	return join(
		keys.map(key => fieldCondition(key, map[key])),
		'AND',
	);
}

/** Fragments joined with AND or OR, parenthesised, their values in order. */
export function join(parts: Fragment[], operator: 'AND' | 'OR'): Fragment {
	if (parts.length === 1) return parts[0]!;
	return {sql: `(${parts.map(part => part.sql).join(` ${operator} `)})`, params: parts.flatMap(part => part.params)};
}
