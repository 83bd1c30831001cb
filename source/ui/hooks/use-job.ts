/**
 * The one way UI code reads the case file: run a job on a reader lane whenever its key changes. The newest request
 * wins: an answer to an older key is dropped, and the reader interrupts the query it replaced. While a new answer
 * is on its way the previous data stays on screen, flagged as loading.
 */
import {useEffect, useRef, useState} from 'react';
import {Superseded, type Job} from '../../store/reader.js';
import {useReader} from './reader-context.js';

/** A pane's data: the latest answer, an error message if the latest request failed, and whether one is pending. */
export type Loaded<T> = {data?: T; error?: string; loading: boolean};

/**
 * Runs `job` on `lane` whenever `key` changes (no job while `key` is undefined). `key` must capture everything the
 * job depends on (e.g. the JSON of its queries' inputs).
 */
export function useJob<T>(lane: string, key: string | undefined, job: Job<T>): Loaded<T> {
	const reader = useReader();
	const jobRef = useRef(job);
	jobRef.current = job;
	const [answer, setAnswer] = useState<{key?: string; data?: T; error?: string}>({});
	useEffect(() => {
		if (key === undefined) return;
		let live = true;
		reader.run(lane, jobRef.current).then(
			data => {
				if (live) setAnswer({key, data});
			},
			(error: unknown) => {
				if (!live || error instanceof Superseded) return;
				setAnswer(previous => ({key, data: previous.data, error: error instanceof Error ? error.message : String(error)}));
			},
		);
		return () => {
			live = false;
		};
	}, [reader, lane, key]);
	return {data: answer.data, error: answer.key === key ? answer.error : undefined, loading: key !== undefined && answer.key !== key};
}
