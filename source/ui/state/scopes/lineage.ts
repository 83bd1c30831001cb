/**
 * The lineage tree's keys: move between the hops, open the raw record of the event that issued a key, pivot to the
 * IoT events made with a hop's key or by the principal that held it, and go back to the record.
 */
import type {Chip} from '../../../query/filters.js';
import type {LineageRow} from '../../model/lineage.js';
import {step, type ScopeHandler} from '../actions.js';
import {clamp, pivotTo} from '../moves.js';
import type {UiState} from '../state.js';

export const lineageScope: ScopeHandler = {
	actions: ['up', 'down', 'top', 'bottom', 'open', 'pivot-access-key', 'pivot-principal', 'back'],
	handle(state, action) {
		const place = state.lineage;
		if (!place || action === 'back')
			return step({...state, mode: 'record', record: place?.from ?? state.record, lineage: undefined});
		const rows = state.data.lineage.data?.rows ?? [];
		const last = rows.length - 1;
		const cursor = clamp(place.cursor, last);
		const at = (next: number) => step({...state, lineage: {...place, cursor: clamp(next, last)}});
		const row = rows[cursor];
		switch (action) {
			case 'up':
				return at(cursor - 1);
			case 'down':
				return at(cursor + 1);
			case 'top':
				return at(0);
			case 'bottom':
				return at(last);
			case 'open':
				return step(openHop(state, row));
			case 'pivot-access-key':
			case 'pivot-principal':
				return step(pivot(state, row, action));
			default:
				return step(state);
		}
	},
};

/** The raw record of the event that issued the selected key (back returns to the tree). */
function openHop(state: UiState, row: LineageRow | undefined): UiState {
	if (!row) return state;
	if (row.kind === 'origin')
		return {...state, message: 'the origin is an identity: Enter on a key opens its issuing event'};
	if (!row.issuedBy) return {...state, message: 'the event that issued this key is not in the loaded logs'};
	const eventTime = new Date(row.issuedBy.eventTime);
	return {
		...state,
		mode: 'record',
		record: {
			eventID: row.issuedBy.eventID,
			...(Number.isNaN(eventTime.getTime()) ? {} : {eventTime}),
			line: 0,
			top: 0,
			back: 'lineage',
		},
	};
}

/** The IoT events made with the selected key, or by the principal that held it (the origin's principal). */
export function pivot(
	state: UiState,
	row: LineageRow | undefined,
	action: 'pivot-access-key' | 'pivot-principal',
): UiState {
	if (!row) return state;
	let chip: Chip;
	if (action === 'pivot-access-key') {
		if (!row.accessKeyId) return {...state, message: 'no access key on this row'};
		chip = {kind: 'field', field: 'accessKeyId', value: row.accessKeyId, exclude: false};
	} else {
		const principal = row.kind === 'key' ? row.holder : row.origin.principal;
		chip = {kind: 'field', field: 'principal', value: principal, exclude: false};
	}
	return pivotTo(state, {chips: [chip]});
}
