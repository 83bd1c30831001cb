/**
 * Local sources: files, directories (walked recursively) and globs, expanded to the files the loader reads.
 */
import type {Dirent} from 'node:fs';
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
	/** Things a directory walk passed over that are not failures (a symbolic link back into a folder already walked). */
	notes: {origin: string; reason: string}[];
};

/** Expand command-line SOURCE arguments (paths or globs) to files, each once, in a stable order. */
export async function expandLocalSources(sources: string[]): Promise<Expansion> {
	const expansion: Expansion = {files: [], errors: [], ignored: 0, notes: []};
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
			for (const file of await walk(absolute, expansion)) {
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

/**
 * Every file under `root`, following symbolic links to files and folders; each folder is walked once (by device
 * and inode), so a link back up the tree ends there. What cannot be walked is reported, one line each, and the
 * rest is kept: an unreadable folder, a broken link, a name that is not UTF-8 (DuckDB cannot be given it).
 */
async function walk(
	root: string,
	report: Pick<Expansion, 'errors' | 'notes'>,
): Promise<{path: string; size: number}[]> {
	const files: {path: string; size: number}[] = [];
	const walked = new Set<string>();
	const rootInfo = await stat(root);
	walked.add(`${rootInfo.dev}:${rootInfo.ino}`);
	const folders = [root];
	while (folders.length > 0) {
		const folder = folders.pop()!;
		let entries: Dirent<Buffer>[];
		try {
			entries = await readdir(Buffer.from(folder), {withFileTypes: true, encoding: 'buffer'});
		} catch (error) {
			report.errors.push({origin: folder, reason: `cannot read folder: ${describeFsError(error)}`});
			continue;
		}
		for (const entry of entries) {
			const name = entry.name.toString('utf8');
			if (!Buffer.from(name, 'utf8').equals(entry.name)) {
				report.errors.push({
					origin: path.join(folder, escapeBytes(entry.name)),
					reason: 'file name is not valid UTF-8: not read (rename it to load it)',
				});
				continue;
			}
			const full = path.join(folder, name);
			let isFile = entry.isFile();
			let isFolder = entry.isDirectory();
			let size = 0;
			if (entry.isSymbolicLink() || isFile || isFolder) {
				try {
					const info = await stat(full);
					isFile = info.isFile();
					isFolder = info.isDirectory();
					size = info.size;
					if (isFolder) {
						const key = `${info.dev}:${info.ino}`;
						if (walked.has(key)) {
							report.notes.push({
								origin: full,
								reason: 'folder already walked (a symbolic link loop or a second link to it)',
							});
							continue;
						}
						walked.add(key);
					}
				} catch (error) {
					report.errors.push({
						origin: full,
						reason: entry.isSymbolicLink()
							? `broken symbolic link: ${describeFsError(error)}`
							: `cannot read: ${describeFsError(error)}`,
					});
					continue;
				}
			}
			if (isFolder) folders.push(full);
			else if (isFile) files.push({path: full, size});
		}
	}
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'ENOENT') return 'no such file or directory';
	if (code === 'ELOOP') return 'too many levels of symbolic links';
	return code ?? (error as Error).message;
}

/** A file name's bytes, printable: ASCII as it is, every other byte as \xNN. */
function escapeBytes(bytes: Buffer): string {
	return [...bytes]
		.map(byte => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`))
		.join('');
}
