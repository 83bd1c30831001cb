/**
 * The events table's keys: move over rows (keyset paging past the page's edges), open a record, flip the order;
 * the column keys (choose, order, hide, sort by) are in table-columns.ts.
 */
import {placeAfter} from '../../model/position.js';
import {step, type ScopeHandler} from '../actions.js';
import {markPrompt} from '../marking.js';
import {columnAction, COLUMN_ACTIONS} from '../table-columns.js';

export const eventsScope: ScopeHandler = {
	actions: [
		'up',
		'down',
		'page-up',
		'page-down',
		'top',
		'bottom',
		'open',
		'toggle-order',
		'mark-event',
		...COLUMN_ACTIONS,
	],
	handle(state, action) {
		if ((COLUMN_ACTIONS as readonly string[]).includes(action))
			return step(columnAction(state, action as (typeof COLUMN_ACTIONS)[number]));
		const page = state.data.page.data;
		// Moving over rows needs the page the request asked for; until it lands, wait.
		const ready = page !== undefined && page.seq === state.page.seq;
		const rows = ready ? page.rows : [];
		const last = Math.max(0, rows.length - 1);
		const row = Math.min(state.row, last);
		const seq = state.page.seq + 1;
		// The anchor row's place, so that the next page knows its own (the "row k of N" indicator).
		const at = (index: number) => (ready && page.first ? {at: placeAfter(page.first, index)} : {});
		switch (action) {
			case 'toggle-order':
				return step({
					...state,
					order: state.order === 'desc' ? 'asc' : 'desc',
					page: {seq, direction: 'forward'},
					row: 0,
				});
			case 'top':
				return step({...state, page: {seq, direction: 'forward'}, row: 0});
			case 'bottom':
				return step({...state, page: {seq, direction: 'backward'}, row: Math.max(0, state.box.pageSize - 1)});
			default:
				break;
		}
		if (!ready) return step(state);
		switch (action) {
			case 'down':
				if (row < last) return step({...state, row: row + 1});
				if (page.moreAfter && rows[0])
					return step({...state, page: {seq, anchor: rows[0], direction: 'forward', ...at(0)}, row});
				return step({...state, row});
			case 'up':
				if (row > 0) return step({...state, row: row - 1});
				if (page.moreBefore && rows[last])
					return step({...state, page: {seq, anchor: rows[last], direction: 'backward', ...at(last)}, row: 0});
				return step({...state, row: 0});
			case 'page-down':
				if (page.moreAfter && rows[last])
					return step({...state, page: {seq, anchor: rows[last], direction: 'forward', ...at(last)}, row});
				return step({...state, row: last});
			case 'page-up':
				if (page.moreBefore && rows[0])
					return step({...state, page: {seq, anchor: rows[0], direction: 'backward', ...at(0)}, row});
				return step({...state, row: 0});
			case 'mark-event':
				return step(markPrompt(state, rows[row]?.eventID));
			case 'open': {
				const selected = rows[row];
				if (!selected) return step(state);
				const record = {eventID: selected.eventID, eventTime: selected.eventTime, line: 0, top: 0};
				return step({...state, mode: 'record', record});
			}
			default:
				return step(state);
		}
	},
};
