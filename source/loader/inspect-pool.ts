/**
 * Where the content scan runs: in worker threads, one per core (up to four), so that decompressing, hashing and
 * scanning files never holds the main thread, which feeds DuckDB meanwhile. From the TypeScript sources (the tests),
 * where no compiled worker exists, it runs in this thread instead; the result is the same.
 */
import {existsSync} from 'node:fs';
import os from 'node:os';
import {fileURLToPath} from 'node:url';
import {Piscina} from 'piscina';
import {inspectFile, type InspectOptions, type Inspection} from './inspect.js';
import type {InspectReply, InspectTask} from './inspect-worker.js';

export type Inspector = {
	inspect(file: string, options: InspectOptions): Promise<Inspection>;
	close(): Promise<void>;
	/** Worker threads scanning (0: this thread). */
	threads: number;
};

/** Beside this module once compiled: dist/loader/ (tsc) or dist/bundle/ (an entry of its own in the bundle). */
const WORKER = new URL('./inspect-worker.js', import.meta.url);

/** Files in flight per worker: each is mostly waiting on reads and zlib, so a few keep a core busy. */
const FILES_PER_WORKER = 4;

export function createInspector(threads = Math.min(4, os.availableParallelism())): Inspector {
	if (threads < 1 || !existsSync(fileURLToPath(WORKER)))
		return {inspect: (file, options) => inspectFile(file, options), close: async () => undefined, threads: 0};
	const pool = new Piscina<InspectTask, InspectReply>({
		filename: WORKER.href,
		minThreads: threads,
		maxThreads: threads,
		concurrentTasksPerWorker: FILES_PER_WORKER,
		// The task is async (streams): the worker's event loop must keep running between messages.
		atomics: 'disabled',
	});
	return {
		async inspect(file, options) {
			const reply = await pool.run({file, options});
			if ('error' in reply) throw new Error(reply.error);
			return reply.inspection;
		},
		close: () => pool.destroy(),
		threads,
	};
}
