/**
 * A private temporary folder for one load: links with plain names to files whose names DuckDB's readers would
 * expand as globs (`[`, `?`, `*`, `{`) or whose extension does not say how they are compressed, and JSON lines
 * rewrites of files DuckDB cannot read in one go. Removed when the load ends; one left by a killed load is removed
 * by the next load.
 */
import {mkdtemp, readdir, rm, symlink} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Characters DuckDB's file readers treat as glob syntax, even in a bound file list. */
const GLOB = /[[\]*?{}\\]/;

const PREFIX = 'clicktrail-load-';

/** Folders left by loads that were killed (their process is gone): a rewrite can be gigabytes. */
async function removeStale(): Promise<void> {
	const names = await readdir(os.tmpdir()).catch(() => [] as string[]);
	for (const name of names) {
		const pid = Number(/^clicktrail-load-(\d+)-/.exec(name)?.[1]);
		if (!pid || pid === process.pid || isAlive(pid)) continue;
		await rm(path.join(os.tmpdir(), name), {recursive: true, force: true}).catch(() => undefined);
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export class WorkDir {
	private dir: Promise<string> | undefined;
	private count = 0;

	/** A fresh path in the folder, ending in `suffix` (concurrent callers share one folder). */
	async file(suffix: string): Promise<string> {
		this.dir ??= removeStale().then(() => mkdtemp(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`)));
		const name = `${++this.count}${suffix}`;
		return path.join(await this.dir, name);
	}

	/**
	 * The path DuckDB should read `file` by: itself, or a link to it with a plain name whose extension matches its
	 * content (DuckDB decides gzip by the `.gz` extension alone).
	 */
	async readable(file: string, gzip: boolean, extension: string): Promise<string> {
		if (!GLOB.test(file) && gzip === file.endsWith('.gz')) return file;
		const link = await this.file(`${extension}${gzip ? '.gz' : ''}`);
		await symlink(file, link);
		return link;
	}

	async remove(file: string): Promise<void> {
		await rm(file, {force: true});
	}

	async close(): Promise<void> {
		const dir = await this.dir?.catch(() => undefined);
		if (dir) await rm(dir, {recursive: true, force: true});
		this.dir = undefined;
	}
}
