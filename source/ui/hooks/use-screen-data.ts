/**
 * Everything the screen reads, dispatched into state as it arrives: the terminal's size, the five read slots
 * (counts, facets, timeline, page, record; their keys from data-keys.ts), the newest event's time, the console's
 * completion names and history, the saved views. Answers kept from before are resolved at once, in the same change.
 */
import {useEffect, useRef} from 'react';
import type {Job, ReadLanes} from '../../store/reader.js';
import {NO_COMPLETIONS} from '../console/complete.js';
import {loadCompletions} from '../reads/completions.js';
import {loadCounts} from '../reads/counts.js';
import {loadFacets, loadFrequency} from '../reads/facets.js';
import {loadFind} from '../reads/find.js';
import {loadFindings} from '../reads/findings.js';
import {loadChange, loadDossier, loadInventory} from '../reads/inventory.js';
import {loadLineage, loadSessions} from '../reads/lineage.js';
import {loadAnnotations, loadFindingBuckets, loadMarkers, loadMarks} from '../reads/marks.js';
import {loadNewest} from '../reads/newest.js';
import {loadPage} from '../reads/page.js';
import {loadRecord} from '../reads/record.js';
import {loadTimeline} from '../reads/timeline.js';
import type {LoadedAction, Slots, UiAction} from '../state/actions.js';
import {dataKeys, LANES, markerIds, SLOTS} from '../state/data-keys.js';
import type {Dispatch, ScreenStore} from '../state/screen-store.js';
import type {UiState} from '../state/state.js';
import {answerCacheOf} from './answer-cache.js';
import {useCaseStore} from './case-store-context.js';
import {useReader} from './reader-context.js';
import {useJob, type JobAnswer} from './use-job.js';
import {useTerminalSize} from './use-terminal-size.js';

/** Reads what `state` shows into the screen's state container; a `notice` that arrives later becomes the message. */
export function useScreenData(screen: ScreenStore, state: UiState, notice?: string): void {
	const reader = useReader();
	const dispatch = screen.dispatch;
	const keys = dataKeys(state);
	const {filter, box, record} = state;
	const slot = <K extends keyof Slots>(name: K, job: Job<Slots[K]>) =>
		[
			LANES[name],
			keys[name],
			job,
			arrived(dispatch, name),
			keys[name] !== undefined && state.data[name].key === keys[name],
		] as const;

	const size = useTerminalSize();
	useEffect(() => dispatch({type: 'resized', ...size}), [dispatch, size]);
	useEffect(() => screen.resolveWith(kept(reader)), [screen, reader]);

	// Counts, facets and the timeline read the case file's summaries when they are fresh (tools.summaries).
	useJob(...slot('counts', (query, t) => loadCounts(query, filter, state.data.counts.data?.total, t.summaries)));
	useJob(...slot('facets', (query, t) => loadFacets(query, filter, box.facetLimit, t.summaries)));
	useJob(...slot('timeline', (query, t) => loadTimeline(query, filter, box.mainWidth, t.summaries)));
	useJob(
		...slot('page', query =>
			loadPage(query, filter, state.order, state.page, box.pageSize, state.table.sort, state.find?.text),
		),
	);
	useJob(...slot('frequency', (query, t) => loadFrequency(query, state.frequency!.field, filter, t.summaries)));
	useJob(...slot('record', query => loadRecord(query, record!.eventID, record!.eventTime)));
	useJob(...slot('lineage', query => loadLineage(query, state.lineage!.eventID)));
	useJob(...slot('sessions', loadSessions));
	useJob(...slot('findings', loadFindings));
	useJob(...slot('inventory', query => loadInventory(query, state.inventory!.until)));
	useJob(...slot('dossier', query => loadDossier(query, state.inventory!.dossier!.deviceId)));
	useJob(...slot('change', query => loadChange(query, record!.eventID, record!.eventTime)));
	// Marks and findings beside the panes: the gutter's markers for the rows (and record) on screen, the marks list,
	// and the findings row under the bars that are the filter's (data-keys.ts says when each is wanted).
	useJob(...slot('annotations', loadAnnotations));
	useJob(...slot('markers', query => loadMarkers(query, markerIds(state))));
	useJob(...slot('marks', loadMarks));
	const bars = state.data.timeline.data;
	useJob(...slot('findingBuckets', query => (bars ? loadFindingBuckets(query, filter, bars) : Promise.resolve([]))));
	const find = state.find;
	useJob(...slot('find', query => loadFind(query, filter, state.order, state.table.sort, find!.text, find!.request!)));
	useJob<Date | null>('newest', 'newest', loadNewest, answer =>
		dispatch({type: 'newest-loaded', newest: 'data' in answer ? (answer.data ?? undefined) : undefined}),
	);
	const completions = state.mode === 'console' || state.data.completions !== NO_COMPLETIONS;
	useJob('complete', completions ? 'once' : undefined, loadCompletions, answer => {
		if ('data' in answer) dispatch({type: 'completions-loaded', completions: answer.data});
	});
	useStoreLists(dispatch, state);
	const shownNotice = useRef(notice);
	useEffect(() => {
		// The case file opens after the first frame: a notice about how it opened arrives then.
		if (notice === undefined || notice === shownNotice.current) return;
		shownNotice.current = notice;
		dispatch({type: 'message', text: notice});
	}, [notice, dispatch]);
}

/** The dispatch of a slot's answer: `<slot>-loaded`, or `load-failed`. */
function arrived<K extends keyof Slots>(dispatch: Dispatch, slot: K) {
	return (answer: JobAnswer<Slots[K]>) =>
		dispatch(
			'error' in answer
				? {type: 'load-failed', slot, key: answer.key, error: answer.error}
				: ({type: `${slot}-loaded`, key: answer.key, data: answer.data} as LoadedAction),
		);
}

/** The answers kept for the keys a state wants (only while the events cannot change). */
function kept(reader: ReadLanes) {
	return (state: UiState): UiAction[] => {
		if (!reader.stable) return [];
		const cache = answerCacheOf(reader);
		const keys = dataKeys(state);
		const out: UiAction[] = [];
		for (const slot of SLOTS) {
			const key = keys[slot];
			if (key === undefined || state.data[slot].key === key) continue;
			const hit = cache.get(LANES[slot], key);
			if (hit) out.push({type: `${slot}-loaded`, key, data: hit.data} as LoadedAction);
		}
		return out;
	};
}

/** The console's history (once) and the saved views (while listed; again after a change), from the case file. */
function useStoreLists(dispatch: Dispatch, state: UiState): void {
	const store = useCaseStore();
	const listing = (state.mode === 'prompt' ? (state.prompt?.returnTo ?? 'browse') : state.mode) === 'views';
	const version = state.data.views.version;
	useEffect(() => {
		let live = true;
		store?.listHistory().then(
			history => {
				if (live) dispatch({type: 'history-loaded', history});
			},
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, [store, dispatch]);
	useEffect(() => {
		if (!listing || !store) return;
		let live = true;
		store.listViews().then(
			list => {
				if (live) dispatch({type: 'views-loaded', list});
			},
			(error: unknown) => {
				if (live)
					dispatch({type: 'views-loaded', list: [], error: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			live = false;
		};
	}, [store, listing, version, dispatch]);
}
