/**
 * The one way UI code reads the case file: run a job on a reader lane whenever its key changes. The newest request
 * wins: an answer to an older key is dropped, and the reader interrupts the query it replaced. While a new answer
 * is on its way the previous data stays on screen, flagged as loading. When the events cannot change (the reader is
 * stable), the last few answers of each lane are kept, and a key seen before (back to no filter, out of a zoom, a
 * record opened again) shows its answer at once, without a query.
 */
import {useEffect, useMemo, useRef, useState} from 'react';
import type {Job, ReadLanes} from '../../store/reader.js';
import {Superseded} from '../../store/superseded.js';
import {useReader} from './reader-context.js';

/** A pane's data: the latest answer, an error message if the latest request failed, and whether one is pending. */
export type Loaded<T> = {data?: T; error?: string; loading: boolean};

/** Answers kept per lane. */
const KEPT = 16;
const answers = new WeakMap<ReadLanes, Map<string, Map<string, unknown>>>();

/** The answers kept for `lane` of `reader` (most recently used last). */
function kept(reader: ReadLanes, lane: string): Map<string, unknown> {
	let lanes = answers.get(reader);
	if (!lanes) answers.set(reader, (lanes = new Map()));
	let map = lanes.get(lane);
	if (!map) lanes.set(lane, (map = new Map()));
	return map;
}

function keep(map: Map<string, unknown>, key: string, data: unknown): void {
	map.delete(key);
	map.set(key, data);
	if (map.size > KEPT) map.delete(map.keys().next().value!);
}

/**
 * Runs `job` on `lane` whenever `key` changes (no job while `key` is undefined). `key` must capture everything the
 * job depends on (e.g. the JSON of its queries' inputs).
 */
export function useJob<T>(lane: string, key: string | undefined, job: Job<T>): Loaded<T> {
	const reader = useReader();
	const jobRef = useRef(job);
	jobRef.current = job;
	const [answer, setAnswer] = useState<{key?: string; data?: T; error?: string}>({});
	const known = key !== undefined && reader.stable === true && kept(reader, lane).has(key);
	useEffect(() => {
		if (key === undefined) return;
		const map = kept(reader, lane);
		if (reader.stable && map.has(key)) {
			// Shown from what was kept: stop whatever the lane still runs for an older key.
			reader.cancel(lane);
			const data = map.get(key) as T;
			keep(map, key, data);
			setAnswer({key, data});
			return;
		}
		let live = true;
		reader.run(lane, jobRef.current).then(
			data => {
				if (reader.stable) keep(map, key, data);
				if (live) setAnswer({key, data});
			},
			(error: unknown) => {
				if (!live || error instanceof Superseded) return;
				setAnswer(previous => ({
					key,
					data: previous.data,
					error: error instanceof Error ? error.message : String(error),
				}));
			},
		);
		return () => {
			live = false;
		};
	}, [reader, lane, key]);
	// The same object until something changes, so that memoised panes skip frames that are not about them.
	return useMemo(() => {
		if (known && answer.key !== key) return {data: kept(reader, lane).get(key!) as T, loading: false};
		return {
			data: answer.data,
			error: answer.key === key ? answer.error : undefined,
			loading: key !== undefined && answer.key !== key,
		};
	}, [answer, key, known, reader, lane]);
}
