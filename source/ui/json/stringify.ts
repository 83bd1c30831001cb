/**
 * JSON.stringify(value, null, indent) without recursion, so a value nested 70,000 levels can be copied. Objects are
 * written with their own enumerable keys in order; undefined and functions are written as null.
 */
type Work = {kind: 'value'; value: unknown; depth: number; key?: string; comma: boolean} | {kind: 'text'; text: string};

/** Pretty-printing stops at this depth: the indentation of a deeper value grows as the square of its depth. */
export const PRETTY_DEPTH = 100;

/**
 * The value as JSON text, pretty-printed with `indent` (a string of spaces; '' for one line). A value nested deeper
 * than {@link PRETTY_DEPTH} levels is written on one line whatever the indent.
 */
export function stringifyJson(value: unknown, indent = '  '): string {
	return write(value, indent) ?? write(value, '')!;
}

/** The JSON text, or undefined when indenting and the value is deeper than PRETTY_DEPTH. */
function write(value: unknown, indent: string): string | undefined {
	const out: string[] = [];
	const newline = indent === '' ? '' : '\n';
	const colon = indent === '' ? ':' : ': ';
	const work: Work[] = [{kind: 'value', value, depth: 0, comma: false}];
	for (let item = work.pop(); item !== undefined; item = work.pop()) {
		if (item.kind === 'text') {
			out.push(item.text);
			continue;
		}

		const {value: current, depth, key, comma} = item;
		if (indent !== '' && depth > PRETTY_DEPTH) return undefined;
		const pad = indent.repeat(depth);
		const head = `${pad}${key === undefined ? '' : JSON.stringify(key) + colon}`;
		const tail = comma ? ',' : '';
		if (current !== null && typeof current === 'object' && !(current instanceof Date)) {
			const array = Array.isArray(current);
			const entries: Array<[string | undefined, unknown]> = array
				? (current as unknown[]).map(v => [undefined, v])
				: Object.keys(current).map(k => [k, (current as Record<string, unknown>)[k]]);
			const [open, close] = array ? ['[', ']'] : ['{', '}'];
			if (entries.length === 0) {
				out.push(`${head}${open}${close}${tail}${newline}`);
				continue;
			}

			out.push(`${head}${open}${newline}`);
			work.push({kind: 'text', text: `${pad}${close}${tail}${newline}`});
			for (let i = entries.length - 1; i >= 0; i--) {
				const [k, v] = entries[i]!;
				work.push({
					kind: 'value',
					value: v,
					depth: depth + 1,
					...(k === undefined ? {} : {key: k}),
					comma: i < entries.length - 1,
				});
			}

			continue;
		}

		out.push(`${head}${scalarJson(current)}${tail}${newline}`);
	}

	return out.join('').replace(/\n$/, '');
}

function scalarJson(value: unknown): string {
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (typeof value === 'bigint') return String(value);
	return JSON.stringify(value) ?? 'null';
}
