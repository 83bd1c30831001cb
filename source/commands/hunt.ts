/**
 * `clicktrail hunt [--rules DIR]... [--since T] [--until T] [--format table|json|ndjson|csv]`: runs the shipped
 * rules (rules/) and the user's Sigma rules over the case file, prints the findings (severity first, then time) and
 * keeps them in the case file, replacing the previous hunt's findings of the same rule set. Exits with
 * EXIT.findings when a finding is high or critical, so that scripts can gate on it.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {EXIT, UserError} from '../exit-codes.js';
import {gates, orderFindings, rulesJson, severity, type Finding} from '../hunt/findings.js';
import {huntRelation} from '../hunt/relation.js';
import {builtinRulesDir, readRulesDir, RulesDirError} from '../hunt/rule-files.js';
import {compileRules} from '../hunt/sigma/compile.js';
import type {Options} from '../options.js';
import {writeRows} from '../output/write-rows.js';
import {CaseFile} from '../store/database.js';
import {hasIdentityEvents, runRules, storeFindings} from '../store/hunt.js';
import type {RowChunk} from '../store/stream.js';
import {inert} from '../text/inert.js';
import {jsonValue} from '../text/values.js';
import {expected} from './query.js';

export async function runHunt(options: Options): Promise<number> {
	if (!existsSync(options.db)) {
		throw new UserError(
			`no case file at ${options.db}: load some logs first (clicktrail load SOURCE...) or pass --db PATH`,
		);
	}
	const dirs = options.rules ?? [];
	let rules;
	try {
		rules = [builtinRulesDir(), ...dirs].flatMap(dir => readRulesDir(dir));
	} catch (error) {
		if (error instanceof RulesDirError) throw new UserError(error.message, EXIT.usage);
		throw error;
	}
	const ruleSet = ['builtin', ...dirs.map(dir => path.resolve(dir))].join('\n');
	let result;
	try {
		// Write access for the whole hunt, as a load takes it: the findings are stored at the end.
		const db = await CaseFile.open(options.db, {sandbox: true});
		try {
			const relation = huntRelation({
				identityEvents: await hasIdentityEvents(db),
				...(options.since ? {since: options.since} : {}),
				...(options.until ? {until: options.until} : {}),
			});
			result = await runRules(db, compileRules(rules, relation));
			await storeFindings(db, {
				ruleSet,
				rules: result.rules,
				findings: result.findings,
				...(options.since ? {since: options.since} : {}),
				...(options.until ? {until: options.until} : {}),
			});
		} finally {
			db.close();
		}
	} catch (error) {
		throw expected(error);
	}
	for (const rule of result.rules)
		if (rule.status === 'unsupported')
			process.stderr.write(
				`clicktrail: rule ${inert(rule.rule.id)} (${inert(rule.rule.title)}) not run: ${inert(rule.reason ?? '')}\n`,
			);
	const findings = orderFindings(result.findings);
	await print(findings, result.rules, options);
	return findings.some(f => gates(f.rule.level)) ? EXIT.findings : EXIT.ok;
}

/** A finding as JSON: rule, title, severity, principal, accountId, start, end, count, eventIDs. */
function findingJson(f: Finding): string {
	return jsonValue({
		rule: f.rule.id,
		title: f.rule.title,
		severity: severity(f.rule.level),
		principal: f.principal,
		accountId: f.accountId,
		start: f.start,
		end: f.end,
		count: f.count,
		eventIDs: f.eventIDs,
	});
}

async function print(findings: Finding[], rules: Parameters<typeof rulesJson>[0], options: Options): Promise<void> {
	const format = options.format ?? 'table';
	if (format === 'json') {
		process.stdout.write(
			`{"rules":${jsonValue(rulesJson(rules))},"findings":[${findings.map(findingJson).join(',')}]}\n`,
		);
		return;
	}
	if (format === 'ndjson') {
		process.stdout.write(findings.map(f => `${findingJson(f)}\n`).join(''));
		return;
	}
	const columns = ['severity', 'rule', 'title', 'principal', 'accountId', 'start', 'end', 'count'];
	const types = [
		'VARCHAR',
		'VARCHAR',
		'VARCHAR',
		'VARCHAR',
		'VARCHAR',
		'TIMESTAMP WITH TIME ZONE',
		'TIMESTAMP WITH TIME ZONE',
		'BIGINT',
	];
	const rows = findings.map(f => [
		severity(f.rule.level),
		f.rule.id,
		f.rule.title,
		f.principal,
		f.accountId,
		f.start,
		f.end,
		f.count,
	]);
	if (format === 'csv') {
		columns.push('eventIDs');
		types.push('VARCHAR');
		rows.forEach((row, i) => row.push(findings[i]!.eventIDs.join(' ')));
	}
	const chunk: RowChunk = {columns, types, rows};
	await writeRows(
		(async function* () {
			yield chunk;
		})(),
		{format, wide: options.wide, maxRows: options.maxRows},
		process.stdout,
	);
}
