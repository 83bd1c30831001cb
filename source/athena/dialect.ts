/**
 * A saved view's SQL (DuckDB, over the case file's `events`) rewritten for Athena (Trino) over the CloudTrail
 * records table that `clicktrail athena plan|run` creates. Pure.
 *
 * The case file's columns are defined once, in a WITH clause named `events`, from each record's JSON the way the
 * loader derives them (so `raw` and text searches mean the same), for the IoT 1-Click events only, as in the case
 * file. Then the view's own SQL follows, with DuckDB's spellings turned into Trino's: TIMESTAMPTZ literals,
 * `->>`/`->`, json_extract_string, regexp_matches, contains() on text, CAST(json AS VARCHAR). What has no
 * one-to-one Trino form (ILIKE, GROUP BY ALL, ::, EXCLUDE, ...) is listed in a comment above the statement.
 */
import {IOT1CLICK_SOURCE} from '../events/columns.js';
import {DEFAULT_DATABASE, literal, RECORDS_TABLE} from './plan.js';

/** The DuckDB spellings left as they are, which Trino does not accept. */
const UNPORTED: ReadonlyArray<[RegExp, string]> = [
	[/\bILIKE\b/i, 'ILIKE (use lower(a) LIKE lower(b))'],
	[/\bGROUP\s+BY\s+ALL\b/i, 'GROUP BY ALL (list the columns)'],
	[/::/, ':: casts (use CAST(x AS type))'],
	[/\bEXCLUDE\s*\(/i, 'SELECT * EXCLUDE (list the columns)'],
	[/\bQUALIFY\b/i, 'QUALIFY (use a subquery)'],
];

const JSON_COLUMNS = ['raw', 'userIdentity', 'requestParameters', 'responseElements'];

/** The events columns, from the record's JSON, as the loader derives them. */
function eventsColumns(): string[] {
	const s = (path: string): string => `json_extract_scalar(record, ${literal(path)})`;
	const u = (field: string): string => s(`$.userIdentity.${field}`);
	const text = (name: string): string => `${s(`$.${name}`)} AS ${name}`;
	const nonEmpty = (sql: string): string => `nullif(${sql}, '')`;
	const principal = `coalesce(nullif(CASE ${u('type')}
      WHEN 'IAMUser' THEN ${u('arn')} WHEN 'Root' THEN ${u('arn')} WHEN 'FederatedUser' THEN ${u('arn')}
      WHEN 'Role' THEN ${u('arn')} WHEN 'AssumedRole' THEN ${u('arn')}
      WHEN 'AWSService' THEN ${u('invokedBy')}
      WHEN 'AWSAccount' THEN ${u('accountId')}
      WHEN 'IdentityCenterUser' THEN ${u('onBehalfOf.userId')}
      WHEN 'SAMLUser' THEN ${u('userName')} || coalesce(' (' || ${u('identityProvider')} || ')', '')
      WHEN 'WebIdentityUser' THEN ${u('userName')} || coalesce(' (' || ${u('identityProvider')} || ')', '')
    END, ''), ${['principalId', 'userName', 'arn', 'invokedBy', 'accountId'].map(f => nonEmpty(u(f))).join(', ')}, 'unknown')`;
	return [
		text('eventID'),
		`from_iso8601_timestamp(${s('$.eventTime')}) AS eventTime`,
		...['eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage'].map(text),
		`CAST(${s('$.readOnly')} AS BOOLEAN) AS readOnly`,
		...['requestID', 'eventType', 'eventVersion', 'recipientAccountId'].map(text),
		...['userIdentity', 'requestParameters', 'responseElements'].map(
			name => `json_extract(record, ${literal(`$.${name}`)}) AS ${name}`,
		),
		`${principal} AS principal`,
		`${u('type')} AS principalType`,
		`coalesce(${u('accountId')}, ${s('$.recipientAccountId')}) AS accountId`,
		`${u('accessKeyId')} AS accessKeyId`,
		...['deviceId', 'projectName', 'placementName'].map(name => `${s(`$.requestParameters.${name}`)} AS ${name}`),
		'json_parse(record) AS raw',
		'"$path" AS sourceFile',
		'account',
		'region',
		'"timestamp"',
	];
}

/** The WITH clause that defines `events` over the records table of `database`. */
export function eventsCte(database = DEFAULT_DATABASE): string {
	return [
		'events AS (',
		'  SELECT',
		eventsColumns()
			.map(column => `    ${column}`)
			.join(',\n'),
		`  FROM "${database}"."${RECORDS_TABLE}"`,
		`  WHERE json_extract_scalar(record, '$.eventSource') = ${literal(IOT1CLICK_SOURCE)}`,
		'  -- Add account, region and "timestamp" (yyyy/MM/dd) predicates here to limit the data Athena scans.',
		')',
	].join('\n');
}

/** The view's SQL for Athena: a header comment, `WITH events AS (...)`, and the rewritten statement. */
export function athenaSql(viewSql: string, options: {name: string; database?: string}): string {
	const statement = rewrite(viewSql.trim().replace(/;\s*$/, ''));
	const notes = UNPORTED.filter(([pattern]) => pattern.test(stripLiterals(statement).text)).map(([, note]) => note);
	const header = [
		`-- clicktrail view ${JSON.stringify(options.name)} for Athena (Trino), over ${options.database ?? DEFAULT_DATABASE}.${RECORDS_TABLE}`,
		'-- (created by clicktrail athena plan|run): events are the IoT 1-Click records, columns as in the case file.',
		...(notes.length > 0 ? [`-- Not rewritten, change by hand: ${notes.join('; ')}`] : []),
	];
	const cte = eventsCte(options.database);
	const withMatch = /^WITH\s+(RECURSIVE\s+)?/i.exec(statement);
	const body = withMatch
		? `WITH ${withMatch[1] ?? ''}${cte},\n${statement.slice(withMatch[0].length)}`
		: `WITH ${cte}\n${statement}`;
	return `${header.join('\n')}\n${body};\n`;
}

/** String literals replaced by placeholders (\u0000N\u0000), so that rewrites never touch a literal's text. */
function stripLiterals(sql: string): {text: string; literals: string[]} {
	const literals: string[] = [];
	const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*/g, match => {
		literals.push(match);
		return `\u0000${literals.length - 1}\u0000`;
	});
	return {text, literals};
}

const PLACEHOLDER = '\u0000(\\d+)\u0000';

/** DuckDB spellings -> Trino spellings, outside literals. */
export function rewrite(sql: string): string {
	const {text, literals} = stripLiterals(sql);
	const lit = (index: string): string => literals[Number(index)]!;
	const jsonPath = (index: string): string => {
		const value = lit(index);
		if (!value.startsWith("'")) return value;
		const path = value.slice(1, -1);
		return path.startsWith('$') ? value : `'$.${path}'`;
	};
	let out = text
		// TIMESTAMPTZ '2024-12-03 23:38:05+00' -> TIMESTAMP '2024-12-03 23:38:05 UTC'
		.replace(new RegExp(`\\bTIMESTAMPTZ\\s+${PLACEHOLDER}`, 'gi'), (_, i: string) => {
			const value = lit(i)
				.slice(1, -1)
				.replace(/\+00(?::00)?$/, ' UTC');
			return `TIMESTAMP ${literal(value)}`;
		})
		// col ->> 'path' / col -> 'path'
		.replace(
			new RegExp(`([\\w.]+|"(?:[^"]|"")*")\\s*->>\\s*${PLACEHOLDER}`, 'g'),
			(_, target: string, i: string) => `json_extract_scalar(${target}, ${jsonPath(i)})`,
		)
		.replace(
			new RegExp(`([\\w.]+|"(?:[^"]|"")*")\\s*->\\s*${PLACEHOLDER}`, 'g'),
			(_, target: string, i: string) => `json_extract(${target}, ${jsonPath(i)})`,
		)
		.replace(/\bjson_extract_string\s*\(/gi, 'json_extract_scalar(')
		.replace(/\bregexp_matches\s*\(/gi, 'regexp_like(')
		.replace(
			new RegExp(`\\bCAST\\s*\\(\\s*(${JSON_COLUMNS.join('|')})\\s+AS\\s+(?:VARCHAR|TEXT|STRING)\\s*\\)`, 'gi'),
			(_, column: string) => `json_format(${column})`,
		);
	out = rewriteCalls(out, 'contains', args => (args.length === 2 ? `(strpos(${args[0]}, ${args[1]}) > 0)` : undefined));
	return out.replace(new RegExp(PLACEHOLDER, 'g'), (_, i: string) => lit(i));
}

/** Each call `name(a, b, ...)` replaced by `build(args)` (kept when it returns undefined); literals are placeholders. */
function rewriteCalls(text: string, name: string, build: (args: string[]) => string | undefined): string {
	const pattern = new RegExp(`\\b${name}\\s*\\(`, 'gi');
	let out = '';
	let from = 0;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		let depth = 1;
		let index = match.index + match[0].length;
		const args: string[] = [];
		let start = index;
		for (; index < text.length && depth > 0; index++) {
			const char = text[index];
			if (char === '(') depth++;
			else if (char === ')') depth--;
			if ((char === ',' && depth === 1) || depth === 0) {
				args.push(text.slice(start, index).trim());
				start = index + 1;
			}
		}
		if (depth !== 0) break;
		const built = build(args.map(arg => rewriteCalls(arg, name, build)));
		if (built === undefined) continue;
		out += text.slice(from, match.index) + built;
		from = index;
		pattern.lastIndex = index;
	}
	return out + text.slice(from);
}
