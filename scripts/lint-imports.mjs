#!/usr/bin/env node
// Keeps the architecture honest: each heavy dependency is imported from one folder only.
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

const RULES = [
	{module: '@duckdb/node-api', allowed: ['source/store/', 'scripts/bench/naive-load.mjs'], why: 'the store is the only code that talks to DuckDB'},
	{module: '@aws-sdk/', allowed: ['source/sources/s3/', 'test/'], why: 'S3 access lives in the S3 source (tests fill their test bucket)'},
];

const roots = ['source', 'test', 'scripts'];
const problems = [];
for (const root of roots) {
	for (const entry of readdirSync(root, {recursive: true, withFileTypes: true})) {
		if (!entry.isFile() || !/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) continue;
		const file = path.join(entry.parentPath, entry.name).split(path.sep).join('/');
		const text = readFileSync(file, 'utf8');
		for (const rule of RULES) {
			if (rule.allowed.some(prefix => file.startsWith(prefix)) || file === 'scripts/lint-imports.mjs') continue;
			const pattern = new RegExp(`(from\\s+|import\\s*\\(\\s*|require\\s*\\(\\s*)['"]${rule.module.replace(/[/.]/g, '\\$&')}`);
			if (pattern.test(text)) problems.push(`${file}: imports ${rule.module}; only ${rule.allowed.join(' and ')} may (${rule.why})`);
		}
	}
}
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`lint-imports: ok`);
