/**
 * The screen's reducer: named actions (from the key router) and prompt input -> the next state. Pure: whatever it
 * needs of the data on screen comes in the action's view.
 */
import {
	addChip,
	clearAll,
	hasChip,
	invertChip,
	removeChip,
	toggleChip,
	type Chip,
	type FilterState,
} from '../../query/filters.js';
import {PANES, type ActionName} from '../keys/bindings.js';
import {AROUND_MINUTES, aroundChips, parseFilterPrompt, timeChip} from '../filter-prompt.js';
import {filterAsSql} from '../../query/sql-view.js';
import {consoleCommand, consoleInput, consoleWith, type ConsoleView} from './console-reducer.js';
import type {Prompt, UiState, View} from './state.js';

/** An action of the reducer. */
export type UiAction =
	| {type: 'command'; name: ActionName; view: View}
	| {type: 'prompt-input'; text: string}
	| {type: 'set-filter'; filter: FilterState}
	| {type: 'message'; text: string | undefined}
	/** Text typed or pasted into the console. */
	| {type: 'console-input'; text: string}
	/** Open the console on some SQL. */
	| {type: 'open-console'; sql?: string}
	/** A statement started: show its result from the top. */
	| {type: 'console-ran'}
	| {type: 'close-console'}
	/** A saved view's filter: browse it. */
	| {type: 'open-filter'; filter: FilterState}
	/** The prompt's work is done (message) or failed (error, the prompt stays open). */
	| {type: 'prompt-done'; message: string}
	| {type: 'prompt-error'; error: string}
	/** The export's file exists: ask whether to replace it (the prompt keeps where it came from). */
	| {type: 'prompt-confirm-overwrite'; path: string};

/** The next state. */
export function reducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'prompt-input':
			return state.prompt
				? {...state, prompt: {...state.prompt, text: state.prompt.text + action.text, error: undefined}}
				: state;
		case 'set-filter':
			return withFilter(state, action.filter, false);
		case 'message':
			return {...state, message: action.text};
		case 'console-input':
			return {...state, console: consoleInput(state.console, action.text)};
		case 'open-console':
			return {
				...state,
				mode: 'console',
				prompt: undefined,
				console: action.sql === undefined ? state.console : consoleWith(state.console, action.sql),
			};
		case 'console-ran':
			return {...state, console: {...state.console, scroll: {row: 0, column: 0}, history: undefined, choices: []}};
		case 'close-console':
			return {...state, mode: 'browse'};
		case 'open-filter':
			return {...withFilter(state, action.filter, true), mode: 'browse', focus: 'events', prompt: undefined};
		case 'prompt-done':
			return {...state, mode: state.prompt?.returnTo ?? 'browse', prompt: undefined, message: action.message};
		case 'prompt-error':
			return state.prompt ? {...state, prompt: {...state.prompt, error: action.error}} : state;
		case 'prompt-confirm-overwrite':
			return state.prompt
				? {
						...state,
						prompt: {...state.prompt, kind: 'export-overwrite', text: '', subject: action.path, error: undefined},
					}
				: state;
		case 'command':
			return command({...state, message: undefined}, action.name, action.view);
	}
}

function command(state: UiState, name: ActionName, view: View): UiState {
	switch (name) {
		case 'quit':
			return state;
		case 'help':
			return {...state, mode: 'help', helpReturn: state.mode};
		case 'close-help':
			return {...state, mode: state.helpReturn};
		case 'focus-next':
		case 'focus-previous': {
			const step = name === 'focus-next' ? 1 : PANES.length - 1;
			return {...state, focus: PANES[(PANES.indexOf(state.focus) + step) % PANES.length]!};
		}
		case 'search':
			return {...state, mode: 'prompt', prompt: {kind: 'search', text: ''}};
		case 'add-filter':
			return {...state, mode: 'prompt', prompt: {kind: 'filter', text: ''}};
		case 'prompt-cancel':
			return {...state, mode: state.prompt?.returnTo ?? 'browse', prompt: undefined};
		case 'prompt-delete':
			return state.prompt
				? {...state, prompt: {...state.prompt, text: [...state.prompt.text].slice(0, -1).join(''), error: undefined}}
				: state;
		case 'prompt-submit':
			return submitPrompt(state, view);
		case 'clear-filters':
			return state.filter.chips.length === 0 ? state : withFilter(state, clearAll(), true);
		case 'toggle-errors':
			return withFilter(state, toggleChip(state.filter, {kind: 'errors'}), false);
		case 'back':
			return back(state);
		case 'open-console':
			return {...state, mode: 'console'};
		case 'filter-sql':
			return {...state, mode: 'console', console: consoleWith(state.console, filterAsSql(state.filter))};
		case 'open-views':
			return {...state, mode: 'views', views: {cursor: 0}};
		case 'views-close':
			return {...state, mode: 'browse'};
		case 'save-view':
			return openPrompt(state, {kind: 'view-name', text: '', source: state.mode === 'console' ? 'console' : 'filter'});
		case 'export':
			return openPrompt(state, {kind: 'export', text: '', source: state.mode === 'console' ? 'console' : 'filter'});
		default:
			break;
	}
	if (state.mode === 'console') {
		const next = consoleCommand(state.console, name, view.console ?? NO_CONSOLE_VIEW);
		return next ? {...state, console: next} : state;
	}
	if (state.mode === 'views') return viewsCommand(state, name, view);
	if (state.mode === 'record') return recordCommand(state, name, view);
	switch (state.focus) {
		case 'filters':
			return filtersCommand(state, name);
		case 'facets':
			return facetsCommand(state, name, view);
		case 'timeline':
			return timelineCommand(state, name, view);
		case 'events':
			return eventsCommand(state, name, view);
	}
}

const NO_CONSOLE_VIEW: ConsoleView = {
	history: [],
	completions: {tables: [], jsonPaths: []},
	resultRows: 0,
	resultColumns: 0,
	tableHeight: 1,
};

/** Opens a prompt that returns to the current mode when it closes. */
function openPrompt(state: UiState, prompt: Prompt): UiState {
	if (prompt.source === 'console' && prompt.kind === 'view-name' && state.console.editor.text.trim() === '') {
		return {...state, message: 'type some SQL first'};
	}
	return {...state, mode: 'prompt', prompt: {...prompt, returnTo: state.mode}};
}

function viewsCommand(state: UiState, name: ActionName, view: View): UiState {
	const names = view.views ?? [];
	const cursor = Math.max(0, Math.min(state.views.cursor, names.length - 1));
	const selected = names[cursor];
	switch (name) {
		case 'up':
			return {...state, views: {cursor: Math.max(0, cursor - 1)}};
		case 'down':
			return {...state, views: {cursor: Math.max(0, Math.min(names.length - 1, cursor + 1))}};
		case 'views-rename':
			return selected === undefined
				? state
				: openPrompt(state, {kind: 'view-rename', text: selected, subject: selected});
		case 'views-delete':
			return selected === undefined ? state : openPrompt(state, {kind: 'view-delete', text: '', subject: selected});
		default:
			return state;
	}
}

/** Sets the filter, back at the top of the events; with `remember`, the old filter can be restored with back. */
export function withFilter(state: UiState, filter: FilterState, remember: boolean): UiState {
	if (filter === state.filter) return state;
	return {
		...state,
		filter,
		history: remember ? [...state.history, state.filter].slice(-50) : state.history,
		chip: Math.max(0, Math.min(state.chip, filter.chips.length - 1)),
		timeline: {cursor: state.timeline.cursor},
		page: {seq: state.page.seq + 1, direction: 'forward'},
		row: 0,
	};
}

function back(state: UiState): UiState {
	if (state.mode === 'record') return {...state, mode: 'browse', record: undefined};
	const previous = state.history.at(-1);
	if (!previous) return state;
	return {...withFilter(state, previous, false), history: state.history.slice(0, -1)};
}

function submitPrompt(state: UiState, view: View): UiState {
	const prompt = state.prompt;
	if (!prompt) return {...state, mode: 'browse'};
	if (prompt.kind === 'view-name') {
		const name = prompt.text.trim();
		if (name === '') return {...state, prompt: {...prompt, error: 'type a name for the view'}};
		return {...state, prompt: {...prompt, kind: 'view-description', text: '', subject: name, error: undefined}};
	}
	if (prompt.kind !== 'search' && prompt.kind !== 'filter') return state; // the app does the store's part
	let chips: Chip[];
	if (prompt.kind === 'search') {
		if (prompt.text.trim() === '') return {...state, mode: 'browse', prompt: undefined};
		chips = [{kind: 'text', text: prompt.text}];
	} else {
		const result = parseFilterPrompt(prompt.text, {now: view.now, zone: view.zone});
		if ('error' in result) return {...state, prompt: {...prompt, error: result.error}};
		chips = result.chips;
	}
	const filter = chips.reduce(addChip, state.filter);
	return {...withFilter(state, filter, false), mode: 'browse', prompt: undefined};
}

function filtersCommand(state: UiState, name: ActionName): UiState {
	const count = state.filter.chips.length;
	switch (name) {
		case 'left':
			return {...state, chip: Math.max(0, state.chip - 1)};
		case 'right':
			return {...state, chip: Math.max(0, Math.min(count - 1, state.chip + 1))};
		case 'remove-chip':
			return withFilter(state, removeChip(state.filter, state.chip), false);
		case 'invert-chip':
			return withFilter(state, invertChip(state.filter, state.chip), false);
		default:
			return state;
	}
}

function facetsCommand(state: UiState, name: ActionName, view: View): UiState {
	const lists = view.facets;
	if (lists.length === 0) return state;
	const fieldAt = Math.min(state.facet.field, lists.length - 1);
	const size = (field: number) => lists[field]?.values.length ?? 0;
	const valueAt = Math.max(0, Math.min(state.facet.value, size(fieldAt) - 1));
	const at = (field: number, value: number): UiState => ({...state, facet: {field, value}});
	switch (name) {
		case 'up':
			if (valueAt > 0) return at(fieldAt, valueAt - 1);
			return fieldAt > 0 ? at(fieldAt - 1, Math.max(0, size(fieldAt - 1) - 1)) : at(0, 0);
		case 'down':
			if (valueAt < size(fieldAt) - 1) return at(fieldAt, valueAt + 1);
			return fieldAt < lists.length - 1 ? at(fieldAt + 1, 0) : at(fieldAt, valueAt);
		case 'top':
			return at(0, 0);
		case 'bottom':
			return at(lists.length - 1, Math.max(0, size(lists.length - 1) - 1));
		case 'page-down':
			return at(Math.min(lists.length - 1, fieldAt + 1), 0);
		case 'page-up':
			return at(Math.max(0, fieldAt - 1), 0);
		case 'include':
		case 'exclude': {
			const list = lists[fieldAt];
			const item = list?.values[valueAt];
			if (!list || !item) return state;
			const chip: Chip = {kind: 'field', field: list.field, value: item.value, exclude: name === 'exclude'};
			return {...withFilter(state, toggleChip(state.filter, chip), false), facet: {field: fieldAt, value: valueAt}};
		}
		default:
			return state;
	}
}

function timelineCommand(state: UiState, name: ActionName, view: View): UiState {
	const starts = view.timeline?.starts ?? [];
	const last = Math.max(0, starts.length - 1);
	const cursor = Math.min(state.timeline.cursor, last);
	switch (name) {
		case 'left':
			return {...state, timeline: {...state.timeline, cursor: Math.max(0, cursor - 1)}};
		case 'right':
			return {...state, timeline: {...state.timeline, cursor: Math.min(last, cursor + 1)}};
		case 'top':
			return {...state, timeline: {...state.timeline, cursor: 0}};
		case 'bottom':
			return {...state, timeline: {...state.timeline, cursor: last}};
		case 'mark':
			return {...state, timeline: {cursor, mark: state.timeline.mark === undefined ? cursor : undefined}};
		case 'zoom-in': {
			if (!view.timeline || starts.length === 0) return state;
			const mark = state.timeline.mark ?? cursor;
			const low = Math.min(mark, cursor);
			const high = Math.max(mark, cursor);
			const from = starts[low]!;
			const until = new Date(starts[high]!.getTime() + view.timeline.bucketMs);
			const filter = [timeChip('from', from, view.zone), timeChip('until', until, view.zone)].reduce(
				addChip,
				state.filter,
			);
			return {...withFilter(state, filter, true), timeline: {cursor: 0}};
		}
		case 'zoom-out':
			return {...back(state), timeline: {cursor: 0}};
		default:
			return state;
	}
}

function eventsCommand(state: UiState, name: ActionName, view: View): UiState {
	const page = view.page;
	// Moving over rows needs the page the request asked for; until it lands, wait.
	const ready = page !== undefined && page.seq === state.page.seq;
	const rows = ready ? page.rows : [];
	const last = Math.max(0, rows.length - 1);
	const row = Math.min(state.row, last);
	const seq = state.page.seq + 1;
	switch (name) {
		case 'toggle-order':
			return {...state, order: state.order === 'desc' ? 'asc' : 'desc', page: {seq, direction: 'forward'}, row: 0};
		case 'top':
			return {...state, page: {seq, direction: 'forward'}, row: 0};
		case 'bottom':
			return {...state, page: {seq, direction: 'backward'}, row: Math.max(0, view.pageSize - 1)};
		default:
			break;
	}
	if (!ready) return state;
	switch (name) {
		case 'down':
			if (row < last) return {...state, row: row + 1};
			if (page.moreAfter && rows[0]) return {...state, page: {seq, anchor: rows[0], direction: 'forward'}, row};
			return {...state, row};
		case 'up':
			if (row > 0) return {...state, row: row - 1};
			if (page.moreBefore && rows[last])
				return {...state, page: {seq, anchor: rows[last], direction: 'backward'}, row: 0};
			return {...state, row: 0};
		case 'page-down':
			if (page.moreAfter && rows[last]) return {...state, page: {seq, anchor: rows[last], direction: 'forward'}, row};
			return {...state, row: last};
		case 'page-up':
			if (page.moreBefore && rows[0]) return {...state, page: {seq, anchor: rows[0], direction: 'backward'}, row};
			return {...state, row: 0};
		case 'open': {
			const selected = rows[row];
			return selected
				? {
						...state,
						mode: 'record',
						record: {eventID: selected.eventID, eventTime: selected.eventTime, line: 0, top: 0},
					}
				: state;
		}
		default:
			return state;
	}
}

function recordCommand(state: UiState, name: ActionName, view: View): UiState {
	const place = state.record;
	if (!place) return {...state, mode: 'browse'};
	const lines = view.record?.lines ?? 0;
	const height = Math.max(1, view.recordHeight);
	const last = Math.max(0, lines - 1);
	const move = (line: number): UiState => {
		const target = Math.max(0, Math.min(last, line));
		let top = place.top;
		if (target < top) top = target;
		if (target >= top + height) top = target - height + 1;
		top = Math.max(0, Math.min(top, Math.max(0, lines - height)));
		return {...state, record: {...place, line: target, top}};
	};
	switch (name) {
		case 'up':
			return move(place.line - 1);
		case 'down':
			return move(place.line + 1);
		case 'page-up':
			return move(place.line - height);
		case 'page-down':
			return move(place.line + height);
		case 'top':
			return move(0);
		case 'bottom':
			return move(last);
		case 'pivot-principal':
		case 'pivot-device':
		case 'pivot-event-name':
		case 'pivot-source-ip':
		case 'pivot-around':
			return pivot(state, name, view);
		default:
			return state;
	}
}

/** Replaces the filter with the record's principal, device, eventName, source IP or the minutes around it. */
function pivot(state: UiState, name: ActionName, view: View): UiState {
	const summary = view.record?.summary;
	if (!summary) return state;
	let chips: Chip[];
	switch (name) {
		case 'pivot-principal':
			chips = [{kind: 'field', field: 'principal', value: summary.principal, exclude: false}];
			break;
		case 'pivot-device':
			if (summary.deviceId === null) return {...state, message: 'this event names no device'};
			chips = [{kind: 'field', field: 'deviceId', value: summary.deviceId, exclude: false}];
			break;
		case 'pivot-event-name':
			chips = [{kind: 'field', field: 'eventName', value: summary.eventName, exclude: false}];
			break;
		case 'pivot-source-ip':
			chips = [{kind: 'field', field: 'sourceIPAddress', value: summary.sourceIPAddress, exclude: false}];
			break;
		default: {
			const t = summary.eventTime.getTime();
			const width = AROUND_MINUTES * 60_000;
			chips = aroundChips(new Date(t - width), new Date(t + width), view.zone);
		}
	}
	const filter: FilterState = {chips};
	const same = chips.every(chip => hasChip(state.filter, chip)) && chips.length === state.filter.chips.length;
	const next = same ? state : withFilter(state, filter, true);
	return {...next, mode: 'browse', focus: 'events', record: undefined};
}
