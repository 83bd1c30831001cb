/**
 * One Sigma field condition (`field|modifier|...: value or [values]`) -> a SQL predicate with bound values. Strings
 * match case-insensitively unless `cased`; `*` and `?` are wildcards (`\*`, `\?`, `\\` escape them), turned into a
 * LIKE pattern in which `%`, `_` and `\` of the value are escaped: the pattern is a bound value, never SQL text.
 */
import type {SqlParam} from '../../query/sql.js';
import {fieldExpression} from './fields.js';
import {Unsupported, type Fragment} from './types.js';

const MODIFIERS = new Set([
	'contains',
	'startswith',
	'endswith',
	'all',
	're',
	'i',
	'm',
	's',
	'cidr',
	'exists',
	'cased',
	'gt',
	'gte',
	'lt',
	'lte',
	'fieldref',
]);

/** The predicate of `key: value` in a detection map; throws {@link Unsupported} with the reason. */
export function fieldCondition(key: string, value: unknown): Fragment {
	const [field = '', ...modifiers] = key.split('|');
	for (const modifier of modifiers)
		if (!MODIFIERS.has(modifier)) throw new Unsupported(`modifier "${modifier}" (on ${field})`);
	const has = (m: string) => modifiers.includes(m);
	const expression = fieldExpression(field);
	const values = Array.isArray(value) ? value : [value];
	if (values.length === 0) throw new Unsupported(`an empty list of values for ${field}`);
	const parts = values.map(one => valueCondition(expression, field, one, has));
	const joiner = has('all') ? ' AND ' : ' OR ';
	return {
		sql: parts.length === 1 ? parts[0]!.sql : `(${parts.map(p => p.sql).join(joiner)})`,
		params: parts.flatMap(p => p.params),
	};
}

function valueCondition(expression: string, field: string, value: unknown, has: (m: string) => boolean): Fragment {
	if (has('exists')) {
		if (typeof value !== 'boolean') throw new Unsupported(`exists on ${field} takes true or false`);
		return {sql: `(${expression} IS ${value ? 'NOT ' : ''}NULL)`, params: []};
	}
	if (value === null) return {sql: `(${expression} IS NULL)`, params: []};
	if (typeof value === 'object') throw new Unsupported(`a nested value under ${field} (use a dotted field name)`);
	const text = String(value);
	if (has('re')) {
		const flags = ['i', 'm', 's'].filter(has).join('');
		return {sql: `regexp_matches(${expression}, ?)`, params: [flags ? `(?${flags})${text}` : text]};
	}
	if (has('cidr')) return cidr(expression, field, text);
	for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
		if (!has(op)) continue;
		const number = Number(value);
		if (typeof value === 'boolean' || text.trim() === '' || !Number.isFinite(number))
			throw new Unsupported(`${op} on ${field} needs a number, not "${text}"`);
		const sign = {gt: '>', gte: '>=', lt: '<', lte: '<='}[op];
		return {sql: `(TRY_CAST(${expression} AS DOUBLE) ${sign} ?)`, params: [number]};
	}
	if (has('fieldref')) {
		if (has('contains') || has('startswith') || has('endswith'))
			throw new Unsupported(`fieldref with contains, startswith or endswith (on ${field})`);
		const other = fieldExpression(text);
		return {sql: has('cased') ? `(${expression} = ${other})` : `(lower(${expression}) = lower(${other}))`, params: []};
	}
	let pattern = typeof value === 'string' ? value : escapeWildcards(text);
	if (has('contains')) pattern = `*${pattern}*`;
	else if (has('startswith')) pattern = `${pattern}*`;
	else if (has('endswith')) pattern = `*${pattern}`;
	return match(expression, pattern, has('cased'));
}

/** A Sigma value with wildcards -> equality or a LIKE pattern, both bound. */
export function match(expression: string, sigmaValue: string, cased: boolean): Fragment {
	const {like, literal} = likePattern(sigmaValue);
	if (literal !== undefined)
		return cased
			? {sql: `(${expression} = ?)`, params: [literal]}
			: {sql: `(lower(${expression}) = lower(?))`, params: [literal]};
	return {sql: `(${expression} ${cased ? 'LIKE' : 'ILIKE'} ? ESCAPE '\\')`, params: [like]};
}

/**
 * Sigma's wildcards to a LIKE pattern with `\` as its escape: `*` -> `%`, `?` -> `_`, `\*` `\?` `\\` -> the
 * character itself; `%`, `_` and `\` of the text are escaped. `literal` is the plain text when there is no wildcard.
 */
export function likePattern(sigmaValue: string): {like: string; literal?: string} {
	let like = '';
	let literal = '';
	let wild = false;
	for (let i = 0; i < sigmaValue.length; i++) {
		const c = sigmaValue[i]!;
		const after = sigmaValue[i + 1];
		if (c === '\\' && (after === '*' || after === '?' || after === '\\')) {
			like += after === '\\' ? '\\\\' : after;
			literal += after;
			i++;
		} else if (c === '*' || c === '?') {
			like += c === '*' ? '%' : '_';
			wild = true;
		} else {
			like += c === '%' || c === '_' || c === '\\' ? `\\${c}` : c;
			literal += c;
		}
	}
	return wild ? {like} : {like, literal};
}

/** Escapes the wildcards of a value that was not a string (a number or boolean has none, but stay exact). */
function escapeWildcards(text: string): string {
	return text.replace(/[*?\\]/g, '\\$&');
}

/** `field|cidr: a.b.c.d/n`: the address as a number, between the network's first and last, both bound. */
function cidr(expression: string, field: string, network: string): Fragment {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(network.trim());
	if (!match) {
		if (network.includes(':')) throw new Unsupported(`cidr with an IPv6 network (${network}) on ${field}`);
		throw new Unsupported(`cidr value "${network}" on ${field} is not an IPv4 network`);
	}
	const octets = match.slice(1, 5).map(Number);
	const bits = match[5] === undefined ? 32 : Number(match[5]);
	if (octets.some(o => o > 255) || bits > 32) throw new Unsupported(`cidr value "${network}" on ${field}`);
	const address = octets.reduce((n, o) => n * 256 + o, 0);
	const size = 2 ** (32 - bits);
	const first = Math.floor(address / size) * size;
	const number = [1, 2, 3, 4]
		.map(n => `TRY_CAST(split_part(${expression}, '.', ${n}) AS UTINYINT)::UBIGINT * ${256 ** (4 - n)}`)
		.join(' + ');
	const params: SqlParam[] = [first, first + size - 1];
	return {
		sql: `(regexp_full_match(${expression}, '[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}') AND (${number}) BETWEEN ? AND ?)`,
		params,
	};
}
