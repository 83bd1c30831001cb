/**
 * The record view's keys: scroll the JSON lines (wrapped, or sideways with h and l), find in them, go back, pivot on
 * the record's principal, device, eventName, source IP or the minutes around it, and copy the value on the cursor
 * line or the whole record (a copy effect).
 */
import {PIVOTS} from '../../../events/columns.js';
import {hasChip, type Chip, type FilterState} from '../../../query/filters.js';
import type {ActionName} from '../../keys/bindings.js';
import {AROUND_MINUTES, aroundChips} from '../../filter-prompt.js';
import {copyText} from '../../json-lines.js';
import {stringifyJson} from '../../json/stringify.js';
import {step, type ScopeHandler, type Step} from '../actions.js';
import {markPrompt} from '../marking.js';
import {findAgain} from '../find.js';
import {back, openPrompt, pivotTo} from '../moves.js';
import {linesInView, moveRecordTo, scrollSideways, toggleLayout} from '../record-layout.js';
import type {UiState} from '../state.js';

export const recordScope: ScopeHandler = {
	actions: [
		'back',
		'up',
		'down',
		'page-up',
		'page-down',
		'top',
		'bottom',
		...PIVOTS.map(({name}): ActionName => `pivot-${name}`),
		'pivot-around',
		'copy-value',
		'copy-record',
		'open-lineage',
		'mark-event',
		'find',
		'find-next',
		'find-previous',
		'toggle-wrap',
		'left',
		'right',
	],
	handle(state, action) {
		const place = state.record;
		if (action === 'back') {
			// A hop's issuing event opened from the lineage tree: back to the tree, over the record it came from.
			if (place?.back === 'lineage' && state.lineage)
				return step({...state, mode: 'lineage', record: state.lineage.from});
			// An event opened from a device's dossier: back to the dossier.
			if (place?.back === 'dossier' && state.inventory?.dossier)
				return step({...state, mode: 'dossier', record: undefined});
			if (place?.back === 'marks') return step({...state, mode: 'marks', record: undefined});
			return step(back(state));
		}
		if (action === 'mark-event') return step(markPrompt(state, place?.eventID));
		if (action === 'open-lineage') return step(openLineage(state));
		if (action === 'copy-value' || action === 'copy-record') return copy(state, action);
		if (!place) return step({...state, mode: 'browse'});
		const lines = state.data.record.data?.lines.length ?? 0;
		const move = (line: number): Step => step(moveRecordTo(state, line));
		switch (action) {
			case 'up':
				return move(place.line - 1);
			case 'down':
				return move(place.line + 1);
			case 'page-up':
				return move(place.line - linesInView(state, Math.max(0, place.top - 1)));
			case 'page-down':
				return move(place.line + linesInView(state, place.top));
			case 'top':
				return move(0);
			case 'bottom':
				return move(lines - 1);
			case 'find':
				return step(openPrompt(state, {kind: 'find', text: ''}));
			case 'find-next':
			case 'find-previous':
				return findAgain(state, action === 'find-next' ? 'next' : 'previous', 'record');
			case 'toggle-wrap':
				return step(toggleLayout(state));
			case 'left':
			case 'right':
				return step(scrollSideways(state, action === 'left' ? -1 : 1));
			default:
				return step(action.startsWith('pivot-') ? pivot(state, action) : state);
		}
	},
};

/** Opens the lineage tree of the record on screen (of the record it came from, for a hop's issuing event). */
function openLineage(state: UiState): UiState {
	const place = state.record;
	if (!place) return state;
	if (place.back === 'lineage' && state.lineage) return {...state, mode: 'lineage', record: state.lineage.from};
	return {...state, mode: 'lineage', lineage: {eventID: place.eventID, cursor: 0, from: place}};
}

/** Copies the value on the cursor line, or the whole record as JSON, and says how many bytes. */
function copy(state: UiState, action: 'copy-value' | 'copy-record'): Step {
	const data = state.data.record.data;
	if (!data) return step(state);
	const text =
		action === 'copy-record'
			? stringifyJson(data.record.raw)
			: copyText(data.lines[state.record?.line ?? 0]?.value ?? null);
	const what = action === 'copy-record' ? 'the record' : 'the value';
	const message = `copied ${what} (${Buffer.byteLength(text).toLocaleString('en-US')} bytes)`;
	return step({...state, message}, {type: 'copy', text});
}

/** Replaces the filter with the record's principal, device, eventName, source IP or the minutes around it. */
function pivot(state: UiState, name: ActionName): UiState {
	const summary = state.data.record.data?.summary;
	if (!summary) return state;
	let chips: Chip[];
	const column = PIVOTS.find(p => `pivot-${p.name}` === name);
	if (column) {
		const value = summary[column.name];
		if (value === null && column.use.missing) return {...state, message: column.use.missing};
		chips = [{kind: 'field', field: column.name, value, exclude: false}];
	} else {
		const t = summary.eventTime.getTime();
		const width = AROUND_MINUTES * 60_000;
		chips = aroundChips(new Date(t - width), new Date(t + width), state.zone);
	}
	const filter: FilterState = {chips};
	const same = chips.every(chip => hasChip(state.filter, chip)) && chips.length === state.filter.chips.length;
	return pivotTo(state, same ? state.filter : filter);
}
