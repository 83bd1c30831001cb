/**
 * The record view's scrolling over lines of different heights (a wrapped long value takes several screen lines):
 * move the cursor line and keep it in view, page by what fits, scroll sideways, switch layouts. Pure.
 */
import {contentRoom, lineHeight} from '../record-lines.js';
import {recordBodyHeight} from './data-keys.js';
import type {UiState} from './state.js';

/** Lines and sizes of the record on screen. */
function view(state: UiState) {
	const lines = state.data.record.data?.lines ?? [];
	const width = state.box.columns;
	const height = recordBodyHeight(state);
	const rows = (i: number) => lineHeight(lines[i]!, state.recordLayout, width, height);
	return {lines, width, height, rows};
}

/** How many lines from `top` fit in the view (at least one). */
export function linesInView(state: UiState, top: number): number {
	const {lines, height, rows} = view(state);
	let used = 0;
	let count = 0;
	for (let i = top; i < lines.length; i++) {
		used += rows(i);
		if (used > height) break;
		count++;
	}
	return Math.max(1, count);
}

/** The record view with its cursor on line `target` (clamped), scrolled so that the line is in view. */
export function moveRecordTo(state: UiState, target: number): UiState {
	const place = state.record;
	if (!place) return state;
	const {lines, height, rows} = view(state);
	const last = Math.max(0, lines.length - 1);
	const line = Math.max(0, Math.min(last, target));
	let top = Math.min(place.top, last);
	if (line < top) top = line;
	while (top < line && span(rows, top, line) > height) top++;
	// No blank space below the last line while earlier lines would fit there.
	while (top > 0 && span(rows, top - 1, last, height + 1) <= height) top--;
	return {...state, record: {...place, line, top}};
}

/** Screen lines of lines `from`..`to`, counted only until they pass `limit`. */
function span(rows: (i: number) => number, from: number, to: number, limit = Infinity): number {
	let used = 0;
	for (let i = from; i <= to && used <= limit; i++) used += rows(i);
	return used;
}

/** Sideways: scroll the lines left or right by half the view's width (less -S), never before the start. */
export function scrollSideways(state: UiState, direction: -1 | 1): UiState {
	const place = state.record;
	if (!place) return state;
	if (state.recordLayout === 'wrap') return {...state, message: 'lines wrap: w to scroll them sideways instead'};
	const {lines, width} = view(state);
	const line = lines[place.line];
	const step = Math.max(1, Math.floor((line ? contentRoom(line, width) : width) / 2));
	const left = Math.max(0, (place.left ?? 0) + direction * step);
	return {...state, record: {...place, left}};
}

/** `w`: wrapped long lines or one screen line each, scrolled sideways; the cursor line stays in view. */
export function toggleLayout(state: UiState): UiState {
	const recordLayout = state.recordLayout === 'wrap' ? 'sideways' : 'wrap';
	const message = recordLayout === 'wrap' ? 'long lines wrap' : 'long lines scroll sideways: h and l (or ← →)';
	const place = state.record;
	const toggled = {...state, recordLayout, message} as const;
	if (!place) return toggled;
	return moveRecordTo({...toggled, record: {...place, left: 0}}, place.line);
}
