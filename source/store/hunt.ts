/**
 * Runs a hunt's compiled rules (source/hunt/sigma/) on the case file and keeps their findings in it: tables hunts,
 * findings and finding_events (schema version 6). Each rule is its own statement, so one that fails at run time
 * (an invalid regular expression) is reported with DuckDB's reason and the others still run.
 */
import type {Finding} from '../hunt/findings.js';
import {rulesJson, severity} from '../hunt/findings.js';
import type {CompiledRule} from '../hunt/sigma/compile.js';
import type {CaseFile} from './database.js';
import {read} from './read.js';

/** Whether the case file has the identity events (the lineage's table). */
export async function hasIdentityEvents(db: CaseFile): Promise<boolean> {
	const rows = await db.all(
		`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'identity_events' AND schema_name = 'main'`,
	);
	return Number(rows[0]?.['n']) > 0;
}

/** Runs every rule that has a statement; a statement DuckDB refuses marks its rule unsupported with the reason. */
export async function runRules(
	db: CaseFile,
	compiled: readonly CompiledRule[],
): Promise<{rules: CompiledRule[]; findings: Finding[]}> {
	const rules: CompiledRule[] = [];
	const findings: Finding[] = [];
	for (const rule of compiled) {
		if (!rule.query) {
			rules.push(rule);
			continue;
		}
		try {
			const rows = await read(db, rule.query);
			for (const row of rows) {
				findings.push({
					rule: rule.rule,
					principal: (row['principal'] as string | null) ?? null,
					accountId: (row['accountId'] as string | null) ?? null,
					start: row['start'] as Date,
					end: row['end'] as Date,
					count: Number(row['count']),
					eventIDs: (row['eventIDs'] as string[]).map(String),
					fields: rule.fields,
				});
			}
			rules.push(rule);
		} catch (error) {
			const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
			rules.push({
				...rule,
				status: 'unsupported',
				reason: `DuckDB refused its statement: ${message}`,
				query: undefined,
			});
		}
	}
	return {rules, findings};
}

/** Replaces the findings of `ruleSet` with these, in one transaction. */
export async function storeFindings(
	db: CaseFile,
	hunt: {ruleSet: string; since?: Date; until?: Date; rules: readonly CompiledRule[]; findings: readonly Finding[]},
	now = new Date(),
): Promise<void> {
	await db.transaction(async () => {
		await db.run(`DELETE FROM finding_events WHERE findingId IN (SELECT findingId FROM findings WHERE ruleSet = ?)`, [
			hunt.ruleSet,
		]);
		await db.run(`DELETE FROM findings WHERE ruleSet = ?`, [hunt.ruleSet]);
		await db.run(`DELETE FROM hunts WHERE ruleSet = ?`, [hunt.ruleSet]);
		await db.run(
			`INSERT INTO hunts VALUES (?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?)`,
			[
				hunt.ruleSet,
				now.toISOString(),
				hunt.since?.toISOString() ?? null,
				hunt.until?.toISOString() ?? null,
				JSON.stringify(rulesJson(hunt.rules)),
			],
		);
		const [top] = await db.all(`SELECT coalesce(max(findingId), 0) AS n FROM findings`);
		let id = Number(top?.['n'] ?? 0);
		for (const f of hunt.findings) {
			id++;
			await db.run(
				`INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, CAST(CAST(? AS JSON) AS VARCHAR[]), CAST(CAST(? AS JSON) AS VARCHAR[]), ?, ?, ?)`,
				[
					id,
					hunt.ruleSet,
					f.rule.id,
					f.rule.title,
					severity(f.rule.level),
					f.principal,
					f.accountId,
					f.start.toISOString(),
					f.end.toISOString(),
					f.count,
					JSON.stringify(f.fields),
					JSON.stringify(f.rule.tags),
					f.rule.description ?? null,
					f.rule.triage ?? null,
					f.rule.source,
				],
			);
			await db.run(`INSERT INTO finding_events SELECT ?, unnest(CAST(CAST(? AS JSON) AS VARCHAR[]))`, [
				id,
				JSON.stringify(f.eventIDs),
			]);
		}
	});
}
