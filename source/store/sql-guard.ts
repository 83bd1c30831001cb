/**
 * The SQL console's guard: only statements that read may run, so typing in the console cannot change evidence even
 * though the screen holds the case file open for writing (to save views and history).
 *
 * The check asks DuckDB, not a regular expression: every statement of the text is extracted and prepared, and its
 * statementType must be SELECT (which DuckDB also reports for WITH ... SELECT, FROM ..., VALUES, DESCRIBE, SHOW,
 * SUMMARIZE and the table-valued PRAGMAs such as table_info) or EXPLAIN of a SELECT. EXPLAIN ANALYZE runs its
 * statement, so the statement it explains is checked as well.
 *
 * Preparing is not always free of effects (preparing EXPORT DATABASE creates its folder), so two things happen
 * before anything is prepared: text holding several statements is refused outright, and the first keyword must be
 * one a read starts with.
 */
import {StatementType, type DuckDBConnection, type DuckDBPreparedStatement} from '@duckdb/node-api';
import {forbiddenCall} from './sql-functions.js';

/** A statement the console will not run, with the reason as the user reads it. */
export class SqlRefused extends Error {
	override name = 'SqlRefused';
}

/** What the console accepts, for messages and the README. */
export const READ_STATEMENTS = 'SELECT, WITH ... SELECT, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, PRAGMA table_info';

const NAMES: Record<number, string> = Object.fromEntries(
	Object.entries(StatementType)
		.filter(([, value]) => typeof value === 'number')
		.map(([name, value]) => [value as number, name.replaceAll('_', ' ')]),
);

/** The name of a DuckDB statement type: 'DELETE', 'COPY', 'ATTACH', ... */
export function statementTypeName(type: number): string {
	return NAMES[type] ?? `type ${type}`;
}

/**
 * Prepares `sql` and returns the prepared statement if it is one statement that only reads; otherwise throws
 * {@link SqlRefused} (not a read, or several statements) or DuckDB's own error (the SQL is invalid). The caller
 * runs or destroys the statement.
 */
export async function prepareReadOnly(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
	if (sql.trim() === '') throw new SqlRefused('nothing to run: type a SELECT');
	const extracted = await extractStatements(connection, sql);
	if (extracted.count === 0) throw new SqlRefused('nothing to run: type a SELECT');
	if (extracted.count > 1) {
		if (firstKeyword(sql) === 'pivot' && !/;\s*\S/.test(stripComments(sql))) {
			throw new SqlRefused(
				`refused: PIVOT without an IN list runs as two statements in DuckDB; list the values, e.g. PIVOT events ON awsRegion IN ('a', 'b') USING count(*)`,
			);
		}
		const words = splitKeywords(sql);
		throw new SqlRefused(
			`refused: ${extracted.count} statements${words ? ` (${words})` : ''}; one statement that reads runs at a time (${READ_STATEMENTS})`,
		);
	}
	const keyword = firstKeyword(sql);
	if (!READ_KEYWORDS.has(keyword)) throw refusalOf(keyword.toUpperCase() || 'this');
	if (keyword === 'pragma' && !isTableInfo(sql)) throw refusalOf('PRAGMA');
	if (keyword === 'explain') checkExplainedKeyword(sql);
	// Before anything is prepared: preparing binds, and binding a table function already runs part of it.
	// PRAGMA table_info('v') binds the view v: it is checked as the table function it amounts to.
	const checked =
		keyword === 'explain'
			? explainedBody(sql)
			: keyword === 'pragma'
				? stripComments(sql).replace(/^\s*pragma\s+table_info\s*/i, 'SELECT * FROM pragma_table_info')
				: sql;
	const forbidden = await forbiddenCall(connection, checked);
	if (forbidden)
		throw new SqlRefused(`refused: ${forbidden}; a read may not change settings, write files or read other files`);
	const statement = await extracted.prepare(0);
	try {
		const type = statement.statementType;
		if (!isRead(type)) throw refusal(type);
		if (type === StatementType.EXPLAIN) await checkExplained(connection, sql);
		return statement;
	} catch (error) {
		statement.destroySync();
		throw error;
	}
}

/** DuckDB's statements of `sql`; a parse error keeps DuckDB's own message (with its LINE and caret lines). */
async function extractStatements(connection: DuckDBConnection, sql: string) {
	try {
		return await connection.extractStatements(sql);
	} catch (error) {
		if (error instanceof Error) error.message = error.message.replace(/^Failed to extract statements: /, '');
		throw error;
	}
}

/** First words a read can start with (DuckDB then confirms the statement type). */
const READ_KEYWORDS = new Set([
	'select',
	'with',
	'from',
	'values',
	'table',
	'explain',
	'describe',
	'desc',
	'show',
	'summarize',
	'pragma',
	'pivot',
	'unpivot',
	'(',
]);

/** The statement's first keyword, lower case, after comments ('(' for a parenthesised query). */
function firstKeyword(sql: string): string {
	const text = stripComments(sql).trimStart();
	if (text.startsWith('(')) return '(';
	return /^[A-Za-z_]+/.exec(text)?.[0]?.toLowerCase() ?? '';
}

/** The first keyword of each `;`-separated piece (a rough split, for the message only). */
function splitKeywords(sql: string): string {
	return sql
		.split(';')
		.map(piece => firstKeyword(piece).toUpperCase())
		.filter(Boolean)
		.join(', ');
}

function refusalOf(what: string): SqlRefused {
	return new SqlRefused(
		`refused: ${what} statement; only statements that read run here (${READ_STATEMENTS}), so the evidence cannot change`,
	);
}

/** PRAGMA table_info('name'): the one PRAGMA that runs (it only lists a table's columns). */
function isTableInfo(sql: string): boolean {
	return /^\s*pragma\s+table_info\s*\(\s*'(?:[^']|'')*'\s*\)\s*;?\s*$/i.test(stripComments(sql));
}

/** EXPLAIN [ANALYZE] of something that does not start like a read is refused before it is prepared. */
function checkExplainedKeyword(sql: string): void {
	const keyword = firstKeyword(explainedBody(sql));
	if (!READ_KEYWORDS.has(keyword) || keyword === 'explain') throw refusalOf(keyword.toUpperCase() || 'this');
}

function explainedBody(sql: string): string {
	return stripComments(sql).replace(/^\s*explain\b\s*(analy[sz]e\b\s*)?(\([^)]*\)\s*)?/i, '');
}

function isRead(type: number): boolean {
	return type === StatementType.SELECT || type === StatementType.EXPLAIN;
}

function refusal(type: number): SqlRefused {
	return new SqlRefused(
		`refused: ${statementTypeName(type)} statement; only statements that read run here (${READ_STATEMENTS}), so the evidence cannot change`,
	);
}

/** EXPLAIN [ANALYZE] [(options)] STATEMENT: the explained statement must read too (ANALYZE executes it). */
async function checkExplained(connection: DuckDBConnection, sql: string): Promise<void> {
	const inner = await extractStatements(connection, explainedBody(sql));
	if (inner.count !== 1) throw new SqlRefused('refused: EXPLAIN of something the console cannot check');
	const statement = await inner.prepare(0);
	const type = statement.statementType;
	statement.destroySync();
	if (type !== StatementType.SELECT) throw refusal(type);
}

/** Leading `-- ...` and `/* ... *\/` comments removed (only those before the first keyword matter here). */
function stripComments(sql: string): string {
	let text = sql;
	for (;;) {
		const next = text.replace(/^\s*(--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)/, '');
		if (next === text) return text;
		text = next;
	}
}
