/**
 * Find (`/`, then `n` and `N`), as less and vim have it: in the events table, a read from the cursor's row (state
 * `find.request`, answered in `data.find`, then the cursor moves to the row found); in the record view, over the
 * record's lines at once. One text for both: `n` in a record opened from a find looks for the same text. Pure.
 */
import type {FindAnswer} from '../model/data.js';
import {findLine} from '../find-lines.js';
import {step, type Step} from './actions.js';
import {moveRecordTo} from './record-layout.js';
import type {FindRequest, UiState} from './state.js';

/** What the status bar says when a search went around an end (vim's words). */
export function wrapMessage(direction: 'next' | 'previous'): string {
	return direction === 'next' ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM';
}

/** Nothing contains the text. */
export function notFound(text: string): string {
	return `not found: ${text}`;
}

/** Starts a find of `text` from the cursor (its row or line itself included), in the events table or the record. */
export function startFind(state: UiState, text: string, where: 'browse' | 'record'): Step {
	const found = {...state, find: {text}};
	return where === 'record' ? findInRecord(found, 'next', true) : step(requestFind(found, 'next', true));
}

/** `n` (next) or `N` (previous): the same text again, from the cursor, in the events table or the record. */
export function findAgain(state: UiState, direction: 'next' | 'previous', where: 'browse' | 'record'): Step {
	if (!state.find) return step({...state, message: 'nothing to find yet: / to find'});
	return where === 'record' ? findInRecord(state, direction, false) : step(requestFind(state, direction, false));
}

/** Asks for the next or previous row containing the find's text, from the events table's cursor row. */
function requestFind(state: UiState, direction: 'next' | 'previous', inclusive: boolean): UiState {
	if (!state.find) return state;
	const page = state.data.page.data;
	const from = page && page.seq === state.page.seq ? page.rows[Math.min(state.row, page.rows.length - 1)] : undefined;
	const request: FindRequest = {direction, inclusive, ...(from ? {from} : {})};
	// A new request is answered by a read (or the kept answer): drop the answer to the last one.
	return {
		...state,
		mode: 'browse',
		focus: 'events',
		find: {...state.find, request},
		data: {...state.data, find: {}},
	};
}

/** The find's answer arrived (for the request still wanted): move the events table's cursor to the row found. */
export function foundAt(state: UiState, answer: FindAnswer): UiState {
	const find = state.find;
	if (!find?.request) return state;
	const direction = find.request.direction;
	const done = {...state, find: {text: find.text}};
	const found = answer.found;
	if (!found) return {...done, message: notFound(find.text)};
	const message = answer.wrapped ? wrapMessage(direction) : undefined;
	const page = state.data.page.data;
	const index = page && page.seq === state.page.seq ? page.rows.findIndex(r => r.eventID === found.row.eventID) : -1;
	if (index >= 0) return {...done, row: index, message};
	// On the first page: show that page (the rows above the match too), the cursor on the match.
	const place = found.place;
	if ('top' in place && place.top < state.box.pageSize)
		return {...done, page: {seq: state.page.seq + 1, direction: 'forward'}, row: place.top, message};
	const request = {
		seq: state.page.seq + 1,
		anchor: found.row,
		direction: 'forward' as const,
		inclusive: true,
		at: found.place,
	};
	return {...done, page: request, row: 0, message};
}

/** The cursor line moved to the next or previous line of the record containing the find's text. */
function findInRecord(state: UiState, direction: 'next' | 'previous', inclusive: boolean): Step {
	const place = state.record;
	const lines = state.data.record.data?.lines;
	const text = state.find?.text;
	if (!place || !lines || text === undefined) return step({...state, mode: 'record'});
	const shown = {...state, mode: 'record' as const};
	const hit = findLine(lines, text, place.line, direction, inclusive);
	if (!hit) return step({...shown, message: notFound(text)});
	const moved = moveRecordTo(shown, hit.line);
	return step({...moved, message: hit.wrapped ? wrapMessage(direction) : undefined});
}
