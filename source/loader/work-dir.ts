/**
 * A private temporary folder for one load: links with plain names to files whose names DuckDB's readers would
 * expand as globs (`[`, `?`, `*`, `{`) or whose extension does not say how they are compressed, and JSON lines
 * rewrites of files DuckDB cannot read in one go. Removed when the load ends.
 */
import {mkdtemp, rm, symlink} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Characters DuckDB's file readers treat as glob syntax, even in a bound file list. */
const GLOB = /[[\]*?{}\\]/;

export class WorkDir {
	private dir: string | undefined;
	private count = 0;

	/** A fresh path in the folder, ending in `suffix`. */
	async file(suffix: string): Promise<string> {
		this.dir ??= await mkdtemp(path.join(os.tmpdir(), 'clicktrail-load-'));
		return path.join(this.dir, `${++this.count}${suffix}`);
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
		if (this.dir) await rm(this.dir, {recursive: true, force: true});
		this.dir = undefined;
	}
}
