/**
 * The one way UI code reads the case file: run a job on a reader lane whenever its key changes, and hand the answer
 * (or the error) to `onAnswer`, which dispatches it into state. The newest request wins: an answer to an older key is
 * dropped, and the reader interrupts the query it replaced. When the events cannot change (the reader is stable),
 * answers are kept (answer-cache.ts); a key whose answer already arrived from there runs nothing.
 */
import {useEffect, useEffectEvent} from 'react';
import type {Job} from '../../store/reader.js';
import {Superseded} from '../../store/superseded.js';
import {answerCacheOf} from './answer-cache.js';
import {useReader} from './reader-context.js';

/** What a job brought: data, or why it failed. */
export type JobAnswer<T> = {key: string; data: T} | {key: string; error: string};

/**
 * Runs `job` on `lane` whenever `key` changes (no job while `key` is undefined, nor when `answered` says state
 * already holds the answer for it). `key` must capture everything the job depends on.
 */
export function useJob<T>(
	lane: string,
	key: string | undefined,
	job: Job<T>,
	onAnswer: (answer: JobAnswer<T>) => void,
	answered = false,
): void {
	const reader = useReader();
	const latest = useEffectEvent(() => ({job, onAnswer, answered}));
	useEffect(() => {
		if (key === undefined) return;
		const {job, onAnswer, answered} = latest();
		const cache = answerCacheOf(reader);
		if (answered) {
			// Shown from what was kept: stop whatever the lane still runs for an older key.
			reader.cancel(lane);
			return;
		}
		let live = true;
		reader.run(lane, job).then(
			data => {
				if (reader.stable) cache.keep(lane, key, data);
				if (live) onAnswer({key, data});
			},
			(error: unknown) => {
				if (!live || error instanceof Superseded) return;
				onAnswer({key, error: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			live = false;
		};
	}, [reader, lane, key]);
}
