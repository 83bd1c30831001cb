/**
 * The request each read slot wants for a state: a key that captures everything its job depends on. The data hooks
 * run a job when a key changes; an answer whose key differs from the wanted one is shown as loading. Pure.
 */
import {loaded, type Loaded} from '../model/data.js';
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
	find: 'find',
};

/** The slots, in the order their jobs start. */
export const SLOTS = Object.keys(LANES) as Array<keyof Slots>;

/** Whether the record view (or the help over it) is on screen, so that the record is read. */
export function showsRecord(state: UiState): boolean {
	return state.mode === 'record' || state.helpReturn === 'record';
}

/** Whether `mode` is on screen (or under the help). */
function shows(state: UiState, mode: UiState['mode']): boolean {
	return state.mode === mode || (state.mode === 'help' && state.helpReturn === mode);
}

/** The wanted key of every slot (undefined: nothing wanted). */
export function dataKeys(state: UiState): Record<keyof Slots, string | undefined> {
	const {filter, box} = state;
	return {
		counts: JSON.stringify(filter),
		facets: JSON.stringify([filter, box.facetLimit]),
		timeline: JSON.stringify([filter, box.mainWidth]),
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
		find: state.find?.request
			? JSON.stringify([filter, state.order, state.table.sort, state.find.text, state.find.request])
			: undefined,
	};
}

/** Every slot as its pane shows it: the data, and whether the wanted answer is still on its way. */
export function shownSlots(state: UiState): {[K in keyof Slots]: Loaded<Slots[K]>} {
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
		find: loaded(data.find, keys.find),
	};
}
