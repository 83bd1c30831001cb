/**
 * A temporary case file with findings: the seeded generator's archive with the hunt scenarios planted, loaded by the
 * loader and hunted with the shipped rules through the hunt modules (as `clicktrail hunt` runs them).
 */
import path from 'node:path';
import {builtinRulesDir, readRulesDir} from '../../source/hunt/rule-files.js';
import {huntRelation} from '../../source/hunt/relation.js';
import {compileRules} from '../../source/hunt/sigma/compile.js';
import {loadFiles} from '../../source/loader/load-files.js';
import {generateSample} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {hasIdentityEvents, runRules, storeFindings} from '../../source/store/hunt.js';
import {tempDir} from '../helpers/temp.js';

/** Generates `events` records with the hunt scenarios, loads and hunts them; returns the case file and its folder. */
export async function makeHuntedCase(
	options: {events?: number; seed?: number} = {},
): Promise<{db: string; dir: string}> {
	const dir = await tempDir('clicktrail-hunted-');
	const archive = path.join(dir, 'archive');
	await generateSample({
		outDir: archive,
		events: options.events ?? 2000,
		seed: options.seed ?? 7,
		digests: false,
		huntScenarios: true,
	});
	const db = path.join(dir, 'case.duckdb');
	const caseFile = await CaseFile.open(db);
	try {
		await loadFiles(caseFile, (await expandLocalSources([archive])).files);
		const relation = huntRelation({identityEvents: await hasIdentityEvents(caseFile)});
		const result = await runRules(caseFile, compileRules(readRulesDir(builtinRulesDir()), relation));
		await storeFindings(caseFile, {ruleSet: 'builtin', rules: result.rules, findings: result.findings});
	} finally {
		caseFile.close();
	}
	return {db, dir};
}
