/**
 * Writes files under the archive root: gzip runs on libuv's thread pool while the main thread builds the next
 * file, with a bounded number in flight so memory stays small.
 */
import {webcrypto} from 'node:crypto';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {gzip as gzipCallback} from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Writes files relative to a root, creating folders as needed. */
export class ArchiveWriter {
	private readonly folders = new Map<string, Promise<unknown>>();
	private readonly pending = new Set<Promise<void>>();
	private failure: unknown;

	/**
	 * @param root - the archive root.
	 * @param level - gzip level.
	 * @param maxPending - files compressing or writing at once.
	 */
	constructor(
		readonly root: string,
		private readonly level = 1,
		private readonly maxPending = 4,
	) {}

	/**
	 * Queues `text` gzip'd to `key` (relative, '/' separated); resolves when there is room for another.
	 * @param onHash - when given, called with the sha256 hex of the uncompressed bytes (hashed off the main thread).
	 */
	async writeGzip(key: string, text: string, onHash?: (sha256: string) => void): Promise<void> {
		while (this.pending.size >= this.maxPending) await Promise.race(this.pending);
		if (this.failure) throw this.failure;
		const job = this.run(key, text, onHash).catch((error: unknown) => {
			this.failure ??= error;
		});
		this.pending.add(job);
		void job.finally(() => this.pending.delete(job));
	}

	/** Writes raw bytes to `key` now. */
	async writeRaw(key: string, data: string | Buffer): Promise<void> {
		const file = await this.prepare(key);
		await writeFile(file, data);
	}

	/** Gzips text with this writer's level. */
	async gzip(text: string | Buffer): Promise<Buffer> {
		return gzip(text, {level: this.level});
	}

	/** Waits for every queued file. */
	async flush(): Promise<void> {
		await Promise.all(this.pending);
		if (this.failure) throw this.failure;
	}

	private async run(key: string, text: string, onHash?: (sha256: string) => void): Promise<void> {
		const bytes = Buffer.from(text, 'utf8');
		// WebCrypto's digest and zlib's gzip both run on libuv's thread pool, leaving the main thread to build.
		const [data, file, hash] = await Promise.all([
			gzip(bytes, {level: this.level}),
			this.prepare(key),
			onHash ? webcrypto.subtle.digest('SHA-256', bytes) : undefined,
		]);
		if (onHash && hash) onHash(Buffer.from(hash).toString('hex'));
		await writeFile(file, data);
	}

	private async prepare(key: string): Promise<string> {
		const file = path.join(this.root, ...key.split('/'));
		const folder = path.dirname(file);
		let made = this.folders.get(folder);
		if (!made) {
			made = mkdir(folder, {recursive: true});
			this.folders.set(folder, made);
		}
		await made;
		return file;
	}
}
