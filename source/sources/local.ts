/**
 * Local sources: files, directories (walked recursively) and globs, expanded to the files the loader reads.
 */
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {glob, isDynamicPattern} from 'tinyglobby';
import type {InputFile} from './input-file.js';

/** File names a directory walk hands to the loader; anything else in a directory is passed over. */
const LOG_NAME = /\.(json|jsonl|ndjson|csv)(\.gz)?$/i;

export type Expansion = {
	files: InputFile[];
	/** Arguments that named nothing loadable: each with the reason. */
	errors: {origin: string; reason: string}[];
	/** Files a directory walk passed over because of their names (README, .DS_Store, ...). */
	ignored: number;
};

/** Expand command-line SOURCE arguments (paths or globs) to files, each once, in a stable order. */
export async function expandLocalSources(sources: string[]): Promise<Expansion> {
	const expansion: Expansion = {files: [], errors: [], ignored: 0};
	const seen = new Set<string>();
	const add = (file: string, size: number) => {
		if (seen.has(file)) return;
		seen.add(file);
		expansion.files.push({path: file, origin: file, size});
	};

	for (const source of sources) {
		const absolute = path.resolve(source);
		const info = await stat(absolute).catch(() => undefined);
		if (info?.isFile()) {
			add(absolute, info.size);
		} else if (info?.isDirectory()) {
			const before = expansion.files.length;
			for (const file of await walk(absolute)) {
				if (!LOG_NAME.test(file.path)) {
					expansion.ignored++;
					continue;
				}
				add(file.path, file.size);
			}
			if (expansion.files.length === before) {
				expansion.errors.push({origin: absolute, reason: 'directory holds no .json, .json.gz, .jsonl or .csv files'});
			}
		} else if (isDynamicPattern(source)) {
			const matches = await glob(source, {absolute: true, onlyFiles: true, dot: false});
			if (matches.length === 0) {
				expansion.errors.push({origin: source, reason: 'no files match this pattern'});
			}
			for (const match of matches.sort()) {
				const matchInfo = await stat(match).catch(() => undefined);
				if (matchInfo?.isFile()) add(path.resolve(match), matchInfo.size);
			}
		} else {
			expansion.errors.push({origin: absolute, reason: 'no such file or directory'});
		}
	}
	return expansion;
}

async function walk(directory: string): Promise<{path: string; size: number}[]> {
	const entries = await readdir(directory, {recursive: true, withFileTypes: true});
	const files: {path: string; size: number}[] = [];
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		const info = await stat(file).catch(() => undefined);
		if (info) files.push({path: file, size: info.size});
	}
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
