/**
 * The second half of the guard on user SQL: which functions a read may call, by list.
 *
 * A statement whose type is SELECT can still change things through the functions it calls: in DuckDB 1.5,
 * `SELECT * FROM enable_profiling(save_location=...)` made every later query overwrite a file, and
 * `enable_logging(storage='file', ...)` writes anywhere (or, with file access off, breaks the connection: every
 * later statement fails with "Failed to query"). So the statement's parse tree (DuckDB's own `json_serialize_sql`)
 * is walked and every function it names is checked:
 * - table functions (FROM f(...)) must be in {@link TABLE_FUNCTIONS}: generators, unnesting and catalog listings;
 *   no reader of files (read_json, read_text, glob, parquet_*, ...), no settings (enable_*, checkpoint, ...), and no
 *   function that runs SQL given as text (query, query_table, json_execute_serialized_sql);
 * - other functions must be DuckDB built-ins (`duckdb_functions()` with `internal`) without side effects, or one of
 *   {@link VOLATILE_ALLOWED}; a macro defined in the case file is not a built-in, so it is refused: a case file
 *   someone hands you is untrusted;
 * - a view defined in the case file is read through, and its SQL is checked the same way (a view whose SQL cannot
 *   be parsed back is refused).
 */
import type {DuckDBConnection} from '@duckdb/node-api';

/** Table functions a read may call. */
export const TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
	'range',
	'generate_series',
	'unnest',
	'repeat',
	'json_each',
	'json_tree',
	'pragma_table_info',
	'pragma_version',
	'pragma_platform',
	'pragma_database_size',
	'pg_timezone_names',
	'icu_calendar_names',
	'duckdb_columns',
	'duckdb_constraints',
	'duckdb_databases',
	'duckdb_functions',
	'duckdb_indexes',
	'duckdb_keywords',
	'duckdb_schemas',
	'duckdb_tables',
	'duckdb_types',
	'duckdb_views',
]);

/** Built-ins DuckDB marks as having side effects that only produce values (random numbers, ids, errors). */
const VOLATILE_ALLOWED: ReadonlySet<string> = new Set([
	'random',
	'uuid',
	'uuidv4',
	'uuidv7',
	'gen_random_uuid',
	'error',
	'current_query',
	'current_query_id',
	'current_connection_id',
	'current_transaction_id',
]);

/** Window functions and unnest in a select list (not listed by duckdb_functions() as scalars). */
const SPECIAL_FUNCTIONS: ReadonlySet<string> = new Set([
	'unnest',
	'unlist',
	'row_number',
	'rank',
	'dense_rank',
	'rank_dense',
	'percent_rank',
	'cume_dist',
	'ntile',
	'lag',
	'lead',
	'first_value',
	'last_value',
	'nth_value',
	'fill',
]);

/** A function found in a statement: its name and whether it is called as a table. */
type Call = {name: string; table: boolean};

/** What a parse tree names: its function calls and the tables (or views) it reads. */
type Names = {calls: Call[]; tables: string[]};

/** The name of the first function a read may not call, with why; undefined when every call is allowed. */
export async function forbiddenCall(connection: DuckDBConnection, sql: string): Promise<string | undefined> {
	const builtins = await builtinFunctions(connection);
	// A function the case file defines (a macro) may carry a built-in's name and shadow it: such names are refused.
	const defined = await definedFunctions(connection);
	const seen = new Set<string>();
	const queue = [sql];
	for (let checked = 0; queue.length > 0; checked++) {
		if (checked > 64) return 'views nested deeper than 64 levels';
		const text = queue.shift()!;
		const names = await namesIn(connection, text);
		if (typeof names === 'string') return names;
		for (const call of names.calls) {
			const name = call.name.toLowerCase();
			if (defined.has(name)) return `the function ${call.name}() (defined in the case file, not a built-in)`;
			if (call.table) {
				if (!TABLE_FUNCTIONS.has(name))
					return `the table function ${call.name}() (a read may call only ${[...TABLE_FUNCTIONS].join(', ')})`;
			} else if (!builtins.has(name) && !SPECIAL_FUNCTIONS.has(name) && !VOLATILE_ALLOWED.has(name)) {
				return `the function ${call.name}() (not a built-in function without side effects)`;
			}
		}
		for (const view of await viewsNamed(connection, names.tables, text)) {
			if (seen.has(view.name)) continue;
			seen.add(view.name);
			queue.push(view.sql);
		}
	}
	return undefined;
}

/** The functions and tables a statement names, or why it cannot be checked. */
async function namesIn(connection: DuckDBConnection, sql: string): Promise<Names | string> {
	const reader = await connection.runAndReadAll(
		'SELECT CAST(system.main.json_serialize_sql(CAST(? AS VARCHAR)) AS VARCHAR) AS tree',
		[sql],
	);
	const tree = JSON.parse(String(reader.getRowsJS()[0]?.[0] ?? '{}')) as {error?: boolean; error_message?: string};
	if (tree.error) return `a statement that cannot be checked (${tree.error_message ?? 'unknown'})`;
	const names: Names = {calls: [], tables: []};
	walk(tree, false, names);
	return names;
}

function walk(node: unknown, inTableFunction: boolean, names: Names): void {
	if (Array.isArray(node)) {
		for (const item of node) walk(item, false, names);
		return;
	}
	if (node === null || typeof node !== 'object') return;
	const object = node as Record<string, unknown>;
	if (typeof object['function_name'] === 'string') {
		// The parser names some built-ins main.f (list_value, row, date_part); any other qualified name is refused as
		// written (it never matches a built-in's name).
		const schema =
			typeof object['schema'] === 'string' && object['schema'] !== '' && object['schema'] !== 'main'
				? `${object['schema']}.`
				: '';
		const catalog = typeof object['catalog'] === 'string' && object['catalog'] !== '' ? `${object['catalog']}.` : '';
		names.calls.push({name: `${catalog}${schema}${object['function_name']}`, table: inTableFunction});
	}
	if (object['type'] === 'BASE_TABLE' && typeof object['table_name'] === 'string')
		names.tables.push(object['table_name']);
	for (const [key, value] of Object.entries(object)) {
		walk(value, key === 'function' && object['type'] === 'TABLE_FUNCTION', names);
	}
}

/**
 * Views of the case file (not DuckDB's own) among `tables`, or named anywhere in `text` (the statement as typed:
 * `PRAGMA table_info('v')`, `DESCRIBE v` and `pragma_table_info('v')` bind a view's SQL without naming it as a table),
 * with their SQL.
 */
async function viewsNamed(
	connection: DuckDBConnection,
	tables: string[],
	text: string,
): Promise<{name: string; sql: string}[]> {
	const wanted = new Set(tables.map(name => name.toLowerCase()));
	const lower = text.toLowerCase();
	return (await caseViews(connection)).filter(
		view => wanted.has(view.name.toLowerCase()) || mentions(lower, view.name.toLowerCase()),
	);
}

/** Whether `text` holds `name` as a whole word (not inside a longer identifier). */
function mentions(text: string, name: string): boolean {
	for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
		const before = text[at - 1] ?? ' ';
		const after = text[at + name.length] ?? ' ';
		if (!/[\w$]/.test(before) && !/[\w$]/.test(after)) return true;
	}
	return false;
}

/**
 * The SELECT of a view's `CREATE VIEW name [(columns)] AS ...` as duckdb_views() gives it. The name and the column
 * list may be quoted identifiers holding anything, ` AS ` and `--` included, so they are skipped by reading quotes,
 * not by searching for the first ` AS `. Undefined when the text is not in that shape (the view is then refused).
 */
export function viewBody(sql: string): string | undefined {
	const head = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?/i.exec(sql);
	if (!head) return undefined;
	let i = head[0].length;
	const space = () => {
		while (i < sql.length && /\s/.test(sql[i]!)) i++;
	};
	const quoted = (): boolean => {
		if (sql[i] !== '"') return false;
		for (i++; i < sql.length; i++) {
			if (sql[i] === '"') {
				if (sql[i + 1] === '"') i++;
				else {
					i++;
					return true;
				}
			}
		}
		return false;
	};
	// The (possibly qualified) name: parts quoted or bare, joined by dots.
	for (;;) {
		if (sql[i] === '"') {
			if (!quoted()) return undefined;
		} else {
			const bare = /^[A-Za-z_][\w$]*/.exec(sql.slice(i));
			if (!bare) return undefined;
			i += bare[0].length;
		}
		if (sql[i] !== '.') break;
		i++;
	}
	space();
	if (sql[i] === '(') {
		// The column list: identifiers, quoted or bare, and commas.
		for (i++; i < sql.length && sql[i] !== ')';) {
			if (sql[i] === '"') {
				if (!quoted()) return undefined;
			} else if (/[\w$,\s]/.test(sql[i]!)) i++;
			else return undefined;
		}
		if (sql[i] !== ')') return undefined;
		i++;
		space();
	}
	const as = /^AS\b/i.exec(sql.slice(i));
	if (!as) return undefined;
	return sql.slice(i + as[0].length);
}

/**
 * Per connection, what the case file defines: its views (with their SQL) and its functions (macros). User SQL cannot
 * change them (CREATE and DROP are refused), and the screen opens new connections after it saves, so they are read
 * once per connection (each read of DuckDB's catalog functions costs 30-150 ms here).
 */
const definitions = new WeakMap<
	DuckDBConnection,
	Promise<{views: {name: string; sql: string}[]; functions: Set<string>}>
>();

function caseDefinitions(connection: DuckDBConnection) {
	let known = definitions.get(connection);
	if (!known) {
		known = (async () => {
			const views = (await connection.runAndReadAll(`SELECT view_name, sql FROM duckdb_views() WHERE NOT internal`))
				.getRowsJS()
				.map(row => ({name: String(row[0]), sql: viewBody(String(row[1])) ?? UNCHECKABLE_VIEW}));
			// No function is called by name here: the case file may define one that shadows it.
			const functions = new Set(
				(await connection.runAndReadAll(`SELECT function_name FROM duckdb_functions() WHERE NOT internal`))
					.getRowsJS()
					.map(row => String(row[0]).toLowerCase()),
			);
			return {views, functions};
		})();
		known.catch(() => definitions.delete(connection));
		definitions.set(connection, known);
	}
	return known;
}

async function caseViews(connection: DuckDBConnection): Promise<{name: string; sql: string}[]> {
	return (await caseDefinitions(connection)).views;
}

/** Names of the functions (macros) the case file defines. */
async function definedFunctions(connection: DuckDBConnection): Promise<Set<string>> {
	return (await caseDefinitions(connection)).functions;
}

let cached: Promise<Set<string>> | undefined;

/** Stands for a view whose SQL is not in the shape {@link viewBody} reads: json_serialize_sql refuses it. */
const UNCHECKABLE_VIEW = 'a view whose definition clicktrail cannot read';

/** Names of DuckDB's built-in scalar, aggregate and macro functions without side effects (the same in every instance). */
function builtinFunctions(connection: DuckDBConnection): Promise<Set<string>> {
	cached ??= connection
		.runAndReadAll(
			`SELECT function_name FROM duckdb_functions()
			 WHERE internal AND function_type IN ('scalar', 'aggregate', 'macro') AND (has_side_effects IS NULL OR NOT has_side_effects)`,
		)
		.then(reader => new Set(reader.getRowsJS().map(row => String(row[0]).toLowerCase())))
		.catch((error: unknown) => {
			cached = undefined;
			throw error;
		});
	return cached;
}
