/**
 * The request each read slot wants for a state: a key that captures everything its job depends on. The data hooks
 * run a job when a key changes; an answer whose key differs from the wanted one is shown as loading. Pure.
 */
import {loaded, type Loaded} from '../model/data.js';
import {changeFor, changeHeight} from '../model/inventory.js';
import type {Slots} from './actions.js';
import type {UiState} from './state.js';

/** The read lane each slot runs on. */
export const LANES: Record<keyof Slots, string> = {
	counts: 'count',
	facets: 'facets',
	timeline: 'timeline',
	page: 'page',
	record: 'record',
	frequency: 'frequency',
	lineage: 'lineage',
	sessions: 'sessions',
	findings: 'findings',
	inventory: 'inventory',
	dossier: 'dossier',
	change: 'change',
	annotations: 'annotations',
	markers: 'markers',
	marks: 'marks',
	findingBuckets: 'finding-buckets',
	find: 'find',
};

/** The slots, in the order their jobs start. */
export const SLOTS = Object.keys(LANES) as Array<keyof Slots>;

/** Whether the record view (or the help over it) is on screen, so that the record is read. */
export function showsRecord(state: UiState): boolean {
	return state.mode === 'record' || state.helpReturn === 'record';
}

/** Lines of JSON the record view shows: its height less the change section of the record on screen. */
export function recordBodyHeight(state: UiState): number {
	const change = changeFor(state.data.change.data, state.record?.eventID);
	return Math.max(1, state.box.recordHeight - changeHeight(change, state.box.recordHeight));
}

/** Whether `mode` is on screen (or under the help). */
function shows(state: UiState, mode: UiState['mode']): boolean {
	return state.mode === mode || (state.mode === 'help' && state.helpReturn === mode);
}

/** The wanted key of every slot (undefined: nothing wanted). */
export function dataKeys(state: UiState): Record<keyof Slots, string | undefined> {
	const {filter, box} = state;
	const timeline = JSON.stringify([filter, box.mainWidth]);
	return {
		counts: JSON.stringify(filter),
		facets: JSON.stringify([filter, box.facetLimit]),
		timeline,
		page: JSON.stringify([
			filter,
			state.order,
			state.page,
			Math.max(1, box.pageSize),
			state.table.sort,
			state.find?.text,
		]),
		record:
			showsRecord(state) && state.record ? JSON.stringify([state.record.eventID, state.record.eventTime]) : undefined,
		frequency: state.frequency ? JSON.stringify(['frequency', state.frequency.field, filter]) : undefined,
		lineage: shows(state, 'lineage') && state.lineage ? JSON.stringify(state.lineage.eventID) : undefined,
		sessions: shows(state, 'sessions') ? 'sessions' : undefined,
		findings: shows(state, 'findings') ? 'findings' : undefined,
		inventory: state.inventory ? JSON.stringify(state.inventory.until ?? null) : undefined,
		dossier: state.inventory?.dossier ? JSON.stringify(state.inventory.dossier.deviceId) : undefined,
		change:
			showsRecord(state) && state.record ? JSON.stringify([state.record.eventID, state.record.eventTime]) : undefined,
		find: state.find?.request
			? JSON.stringify([filter, state.order, state.table.sort, state.find.text, state.find.request])
			: undefined,
		...marksKeys(state, timeline),
	};
}

/** The events the gutter's markers are read for: the rows of the page on screen, and the record shown. */
export function markerIds(state: UiState): string[] {
	const ids = (state.data.page.data?.rows ?? []).map(row => row.eventID);
	if (showsRecord(state) && state.record) ids.push(state.record.eventID);
	return ids;
}

/**
 * The keys of the marks and findings reads: whether the case holds any (again after each mark saved); the gutter's
 * markers for the events on screen and the record shown; the marks list while shown; the findings row for the bars
 * shown, once they are the filter's. The markers and the row are read only when the case holds marks or findings.
 */
function marksKeys(state: UiState, timeline: string) {
	const {data} = state;
	const version = data.marksVersion;
	const any = data.annotations.data;
	const ids = markerIds(state);
	const bars = data.timeline.key === timeline ? data.timeline.data : undefined;
	return {
		annotations: JSON.stringify(['annotations', version]),
		markers: any && any.marks + any.findingEvents > 0 && ids.length > 0 ? JSON.stringify([ids, version]) : undefined,
		marks: shows(state, 'marks') ? JSON.stringify(['marks', version]) : undefined,
		findingBuckets:
			any && any.findingEvents > 0 && bars
				? JSON.stringify([state.filter, bars.bucket.name, bars.from, bars.until, bars.starts.length])
				: undefined,
	};
}

/** Every slot as its pane shows it. */
export type ShownSlots = {[K in keyof Slots]: Loaded<Slots[K]>};

/** Every slot as its pane shows it: the data, and whether the wanted answer is still on its way. */
export function shownSlots(state: UiState): ShownSlots {
	const keys = dataKeys(state);
	const {data} = state;
	return {
		counts: loaded(data.counts, keys.counts),
		facets: loaded(data.facets, keys.facets),
		timeline: loaded(data.timeline, keys.timeline),
		page: loaded(data.page, keys.page),
		record: loaded(data.record, keys.record),
		frequency: loaded(data.frequency, keys.frequency),
		lineage: loaded(data.lineage, keys.lineage),
		sessions: loaded(data.sessions, keys.sessions),
		findings: loaded(data.findings, keys.findings),
		inventory: loaded(data.inventory, keys.inventory),
		dossier: loaded(data.dossier, keys.dossier),
		change: loaded(data.change, keys.change),
		annotations: loaded(data.annotations, keys.annotations),
		markers: loaded(data.markers, keys.markers),
		marks: loaded(data.marks, keys.marks),
		findingBuckets: loaded(data.findingBuckets, keys.findingBuckets),
		find: loaded(data.find, keys.find),
	};
}
