/**
 * Pane-test hooks: run one of the screen's reads (source/ui/reads/) on the reader in context and return it as a
 * pane's Loaded prop, the way the screen's state would hold it. Test code: the screen itself dispatches answers.
 */
import {useEffect, useEffectEvent, useState} from 'react';
import type {FilterState} from '../../../source/query/filters.js';
import type {Query} from '../../../source/store/reader.js';
import {useReader} from '../../../source/ui/hooks/reader-context.js';
import type {Counts, EventRecord, FacetList, Loaded, PageData, Timeline} from '../../../source/ui/model/data.js';
import {loadCounts} from '../../../source/ui/reads/counts.js';
import {loadFacets} from '../../../source/ui/reads/facets.js';
import {loadPage} from '../../../source/ui/reads/page.js';
import {loadEvent} from '../../../source/ui/reads/record.js';
import {loadTimeline} from '../../../source/ui/reads/timeline.js';
import type {PageRequest} from '../../../source/ui/state/state.js';

/** Runs `job` on `lane` whenever `key` changes. */
export function useLoaded<T>(lane: string, key: string, job: (query: Query) => Promise<T>): Loaded<T> {
	const reader = useReader();
	const [answer, setAnswer] = useState<{key?: string; data?: T; error?: string}>({});
	const latest = useEffectEvent(() => job);
	useEffect(() => {
		let live = true;
		const run = latest();
		reader
			.run(lane, query => run(query))
			.then(
				data => {
					if (live) setAnswer({key, data});
				},
				(error: unknown) => {
					if (live) setAnswer(previous => ({...previous, key, error: String(error)}));
				},
			);
		return () => {
			live = false;
		};
	}, [reader, lane, key]);
	return {data: answer.data, error: answer.error, loading: answer.key !== key};
}

export const useCount = (filter: FilterState): Loaded<Counts> =>
	useLoaded('count', JSON.stringify(filter), query => loadCounts(query, filter));

export const useFacets = (filter: FilterState, limit: number): Loaded<FacetList[]> =>
	useLoaded('facets', JSON.stringify([filter, limit]), query => loadFacets(query, filter, limit));

export const useTimeline = (filter: FilterState, columns: number): Loaded<Timeline | null> =>
	useLoaded('timeline', JSON.stringify([filter, columns]), query => loadTimeline(query, filter, columns));

export const usePage = (
	filter: FilterState,
	order: 'desc' | 'asc',
	request: PageRequest,
	limit: number,
): Loaded<PageData> =>
	useLoaded('page', JSON.stringify([filter, order, request, limit]), query =>
		loadPage(query, filter, order, request, limit),
	);

export const useRecord = (eventID: string, eventTime?: Date): Loaded<EventRecord | null> =>
	useLoaded('record', JSON.stringify([eventID, eventTime]), query => loadEvent(query, eventID, eventTime));
