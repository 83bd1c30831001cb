/**
 * Marks and the report on the screen, as state: `m` in the events table and the record view (a note for an unmarked
 * event; e edits, u unmarks a marked one), the marks list (`M`: move, open, delete after y, close), `R` (the file
 * with its default, the format, replacing a file that exists), and a save that fails keeping the note.
 */
import {describe, expect, it} from 'vitest';
import type {PaneRow} from '../../../source/query/columns.js';
import type {MarkRow} from '../../../source/ui/model/marks.js';
import type {Effect, UiAction} from '../../../source/ui/state/actions.js';
import {defaultReportPath} from '../../../source/ui/state/marking.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';
import {fakeEvents} from '../helpers/fake-reader.js';

const key = (scope: string, action: string) => ({type: 'key', scope, action}) as UiAction;
const type = (text: string): UiAction => ({type: 'prompt-input', text});
const ENTER = key('prompt', 'prompt-submit');

/** Applies actions in turn; returns the last state and every effect asked for. */
function run(state: UiState, ...actions: UiAction[]): {state: UiState; effects: Effect[]} {
	const effects: Effect[] = [];
	for (const action of actions) {
		const next = update(state, action);
		state = next.state;
		effects.push(...next.effects);
	}
	return {state, effects};
}

const rows = fakeEvents(20).map(({raw: _raw, sourceFile: _file, ...row}) => row as PaneRow);

/** The browse screen with a page of 20 events on it; `marked` events carry a mark (with a note). */
function browsing(marked: Record<string, string | null> = {}): UiState {
	const state = initialState(undefined, {caseFile: '/cases/acme case.duckdb', now: new Date('2026-12-02T20:31:45Z')});
	const page = {
		seq: 0,
		data: rows,
		rows: rows.map(r => ({eventID: r.eventID, eventTime: r.eventTime})),
		moreBefore: false,
		moreAfter: false,
	};
	const markers = Object.fromEntries(
		Object.entries(marked).map(([id, note]) => [id, {marked: true, note, rank: null}]),
	);
	return {...state, row: 2, data: {...state.data, page: {key: 'p', data: page}, markers: {key: 'm', data: markers}}};
}

describe('m marks the event under the cursor', () => {
	it('asks for an optional note; Enter saves it through an effect, Esc cancels', () => {
		const opened = run(browsing(), key('events', 'mark-event')).state;
		expect(opened.mode).toBe('prompt');
		expect(opened.prompt).toMatchObject({kind: 'mark-note', text: '', subject: 'event-0002', returnTo: 'browse'});
		const saved = run(opened, type('first device disabled'), ENTER);
		expect(saved.effects).toEqual([{type: 'save-mark', eventID: 'event-0002', note: 'first device disabled'}]);
		// The prompt stays open until the save is done: then it closes, and the marks are read again.
		expect(saved.state.mode).toBe('prompt');
		const done = run(saved.state, {type: 'marks-changed', message: 'marked event event-0002 with its note'}).state;
		expect(done.mode).toBe('browse');
		expect(done.message).toBe('marked event event-0002 with its note');
		expect(done.data.marksVersion).toBe(opened.data.marksVersion + 1);
		const cancelled = run(opened, type('never mind'), key('prompt', 'prompt-cancel'));
		expect(cancelled.state.mode).toBe('browse');
		expect(cancelled.effects).toEqual([]);
	});

	it('a save that cannot get the case file keeps the prompt open with the note and says why', () => {
		const typed = run(browsing(), key('events', 'mark-event'), type('keep me'), ENTER).state;
		const failed = run(typed, {type: 'prompt-error', error: 'the case file is in use by another process'}).state;
		expect(failed.mode).toBe('prompt');
		expect(failed.prompt).toMatchObject({kind: 'mark-note', text: 'keep me', error: expect.stringContaining('in use')});
		// Enter again tries again, with the same note.
		expect(run(failed, ENTER).effects).toEqual([{type: 'save-mark', eventID: 'event-0002', note: 'keep me'}]);
	});

	it('on a marked event: e edits the note (shown in the prompt), u unmarks, anything else asks again', () => {
		const state = browsing({'event-0002': 'old note'});
		const choice = run(state, key('events', 'mark-event')).state;
		expect(choice.prompt).toMatchObject({kind: 'mark-choice', subject: 'event-0002'});
		const edit = run(choice, type('e'), ENTER).state;
		expect(edit.prompt).toMatchObject({kind: 'mark-note', text: 'old note', subject: 'event-0002'});
		expect(run(edit, key('prompt', 'prompt-delete'), type('E'), ENTER).effects).toEqual([
			{type: 'save-mark', eventID: 'event-0002', note: 'old notE'},
		]);
		expect(run(choice, type('u'), ENTER).effects).toEqual([{type: 'delete-mark', eventID: 'event-0002'}]);
		const wrong = run(choice, type('x'), ENTER);
		expect(wrong.effects).toEqual([]);
		expect(wrong.state.prompt?.error).toMatch(/e to edit the note or u to unmark/);
	});

	it('in the record view, marks the record shown and comes back to it', () => {
		const state = {...browsing(), mode: 'record' as const, record: {eventID: 'event-0007', line: 0, top: 0}};
		const opened = run(state, key('record', 'mark-event')).state;
		expect(opened.prompt).toMatchObject({kind: 'mark-note', subject: 'event-0007', returnTo: 'record'});
		const done = run(opened, type('x'), ENTER, {type: 'marks-changed', message: 'marked'}).state;
		expect(done.mode).toBe('record');
		expect(done.record?.eventID).toBe('event-0007');
	});
});

describe('M lists the marks', () => {
	const list: MarkRow[] = ['event-0001', 'event-0004', 'event-0009'].map((eventID, i) => ({
		eventID,
		note: `note ${i}`,
		eventTime: rows.find(r => r.eventID === eventID)!.eventTime,
		eventName: 'UpdateDeviceState',
		principal: 'arn:aws:iam::123456789012:user/user-1',
	}));
	const listed = (state: UiState) => ({...state, data: {...state.data, marks: {key: 'k', data: list}}});

	it('moves with j/k/g/G, opens the marked event (Esc comes back to the list), closes with Esc', () => {
		let state = listed(run(browsing(), key('browse', 'open-marks')).state);
		expect(state.mode).toBe('marks');
		state = run(state, key('marks', 'down'), key('marks', 'down'), key('marks', 'down')).state;
		expect(state.marks.cursor).toBe(2);
		expect(run(state, key('marks', 'top')).state.marks.cursor).toBe(0);
		state = run(state, key('marks', 'up')).state;
		const opened = run(state, key('marks', 'open')).state;
		expect(opened.mode).toBe('record');
		expect(opened.record).toMatchObject({eventID: 'event-0004', back: 'marks', eventTime: list[1]!.eventTime});
		expect(run(opened, key('record', 'back')).state.mode).toBe('marks');
		expect(run(state, key('marks', 'bottom')).state.marks.cursor).toBe(2);
		expect(run(state, key('marks', 'back')).state.mode).toBe('browse');
	});

	it('d deletes the selected mark after y; anything else keeps it', () => {
		const state = listed({...run(browsing(), key('browse', 'open-marks')).state, marks: {cursor: 1}});
		const asked = run(state, key('marks', 'marks-delete')).state;
		expect(asked.prompt).toMatchObject({kind: 'mark-delete', subject: 'event-0004', returnTo: 'marks'});
		expect(run(asked, type('y'), ENTER).effects).toEqual([{type: 'delete-mark', eventID: 'event-0004'}]);
		const kept = run(asked, type('n'), ENTER);
		expect(kept.effects).toEqual([]);
		expect(kept.state.mode).toBe('marks');
		expect(kept.state.message).toBe('kept the mark');
	});
});

describe('R writes the report of the current filter', () => {
	it('offers ./clicktrail-report-<case>-<UTC time>.html; Enter takes it; .md is Markdown; other names are refused', () => {
		expect(defaultReportPath('/cases/acme case.duckdb', new Date('2026-12-02T20:31:45Z'))).toBe(
			'./clicktrail-report-acme_case-20261202T2031Z.html',
		);
		const filter = {chips: [{kind: 'errors' as const}]};
		const state = {...browsing(), filter};
		const asked = run(state, key('browse', 'write-report')).state;
		expect(asked.prompt).toMatchObject({kind: 'report', subject: './clicktrail-report-acme_case-20261202T2031Z.html'});
		expect(run(asked, ENTER).effects).toEqual([
			{
				type: 'write-report',
				path: './clicktrail-report-acme_case-20261202T2031Z.html',
				format: 'html',
				filter,
				caseFile: '/cases/acme case.duckdb',
				overwrite: false,
			},
		]);
		expect(run(asked, type('/tmp/ticket.md'), ENTER).effects).toMatchObject([
			{type: 'write-report', path: '/tmp/ticket.md', format: 'md'},
		]);
		const refused = run(asked, type('report.pdf'), ENTER);
		expect(refused.effects).toEqual([]);
		expect(refused.state.prompt?.error).toBe('give a file name ending in .html or .md');
	});

	it('asks before replacing a file that exists; y replaces it, anything else writes nothing', () => {
		const asked = run(browsing(), key('browse', 'write-report'), type('out.html'), ENTER).state;
		const confirm = run(asked, {type: 'prompt-confirm-overwrite', path: 'out.html'}).state;
		expect(confirm.prompt).toMatchObject({kind: 'report-overwrite', subject: 'out.html'});
		expect(run(confirm, type('y'), ENTER).effects).toMatchObject([
			{type: 'write-report', path: 'out.html', overwrite: true},
		]);
		const no = run(confirm, ENTER);
		expect(no.effects).toEqual([]);
		expect(no.state.message).toBe('no report written');
	});

	it('shows its progress while it works, then where it wrote', () => {
		const working = run(browsing(), {type: 'working', text: 'report: reading the events'}).state;
		expect(working.working).toBe('report: reading the events');
		// A key clears the message, not the progress.
		const moved = run(working, key('events', 'down')).state;
		expect(moved.working).toBe('report: reading the events');
		const done = run(moved, {type: 'working', message: 'report of 3 events written to /tmp/r.html'}).state;
		expect(done.working).toBeUndefined();
		expect(done.message).toBe('report of 3 events written to /tmp/r.html');
	});
});
