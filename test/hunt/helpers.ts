/** A case file of crafted records, and a hunt over it with the real compiler and store. */
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {expect} from 'vitest';
import {huntRelation} from '../../source/hunt/relation.js';
import {compileRules, type CompiledRule} from '../../source/hunt/sigma/compile.js';
import {parseRuleFile} from '../../source/hunt/sigma/parse.js';
import type {Finding} from '../../source/hunt/findings.js';
import {CaseFile} from '../../source/store/database.js';
import {hasIdentityEvents, runRules} from '../../source/store/hunt.js';
import {runCli} from '../helpers/cli.js';

/** Loads records (JSON lines) into a new case file with every service kept. */
export async function loadRecords(dir: string, name: string, records: readonly object[]): Promise<string> {
	const file = path.join(dir, `${name}.jsonl`);
	await writeFile(file, records.map(r => JSON.stringify(r)).join('\n') + '\n');
	const db = path.join(dir, `${name}.duckdb`);
	const load = await runCli(['load', file, '--db', db, '--all-services', '--quiet']);
	expect(load.stderr).toBe('');
	expect(load.code).toBe(0);
	return db;
}

/** Runs the rules of one YAML text over the case file. */
export async function hunt(db: string, yaml: string): Promise<{rules: CompiledRule[]; findings: Finding[]}> {
	const caseFile = await CaseFile.open(db, {readOnly: true, sandbox: true});
	try {
		const relation = huntRelation({identityEvents: await hasIdentityEvents(caseFile)});
		return await runRules(caseFile, compileRules(parseRuleFile(yaml, 'test.yml'), relation));
	} finally {
		caseFile.close();
	}
}

/** The eventIDs a one-rule YAML text matches, sorted. */
export async function matching(db: string, yaml: string): Promise<string[]> {
	const result = await hunt(db, yaml);
	for (const rule of result.rules) expect(rule.reason).toBeUndefined();
	return result.findings.flatMap(f => f.eventIDs).sort();
}

/** A detection rule's YAML around a detection block (indented by two spaces). */
export function rule(detection: string, title = 'test rule'): string {
	return `title: ${title}\nid: ${title.replaceAll(' ', '-')}\nlevel: medium\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection}\n`;
}
