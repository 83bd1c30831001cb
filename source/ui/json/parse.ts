/**
 * A JSON parser for the record view with the loader's rule for duplicate keys: the FIRST of an object's duplicate
 * keys wins, as DuckDB's JSON functions read it (JSON.parse keeps the last), so the record view shows the event the
 * events row holds. It is iterative (no recursion), so a record nested 70,000 levels parses without exhausting the
 * stack. Objects have no prototype, so a key such as `__proto__` is an ordinary key.
 */

/** Per object, the keys that appeared more than once, with how many times. */
export type DuplicateKeys = WeakMap<object, ReadonlyMap<string, number>>;

/** A parsed record. */
export type ParsedJson = {
	value: unknown;
	/** Duplicated keys by object (only objects that have some). */
	duplicates: DuplicateKeys;
	/** Keys that were dropped because an earlier one had the same name. */
	droppedKeys: number;
};

type Frame =
	| {kind: 'object'; target: Record<string, unknown>; key: string; counts?: Map<string, number>}
	| {kind: 'array'; target: unknown[]};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};

/** Parse `text` as JSON, first duplicate key wins. Throws a SyntaxError naming the offset on invalid JSON. */
export function parseFirstWins(text: string): ParsedJson {
	let pos = 0;
	const duplicates: DuplicateKeys = new WeakMap();
	let droppedKeys = 0;
	const fail = (what: string): never => {
		throw new SyntaxError(`${what} at offset ${pos} of the JSON`);
	};

	const skipSpace = (): void => {
		for (;;) {
			const c = text.charCodeAt(pos);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
			else return;
		}
	};

	const readString = (): string => {
		if (text[pos] !== '"') fail('expected a string');
		pos++;
		let out = '';
		let start = pos;
		for (;;) {
			const c = text.charCodeAt(pos);
			if (Number.isNaN(c)) fail('unterminated string');
			if (c === 0x22) {
				out += text.slice(start, pos);
				pos++;
				return out;
			}

			if (c < 0x20) fail('control character in a string');
			if (c === 0x5c) {
				out += text.slice(start, pos);
				const escape = text[pos + 1] ?? '';
				if (escape === 'u') {
					const hex = text.slice(pos + 2, pos + 6);
					if (!/^[\da-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
					out += String.fromCharCode(Number.parseInt(hex, 16));
					pos += 6;
				} else {
					const char = ESCAPES[escape];
					if (char === undefined) fail('bad escape');
					out += char;
					pos += 2;
				}

				start = pos;
				continue;
			}

			pos++;
		}
	};

	const readKey = (): string => {
		skipSpace();
		const key = readString();
		skipSpace();
		if (text[pos] !== ':') fail('expected ":"');
		pos++;
		return key;
	};

	const readScalar = (): unknown => {
		const c = text[pos];
		if (c === '"') return readString();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (text.startsWith(word, pos)) {
				pos += word.length;
				return value;
			}
		}

		NUMBER.lastIndex = pos;
		const match = NUMBER.exec(text);
		if (!match) fail(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
		pos += match![0].length;
		return Number(match![0]);
	};

	const stack: Frame[] = [];
	for (;;) {
		// A value starts here: a container opens (and its first member is read next), or a scalar is complete.
		skipSpace();
		let value: unknown;
		const c = text[pos];
		if (c === '{' || c === '[') {
			pos++;
			skipSpace();
			const object = c === '{';
			if (text[pos] === (object ? '}' : ']')) {
				pos++;
				value = object ? (Object.create(null) as Record<string, unknown>) : [];
			} else {
				stack.push(
					object
						? {kind: 'object', target: Object.create(null) as Record<string, unknown>, key: readKey()}
						: {kind: 'array', target: []},
				);
				continue;
			}
		} else {
			value = readScalar();
		}

		// Put the value in its container; close every container that ends here.
		for (;;) {
			const frame = stack.at(-1);
			if (frame === undefined) {
				skipSpace();
				if (pos !== text.length) fail('unexpected text after the JSON');
				return {value, duplicates, droppedKeys};
			}

			if (frame.kind === 'array') {
				frame.target.push(value);
			} else if (Object.hasOwn(frame.target, frame.key)) {
				frame.counts ??= new Map();
				frame.counts.set(frame.key, (frame.counts.get(frame.key) ?? 1) + 1);
				droppedKeys++;
			} else {
				frame.target[frame.key] = value;
			}

			skipSpace();
			const next = text[pos];
			if (next === ',') {
				pos++;
				if (frame.kind === 'object') frame.key = readKey();
				break;
			}

			if (next !== (frame.kind === 'object' ? '}' : ']'))
				fail(`expected "," or "${frame.kind === 'object' ? '}' : ']'}"`);
			pos++;
			stack.pop();
			if (frame.kind === 'object' && frame.counts) duplicates.set(frame.target, frame.counts);
			value = frame.target;
		}
	}
}
