/**
 * Tab completion in the SQL console: table names, column names and JSON paths of the events table. Pure: the
 * names come in a {@link CompletionSource} read once from the case file.
 */

/** What can be completed: tables with their columns, and JSON paths seen in a sample of events' raw records. */
export type CompletionSource = {
	tables: ReadonlyArray<{name: string; columns: readonly string[]}>;
	/** Paths such as `$.userIdentity.arn`, from a bounded sample. */
	jsonPaths: readonly string[];
};

/** An empty source (before it has loaded). */
export const NO_COMPLETIONS: CompletionSource = {tables: [], jsonPaths: []};

/** The word being completed: where it starts in the text, the prefix typed, and whether it is a JSON path. */
export type CompletionTarget = {start: number; prefix: string; kind: 'json' | 'name'};

/**
 * The word before the cursor. Inside a string literal opened with `'$`, a JSON path (`raw->'$.userIdentity.`);
 * otherwise an identifier (letters, digits, _ and a dot for table.column).
 */
export function targetAt(text: string, cursor: number): CompletionTarget | undefined {
	const before = text.slice(0, cursor);
	const json = /'(\$[^']*)$/.exec(before);
	if (json) return {start: cursor - json[1]!.length, prefix: json[1]!, kind: 'json'};
	const word = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(before);
	if (!word) return undefined;
	return {start: cursor - word[0].length, prefix: word[0], kind: 'name'};
}

/** Candidates for a target, sorted, without duplicates; names match case-insensitively. */
export function candidates(source: CompletionSource, target: CompletionTarget): string[] {
	const out = new Set<string>();
	if (target.kind === 'json') {
		// Complete one segment at a time: $.userIdentity. offers $.userIdentity.arn, $.userIdentity.sessionContext, ...
		for (const path of source.jsonPaths) {
			if (!path.startsWith(target.prefix)) continue;
			const rest = path.slice(target.prefix.length);
			const cut = rest.search(/[.[]/);
			out.add(target.prefix + (cut <= 0 ? rest : rest.slice(0, cut)));
		}
	} else {
		const dot = target.prefix.lastIndexOf('.');
		const lower = target.prefix.toLowerCase();
		if (dot > 0) {
			const table = target.prefix.slice(0, dot).toLowerCase();
			const prefix = lower.slice(dot + 1);
			for (const t of source.tables) {
				if (t.name.toLowerCase() !== table) continue;
				for (const c of t.columns)
					if (c.toLowerCase().startsWith(prefix)) out.add(`${target.prefix.slice(0, dot + 1)}${c}`);
			}
		} else {
			for (const t of source.tables) {
				if (t.name.toLowerCase().startsWith(lower)) out.add(t.name);
				for (const c of t.columns) if (c.toLowerCase().startsWith(lower)) out.add(c);
			}
		}
	}
	out.delete(target.prefix);
	return [...out].sort((a, b) => a.localeCompare(b));
}

/** The longest prefix the strings share (case-sensitive). */
export function commonPrefix(values: readonly string[]): string {
	if (values.length === 0) return '';
	let prefix = values[0]!;
	for (const value of values) while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/** Result of {@link complete}: the new text and cursor, and the choices when more than one remains. */
export type Completion = {text: string; cursor: number; choices: string[]};

/**
 * Completes the word before the cursor: one candidate replaces it; several extend it to their common prefix and
 * are listed; none leaves the text as it is.
 */
export function complete(source: CompletionSource, text: string, cursor: number): Completion {
	const target = targetAt(text, cursor);
	if (!target) return {text, cursor, choices: []};
	const found = candidates(source, target);
	if (found.length === 0) return {text, cursor, choices: []};
	const common = found.length === 1 ? found[0]! : commonPrefix(found);
	const replacement = common.length > target.prefix.length || found.length === 1 ? common : target.prefix;
	const next = text.slice(0, target.start) + replacement + text.slice(cursor);
	return {text: next, cursor: target.start + replacement.length, choices: found.length === 1 ? [] : found};
}

/**
 * JSON paths of sample values (parsed JSON), breadth first, at most `depth` keys deep and `limit` paths in all.
 * Arrays contribute `[0]`-style paths of their first element only.
 */
export function jsonPaths(samples: readonly unknown[], options: {depth?: number; limit?: number} = {}): string[] {
	const depth = options.depth ?? 4;
	const limit = options.limit ?? 2000;
	const seen = new Set<string>();
	const walk = (value: unknown, path: string, level: number) => {
		if (seen.size >= limit || level >= depth || value === null || typeof value !== 'object') return;
		if (Array.isArray(value)) {
			if (value.length > 0) {
				seen.add(`${path}[0]`);
				walk(value[0], `${path}[0]`, level + 1);
			}
			return;
		}
		for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
			if (seen.size >= limit) return;
			const child = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}."${key.replaceAll('"', '\\"')}"`;
			seen.add(child);
			walk(item, child, level + 1);
		}
	};
	for (const sample of samples) walk(sample, '$', 0);
	return [...seen].sort();
}
