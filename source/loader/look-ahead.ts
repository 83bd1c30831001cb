/**
 * How far the content scan may run ahead of DuckDB: files enter (in input order) while the compressed bytes scanned
 * but not yet taken by the loader stay under a bound, so the candidates files waiting on disk stay bounded too (with
 * no bound, an archive DuckDB loads slower than it is scanned had all its candidates written out first: about the
 * whole archive, decompressed). A file larger than the bound enters alone.
 */
export type LookAhead = {
	/** Resolves when a file of `size` compressed bytes may be scanned. */
	enter(size: number): Promise<void>;
	/** The loader took a file that entered. */
	leave(size: number): void;
	/** Compressed bytes that entered and have not left. */
	readonly bytes: number;
};

export function createLookAhead(maxBytes: number): LookAhead {
	let bytes = 0;
	const waiting: Array<{size: number; resolve: () => void}> = [];
	const fits = (size: number) => bytes === 0 || bytes + size <= maxBytes;
	const admit = () => {
		while (waiting.length > 0 && fits(waiting[0]!.size)) {
			const next = waiting.shift()!;
			bytes += next.size;
			next.resolve();
		}
	};
	return {
		async enter(size) {
			if (waiting.length === 0 && fits(size)) {
				bytes += size;
				return;
			}
			await new Promise<void>(resolve => waiting.push({size, resolve}));
		},
		leave(size) {
			bytes -= size;
			admit();
		},
		get bytes() {
			return bytes;
		},
	};
}
