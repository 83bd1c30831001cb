/**
 * The last few answers of each read lane, by request key, most recently used last. Kept only while the events
 * cannot change (the reader is stable): then a key seen before (back to no filter, out of a zoom, a record opened
 * again) shows its answer at once, without a query.
 */

/** Answers kept per lane. */
export const KEPT = 16;

/** A cache of answers per lane and key. */
export class AnswerCache {
	private readonly lanes = new Map<string, Map<string, unknown>>();

	constructor(private readonly kept = KEPT) {}

	/** Whether `lane` holds an answer for `key`. */
	has(lane: string, key: string): boolean {
		return this.lanes.get(lane)?.has(key) ?? false;
	}

	/** The answer for `key`, marked as just used; undefined when none is kept. */
	get<T>(lane: string, key: string): {data: T} | undefined {
		const map = this.lanes.get(lane);
		if (!map?.has(key)) return undefined;
		const data = map.get(key) as T;
		this.keep(lane, key, data);
		return {data};
	}

	/** Keeps an answer, dropping the least recently used beyond the limit. */
	keep(lane: string, key: string, data: unknown): void {
		let map = this.lanes.get(lane);
		if (!map) this.lanes.set(lane, (map = new Map()));
		map.delete(key);
		map.set(key, data);
		if (map.size > this.kept) map.delete(map.keys().next().value!);
	}
}

const caches = new WeakMap<object, AnswerCache>();

/** The one cache of a reader (shared by every screen on it). */
export function answerCacheOf(reader: object): AnswerCache {
	let cache = caches.get(reader);
	if (!cache) caches.set(reader, (cache = new AnswerCache()));
	return cache;
}
