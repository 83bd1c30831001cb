/**
 * Sigma conditions: `selection and not filter`, `1 of selection*`, `all of them`, `any of x_*`, parentheses, with
 * not binding tighter than and, and than or. The aggregation pipe of Sigma v1 (`| count() > 5`) is not supported:
 * correlation rules say the same.
 */
import {Unsupported} from './types.js';

/** A parsed condition. */
export type Condition =
	| {kind: 'ref'; name: string}
	| {kind: 'not'; operand: Condition}
	| {kind: 'and' | 'or'; operands: Condition[]}
	| {kind: 'quantifier'; all: boolean; pattern: string};

/** Parses a condition; throws {@link Unsupported} with the reason when it cannot. */
export function parseCondition(text: string): Condition {
	if (text.includes('|')) throw new Unsupported('an aggregation in the condition ("|"): write a correlation rule');
	const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
	let position = 0;
	const peek = () => tokens[position]?.toLowerCase();
	const next = () => tokens[position++];

	const parseOr = (): Condition => {
		const operands = [parseAnd()];
		while (peek() === 'or') {
			next();
			operands.push(parseAnd());
		}
		return operands.length === 1 ? operands[0]! : {kind: 'or', operands};
	};
	const parseAnd = (): Condition => {
		const operands = [parseUnary()];
		while (peek() === 'and') {
			next();
			operands.push(parseUnary());
		}
		return operands.length === 1 ? operands[0]! : {kind: 'and', operands};
	};
	const parseUnary = (): Condition => {
		if (peek() === 'not') {
			next();
			return {kind: 'not', operand: parseUnary()};
		}
		return parsePrimary();
	};
	const parsePrimary = (): Condition => {
		const token = next();
		if (token === undefined) throw new Unsupported(`condition "${text}" ends too early`);
		if (token === '(') {
			const inner = parseOr();
			if (next() !== ')') throw new Unsupported(`condition "${text}" has an unclosed parenthesis`);
			return inner;
		}
		const lower = token.toLowerCase();
		if ((lower === '1' || lower === 'any' || lower === 'all') && peek() === 'of') {
			next();
			const pattern = next();
			if (pattern === undefined || pattern === '(' || pattern === ')')
				throw new Unsupported(`condition "${text}": "${token} of" needs a name pattern or "them"`);
			return {kind: 'quantifier', all: lower === 'all', pattern};
		}
		if (/^\d+$/.test(lower) && peek() === 'of')
			throw new Unsupported(`"${token} of" in the condition (only "1 of", "any of" and "all of")`);
		if (['and', 'or', 'not', ')', 'of'].includes(lower))
			throw new Unsupported(`condition "${text}": unexpected "${token}"`);
		return {kind: 'ref', name: token};
	};

	const condition = parseOr();
	if (position < tokens.length) throw new Unsupported(`condition "${text}": unexpected "${tokens[position]}"`);
	return condition;
}

/**
 * The search identifiers a quantifier's pattern names: `them` is every identifier except those starting with `_`;
 * `*` in a pattern matches any characters.
 */
export function namesMatching(pattern: string, names: readonly string[]): string[] {
	if (pattern.toLowerCase() === 'them') return names.filter(name => !name.startsWith('_'));
	const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
	return names.filter(name => regex.test(name));
}

function escapeRegex(text: string): string {
	return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
