import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll} from 'vitest';

/** A temporary folder removed after the test file's tests. */
export async function tempDir(prefix = 'clicktrail-test-'): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
	afterAll(async () => {
		await rm(dir, {recursive: true, force: true});
	});
	return dir;
}
