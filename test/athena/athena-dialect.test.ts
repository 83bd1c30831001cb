/**
 * `views show NAME --dialect athena`: a saved view's SQL rewritten for Athena (Trino) over the records table, parsed
 * as Trino SQL and compared with golden files; through the built CLI on a real case file.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import nodeSqlParser from 'node-sql-parser';
import {beforeAll, describe, expect, it} from 'vitest';
import {athenaSql, rewrite} from '../../source/athena/dialect.js';
import type {FilterState} from '../../source/query/filters.js';
import {filterAsSql} from '../../source/query/sql-view.js';
import {CaseFile} from '../../source/store/database.js';
import {saveView} from '../../source/store/views.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

const golden = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const parser = new nodeSqlParser.Parser();

async function matchesGolden(name: string, text: string): Promise<void> {
	const file = path.join(golden, name);
	if (process.env['CLICKTRAIL_UPDATE_GOLDEN'] === '1') await writeFile(file, text);
	expect(text).toBe(await readFile(file, 'utf8'));
}

/** Parses as Trino (comments dropped: the parser does not need them). */
function parsesAsTrino(sql: string): void {
	const body = sql
		.split('\n')
		.filter(line => !line.trimStart().startsWith('--'))
		.join('\n')
		.replace(/;\s*$/, '');
	expect(() => parser.astify(body, {database: 'trino'})).not.toThrow();
}

const filter: FilterState = {
	chips: [
		{kind: 'field', field: 'eventName', value: 'UpdateDeviceState', exclude: false},
		// node-sql-parser's Trino grammar refuses '' inside a literal after IS DISTINCT FROM (Trino accepts it): the
		// quote is tested on the include (=) instead.
		{kind: 'field', field: 'principal', value: 'arn:aws:iam::111122223333:user/mallory', exclude: true},
		{kind: 'field', field: 'deviceId', value: "G030PM0123'456789", exclude: false},
		{kind: 'from', time: new Date('2024-12-03T23:28:00Z'), label: '2024-12-03T23:28Z'},
		{kind: 'until', time: new Date('2024-12-04T00:00:00.250Z'), label: '2024-12-04'},
		{kind: 'errors'},
		{kind: 'text', text: 'G030PM'},
	],
};

const sqlView = `SELECT principal, raw->>'$.sourceIPAddress' AS ip, count(*) AS n
FROM events
WHERE json_extract_string(requestParameters, '$.deviceId') = 'G030PM0123456789'
  AND regexp_matches(userAgent, 'aws-cli')
  AND contains(lower(CAST(raw AS VARCHAR)), '->>')
GROUP BY principal, ip
ORDER BY n DESC;`;

describe('views show --dialect athena', () => {
	it('a filter view: golden, and parses as Trino', async () => {
		const sql = athenaSql(filterAsSql(filter), {name: 'incident window'});
		await matchesGolden('view-filter.sql', sql);
		parsesAsTrino(sql);
		expect(sql).toContain("eventTime >= TIMESTAMP '2024-12-03 23:28:00 UTC'");
		expect(sql).toContain("eventTime < TIMESTAMP '2024-12-04 00:00:00.250 UTC'");
		expect(sql).toContain("(strpos(lower(json_format(raw)), 'g030pm') > 0)");
		expect(sql).not.toMatch(/TIMESTAMPTZ|\bcontains\(/);
	});

	it('a SQL view: DuckDB spellings become Trino ones, literals untouched', async () => {
		const sql = athenaSql(sqlView, {name: 'cli users', database: 'forensics'});
		await matchesGolden('view-sql.sql', sql);
		parsesAsTrino(sql);
		expect(sql).toContain(`json_extract_scalar(raw, '$.sourceIPAddress') AS ip`);
		expect(sql).toContain(`json_extract_scalar(requestParameters, '$.deviceId')`);
		expect(sql).toContain(`regexp_like(userAgent, 'aws-cli')`);
		// The '->>' inside a literal is text, not an operator.
		expect(sql).toContain(`(strpos(lower(json_format(raw)), '->>') > 0)`);
		expect(sql).toContain('FROM "forensics"."clicktrail_cloudtrail_records"');
	});

	it('a view that starts with WITH gets events added to its list', () => {
		const sql = athenaSql('WITH t AS (SELECT eventName FROM events) SELECT count(*) FROM t', {name: 'w'});
		expect(sql).toMatch(/^WITH events AS \(/m);
		expect(sql).toMatch(/^\),\nt AS \(SELECT eventName FROM events\) SELECT count\(\*\) FROM t;$/m);
		parsesAsTrino(sql);
	});

	it('names what it cannot rewrite', () => {
		const sql = athenaSql("SELECT * EXCLUDE (raw) FROM events WHERE principal ILIKE '%admin%' GROUP BY ALL", {
			name: 'x',
		});
		expect(sql).toContain('-- Not rewritten, change by hand: ILIKE');
		expect(sql).toContain('GROUP BY ALL (list the columns)');
		expect(sql).toContain('SELECT * EXCLUDE');
		expect(rewrite("SELECT 'ILIKE' AS a")).toBe("SELECT 'ILIKE' AS a");
		expect(athenaSql("SELECT 'ILIKE' AS a FROM events", {name: 'y'})).not.toContain('Not rewritten');
	});

	describe('the built CLI', () => {
		let db: string;
		beforeAll(async () => {
			db = path.join(await tempDir(), 'views.duckdb');
			const caseFile = await CaseFile.open(db);
			try {
				await saveView(caseFile, {name: 'incident window', filter});
				await saveView(caseFile, {name: 'cli users', sql: sqlView});
			} finally {
				caseFile.close();
			}
		});

		it.each([
			['incident window', 'view-filter.sql', []],
			['cli users', 'view-sql.sql', ['--database', 'forensics']],
		])('prints %s for Athena', async (name, file, extra) => {
			const result = await runCli(['views', 'show', name, '--dialect', 'athena', '--db', db, ...extra]);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toBe(await readFile(path.join(golden, file), 'utf8'));
		});

		it('refuses another dialect', async () => {
			const result = await runCli(['views', 'show', 'cli users', '--dialect', 'postgres', '--db', db]);
			expect(result.code).toBe(2);
			expect(result.stderr).toContain('--dialect: only athena');
		});
	});
});
