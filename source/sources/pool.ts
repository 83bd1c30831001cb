/** A bounded set of concurrent tasks, with back-pressure on whoever adds them. */

/** See {@link createPool}. */
export type Pool = {
	/** Start `task` once fewer than `concurrency` run; resolves when it has started. */
	add(task: () => Promise<void>): Promise<void>;
	/** Resolves when every task added so far has settled. */
	drain(): Promise<void>;
};

/** A pool running at most `concurrency` tasks at once. Tasks should not reject (failures are ignored). */
export function createPool(concurrency: number): Pool {
	const limit = Math.max(1, Math.floor(concurrency));
	const running = new Set<Promise<void>>();
	const waiting: Array<() => void> = [];

	return {
		async add(task) {
			while (running.size >= limit) {
				await new Promise<void>(resolve => {
					waiting.push(resolve);
				});
			}

			const run: Promise<void> = task()
				.catch(() => undefined)
				.finally(() => {
					running.delete(run);
					waiting.shift()?.();
				});
			running.add(run);
		},
		async drain() {
			while (running.size > 0) {
				await Promise.allSettled([...running]);
			}
		},
	};
}

/** Run tasks with at most `concurrency` at once; each call returns its task's own promise (queued in call order). */
export function createLimiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
	const limit = Math.max(1, Math.floor(concurrency));
	let running = 0;
	const queue: Array<() => void> = [];
	const next = () => {
		if (running >= limit) return;
		const start = queue.shift();
		if (start) {
			running++;
			start();
		}
	};
	return <T>(task: () => Promise<T>) =>
		new Promise<T>((resolve, reject) => {
			queue.push(() => {
				task()
					.then(resolve, reject)
					.finally(() => {
						running--;
						next();
					});
			});
			next();
		});
}
