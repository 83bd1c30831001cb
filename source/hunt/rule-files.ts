/**
 * Where rules come from: the rules/ folder clicktrail ships, and the folders given with --rules (read recursively,
 * every .yml and .yaml file, in name order).
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseRuleFile} from './sigma/parse.js';
import type {SigmaRule} from './sigma/types.js';

/** The shipped rules folder: `rules/` beside the package.json above this module (source or bundle). */
export function builtinRulesDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
	let dir = from;
	for (;;) {
		if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'rules')))
			return path.join(dir, 'rules');
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`clicktrail's rules folder was not found above ${from}`);
		dir = parent;
	}
}

/** A rules folder that cannot be read. */
export class RulesDirError extends Error {}

/** Every rule in `dir` and its subfolders. */
export function readRulesDir(dir: string): SigmaRule[] {
	let stat;
	try {
		stat = statSync(dir);
	} catch (error) {
		throw new RulesDirError(
			`--rules ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`,
		);
	}
	if (!stat.isDirectory()) return parseRuleFile(readFileSync(dir, 'utf8'), dir);
	const rules: SigmaRule[] = [];
	for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) rules.push(...readRulesDir(full));
		else if (/\.ya?ml$/i.test(entry.name)) rules.push(...parseRuleFile(readFileSync(full, 'utf8'), full));
	}
	return rules;
}
