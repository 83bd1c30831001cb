/**
 * Find (the screen's `/`, `n`, `N`): the next or previous event, in the events table's order, whose raw record
 * contains a text; how many events come before it (its position); which events of a page contain the text.
 *
 * The matching rule, the same here (SQL over the stored raw JSON) and in the record view (its lines): case does not
 * count, and neither does the whitespace JSON allows between tokens. A text is looked for as typed and also with the
 * whitespace outside quoted strings next to `:` `,` `{` `}` `[` `]` removed (read once as starting outside a string
 * and once as starting inside one, since a typed piece of JSON may start anywhere), in the record's minified text
 * (STORED_TEXT), so `"enabled": false` as the record view shows it finds `"enabled":false`, and the other way round;
 * whitespace inside a quoted string counts.
 */
import {filterConditions, whereClause} from './where.js';
import type {FilterState} from './filters.js';
import {PANE_COLUMNS} from './columns.js';
import {keysetCondition, orderBy, type Cursor, type SortColumn} from './paging.js';
import {EVENTS_TABLE, type SqlParam, type SqlQuery} from './sql.js';

const STRUCTURAL = new Set([':', ',', '{', '}', '[', ']']);
const SPACE = /\s/;

/** `text` without the whitespace outside quoted strings next to a JSON structural character. */
export function compactJson(text: string, startInside = false): string {
	const chars = [...text];
	let inside = startInside;
	let out = '';
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		if (inside) {
			out += c;
			if (c === '\\' && i + 1 < chars.length) out += chars[++i]!;
			else if (c === '"') inside = false;
			continue;
		}
		if (c === '"') inside = true;
		if (SPACE.test(c)) {
			let j = i;
			while (j < chars.length && SPACE.test(chars[j]!)) j++;
			const before = out.at(-1);
			const after = chars[j];
			if ((before !== undefined && STRUCTURAL.has(before)) || (after !== undefined && STRUCTURAL.has(after))) {
				i = j - 1;
				continue;
			}
		}
		out += c;
	}
	return out;
}

/** Lower case, one character at a time where a character's lower case would change the text's length. */
export function lowerKeepingLength(text: string): string {
	const lowered = text.toLowerCase();
	if (lowered.length === text.length) return lowered;
	let out = '';
	for (const c of text) {
		const l = c.toLowerCase();
		out += l.length === c.length ? l : c;
	}
	return out;
}

/** The forms of `text` a find looks for (lower case, each once, none empty). */
export function findForms(text: string): string[] {
	const forms = [text, compactJson(text), compactJson(text, true)].map(lowerKeepingLength);
	return [...new Set(forms)].filter(form => form !== '');
}

/**
 * The stored record's text, minified: a CloudTrail file's records are stored minified already; a record read from
 * JSON lines or a pretty-printed object keeps its whitespace (`"a": 1`), and those (their text has `": `, which a
 * minified record has only inside a string) are minified by DuckDB's json() for the comparison. The test is cheap;
 * only such records pay the minify.
 */
const STORED_TEXT = `CASE WHEN contains(CAST(raw AS VARCHAR), '": ') THEN CAST(json(raw) AS VARCHAR) ELSE CAST(raw AS VARCHAR) END`;

/** `text` as an RE2 pattern that matches it literally (every ASCII punctuation character escaped). */
function literal(text: string): string {
	return text.replaceAll(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * The condition "the raw record contains one of the forms of `text`", with its parameter: one case-insensitive RE2
 * pattern, the forms as literal alternatives (`(?i)a|b`), bound, never spliced. One pass over each record's text,
 * about twice as fast as `contains(lower(...), ?)` (which lowers the whole text first) on 100,000 events.
 */
export function matchCondition(text: string): {sql: string; params: SqlParam[]} {
	const forms = findForms(text);
	if (forms.length === 0) throw new RangeError('Nothing to find');
	return {sql: `regexp_matches(${STORED_TEXT}, ?)`, params: [`(?i)${forms.map(literal).join('|')}`]};
}

/** Where a find looks: the table's order and sort column, and the row it starts from. */
export type FindOptions = {
	order: 'desc' | 'asc';
	sort?: SortColumn;
	/** Start here (none: at the top for next, at the bottom for previous). */
	from?: Cursor;
	/** Next: down the table from `from`; previous: up. */
	direction: 'next' | 'previous';
	/** Whether the row at `from` itself may be the match (the first find of a text) or not (n, N). */
	inclusive: boolean;
};

const flip = (order: 'desc' | 'asc'): 'desc' | 'asc' => (order === 'desc' ? 'asc' : 'desc');

/**
 * The first event under the filter after (next) or before (previous) `from` in the table's order whose raw record
 * contains `text`, or when none is, the first from the other end (wrapped around): one row of the table's columns
 * and `ahead` (false: wrapped), or none. One scan: the rows past `from` (a keyset condition) sort first.
 */
export function findQuery(filter: FilterState, text: string, options: FindOptions): SqlQuery {
	const {conditions, params} = filterConditions(filter);
	const match = matchCondition(text);
	conditions.push(match.sql);
	params.push(...match.params);
	const order = options.direction === 'next' ? options.order : flip(options.order);
	let ahead = 'true';
	const aheadParams: SqlParam[] = [];
	if (options.from) {
		const keyset = keysetCondition(options.from, order, options.sort, options.inclusive);
		ahead = `(${keyset.conditions.join(' AND ')})`;
		aheadParams.push(...keyset.params);
	}
	const sql = [
		`SELECT ${PANE_COLUMNS.join(', ')}, ${ahead} AS ahead`,
		`FROM ${EVENTS_TABLE}`,
		whereClause(conditions),
		orderBy(order, options.sort).replace('ORDER BY ', 'ORDER BY ahead DESC, '),
		'LIMIT 1',
	].join(' ');
	return {sql, params: [...aheadParams, ...params]};
}

/**
 * {@link findQuery} limited to the events within `reach` of `from` in the direction looked (no wrapping): DuckDB skips
 * the row groups whose times lie outside (their min/max eventTime), so a match near the cursor is found without
 * reading every record. Ordered by time only (a sort column has no such bound).
 */
export function findNearQuery(
	filter: FilterState,
	text: string,
	options: FindOptions & {from: Cursor; reach: Date},
): SqlQuery {
	if (options.sort) throw new RangeError('A near find is by time only');
	if (Number.isNaN(options.reach.getTime())) throw new RangeError('The reach is an invalid date');
	const {conditions, params} = filterConditions(filter);
	const order = options.direction === 'next' ? options.order : flip(options.order);
	conditions.push(`eventTime ${order === 'desc' ? '>=' : '<='} ?`);
	params.push(options.reach);
	const keyset = keysetCondition(options.from, order, undefined, options.inclusive);
	conditions.push(...keyset.conditions);
	params.push(...keyset.params);
	const match = matchCondition(text);
	conditions.push(match.sql);
	params.push(...match.params);
	const sql = [
		`SELECT ${PANE_COLUMNS.join(', ')}, true AS ahead`,
		`FROM ${EVENTS_TABLE}`,
		whereClause(conditions),
		orderBy(order),
		'LIMIT 1',
	].join(' ');
	return {sql, params};
}

/** The first and last eventTime of the case file, as one row `{first, last}` (from the zone maps: cheap). */
export function spanQuery(): SqlQuery {
	return {sql: `SELECT min(eventTime) AS first, max(eventTime) AS last FROM ${EVENTS_TABLE}`, params: []};
}

/**
 * How many events under the filter come before `row` in the table's order, as one row `{count}`: the row's position
 * (0 for the first). A keyset count: no raw text is read unless the filter has a text chip.
 */
export function positionQuery(filter: FilterState, row: Cursor, order: 'desc' | 'asc', sort?: SortColumn): SqlQuery {
	const {conditions, params} = filterConditions(filter);
	const keyset = keysetCondition(row, flip(order), sort, false);
	conditions.push(...keyset.conditions);
	params.push(...keyset.params);
	return {sql: `SELECT count(*) AS count FROM ${EVENTS_TABLE} ${whereClause(conditions)}`, params};
}

/** Which of these rows (a page) contain `text`: their eventIDs, one a row. */
export function pageMatchesQuery(text: string, rows: readonly Cursor[]): SqlQuery {
	if (rows.length === 0) throw new RangeError('No rows to look in');
	const times = rows.map(r => r.eventTime.getTime());
	if (times.some(Number.isNaN)) throw new RangeError('A row holds an invalid date');
	const match = matchCondition(text);
	const ids = rows.map(() => '?').join(', ');
	return {
		sql: `SELECT eventID FROM ${EVENTS_TABLE} WHERE eventTime >= ? AND eventTime <= ? AND eventID IN (${ids}) AND ${match.sql}`,
		params: [new Date(Math.min(...times)), new Date(Math.max(...times)), ...rows.map(r => r.eventID), ...match.params],
	};
}
