/**
 * Marking the event under the cursor (`m`) and writing the report (`R`): the prompts they open and what their answers
 * do. Pure; the saves and the report are effects (source/ui/effects/).
 */
import path from 'node:path';
import {step, type Step} from './actions.js';
import {openPrompt} from './moves.js';
import type {Prompt, UiState} from './state.js';

/**
 * `m` on `eventID`: an unmarked event asks for a note (optional; Enter saves, Esc cancels); a marked one asks what to
 * do: `e` edits its note (the note prompt, with the note in it), `u` unmarks it.
 */
export function markPrompt(state: UiState, eventID: string | undefined): UiState {
	if (eventID === undefined) return state;
	const marker = state.data.markers.data?.[eventID];
	return marker?.marked
		? openPrompt(state, {kind: 'mark-choice', text: '', subject: eventID})
		: openPrompt(state, {kind: 'mark-note', text: '', subject: eventID});
}

/** Enter in a mark prompt: save the note, edit or unmark a marked event, delete a mark from the list. */
export function submitMark(state: UiState, open: Prompt): Step {
	const eventID = open.subject ?? '';
	switch (open.kind) {
		case 'mark-note':
			return step(state, {type: 'save-mark', eventID, note: open.text});
		case 'mark-choice': {
			const choice = open.text.trim().toLowerCase();
			if (choice === 'u') return step(state, {type: 'delete-mark', eventID});
			if (choice === 'e') {
				const note = state.data.markers.data?.[eventID]?.note ?? '';
				return step({...state, prompt: {...open, kind: 'mark-note', text: note, error: undefined}});
			}
			return step({...state, prompt: {...open, error: 'type e to edit the note or u to unmark, then Enter'}});
		}
		default: {
			if (open.text.trim().toLowerCase() === 'y') return step(state, {type: 'delete-mark', eventID});
			return step({...state, mode: open.returnTo ?? 'browse', prompt: undefined, message: 'kept the mark'});
		}
	}
}

/** Characters a case name keeps in the report's default file name. */
const SAFE = /[^A-Za-z0-9._-]+/g;

/** The report's default file: ./clicktrail-report-<case>-<UTC time>.html, e.g. clicktrail-report-acme-20241203T2338Z. */
export function defaultReportPath(caseFile: string | undefined, now: Date): string {
	const name = path.basename(caseFile ?? 'case', path.extname(caseFile ?? '')).replace(SAFE, '_') || 'case';
	const time = now.toISOString().replace(/[-:]/g, '').slice(0, 13);
	return `./clicktrail-report-${name}-${time}Z.html`;
}

/** `R`: asks for the report's file, offering the default. */
export function reportPrompt(state: UiState): UiState {
	const subject = defaultReportPath(state.caseFile, state.now ?? new Date());
	return openPrompt(state, {kind: 'report', text: '', subject});
}

/** The report's format from its file name: .html (.htm) or .md (.markdown); undefined for anything else. */
export function reportFormat(file: string): 'html' | 'md' | undefined {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.html' || extension === '.htm') return 'html';
	if (extension === '.md' || extension === '.markdown') return 'md';
	return undefined;
}

/** Enter in the report prompts: the file typed (or the default), or whether to replace the one that exists. */
export function submitReport(state: UiState, open: Prompt): Step {
	const overwrite = open.kind === 'report-overwrite';
	const yes = open.text.trim().toLowerCase() === 'y';
	if (overwrite && !yes)
		return step({...state, mode: open.returnTo ?? 'browse', prompt: undefined, message: 'no report written'});
	const file = overwrite ? (open.subject ?? '') : open.text.trim() || (open.subject ?? '');
	const format = reportFormat(file);
	if (!format) return step({...state, prompt: {...open, error: 'give a file name ending in .html or .md'}});
	const caseFile = state.caseFile ?? '';
	return step(state, {type: 'write-report', path: file, format, filter: state.filter, caseFile, overwrite});
}
