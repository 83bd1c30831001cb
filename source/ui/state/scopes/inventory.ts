/**
 * The inventory's keys (D in browse): move over the projects, placements and devices, Enter on a device opens its
 * dossier, Esc closes. The dossier's: move over the events that touched the device, Enter opens one as a record
 * (whose back returns here), Esc goes back to the inventory.
 */
import type {ActionName} from '../../keys/bindings.js';
import {step, type ScopeHandler} from '../actions.js';
import {clamp, listMove} from '../moves.js';
import type {UiState} from '../state.js';

const MOVES: readonly ActionName[] = ['up', 'down', 'page-up', 'page-down', 'top', 'bottom'];

/** The inventory as of the end of the time filter (its until chip), or after the newest event. */
export function openInventory(state: UiState): UiState {
	const until = state.filter.chips.find(chip => chip.kind === 'until');
	const at = until ? until.time.toISOString().replace(/Z$/, '000Z') : undefined;
	return {...state, mode: 'inventory', inventory: {cursor: 0, ...(at ? {until: at} : {})}};
}

/** A cursor after a move key, with PgUp/PgDn a page of the list's height. */
function moved(state: UiState, action: ActionName, cursor: number, last: number): number | undefined {
	const page = Math.max(1, state.box.bodyHeight - 3);
	if (action === 'page-up') return clamp(cursor - page, last);
	if (action === 'page-down') return clamp(cursor + page, last);
	return listMove(action, cursor, last);
}

export const inventoryScope: ScopeHandler = {
	actions: [...MOVES, 'open', 'back'],
	handle(state, action) {
		const place = state.inventory;
		if (!place || action === 'back') return step({...state, mode: 'browse', inventory: undefined});
		const rows = state.data.inventory.data?.rows ?? [];
		const last = rows.length - 1;
		const cursor = clamp(place.cursor, last);
		const to = moved(state, action, cursor, last);
		if (to !== undefined) return step({...state, inventory: {...place, cursor: to}});
		if (action !== 'open') return step(state);
		const deviceId = rows[cursor]?.deviceId;
		if (deviceId === undefined) return step({...state, message: 'Enter on a device opens its dossier'});
		return step({...state, mode: 'dossier', inventory: {...place, cursor, dossier: {deviceId, cursor: 0}}});
	},
};

export const dossierScope: ScopeHandler = {
	actions: [...MOVES, 'open', 'back'],
	handle(state, action) {
		const place = state.inventory;
		const dossier = place?.dossier;
		if (!place || !dossier || action === 'back')
			return step({...state, mode: 'inventory', ...(place ? {inventory: {...place, dossier: undefined}} : {})});
		const events = state.data.dossier.data?.events ?? [];
		const last = events.length - 1;
		const cursor = clamp(dossier.cursor, last);
		const to = moved(state, action, cursor, last);
		if (to !== undefined) return step({...state, inventory: {...place, dossier: {...dossier, cursor: to}}});
		const event = events[cursor];
		if (action !== 'open' || !event) return step(state);
		// Its time speeds up the record's lookup, when a Date holds it exactly (nothing past the millisecond).
		const eventTime = /^0*$/.test(/\.\d{3}(\d*)Z$/.exec(event.eventTime)?.[1] ?? '')
			? new Date(event.eventTime)
			: new Date(Number.NaN);
		return step({
			...state,
			mode: 'record',
			inventory: {...place, dossier: {...dossier, cursor}},
			record: {
				eventID: event.eventID,
				...(Number.isNaN(eventTime.getTime()) ? {} : {eventTime}),
				line: 0,
				top: 0,
				back: 'dossier',
			},
		});
	},
};
