/**
 * The prompt's keys: apply, cancel, delete a character. Applying a search or filter sets chips; a view's name asks
 * for its description next; saving, renaming or deleting a view, exporting, saving or deleting a mark and writing
 * the report are effects.
 */
import {exportFormatFor} from '../../../query/export-sql.js';
import {addChip, type Chip} from '../../../query/filters.js';
import {filterViewQuery} from '../../../query/view-query.js';
import {parseFilterPrompt} from '../../filter-prompt.js';
import {step, type ScopeHandler, type Step} from '../actions.js';
import {submitMark, submitReport} from '../marking.js';
import {startFind} from '../find.js';
import {withFilter} from '../moves.js';
import {showColumn} from '../table-columns.js';
import {nowOf, type Prompt, type UiState} from '../state.js';

export const promptScope: ScopeHandler = {
	actions: ['prompt-submit', 'prompt-cancel', 'prompt-delete'],
	// Saving, renaming, deleting and exporting hand work to an effect, which sets the message when done.
	keepsMessage: ['prompt-submit'],
	handle(state, action) {
		const open = state.prompt;
		switch (action) {
			case 'prompt-cancel':
				return step({...state, mode: open?.returnTo ?? 'browse', prompt: undefined});
			case 'prompt-delete':
				return step(
					open ? {...state, prompt: {...open, text: [...open.text].slice(0, -1).join(''), error: undefined}} : state,
				);
			case 'prompt-submit':
				return open ? submit(state, open) : step({...state, mode: 'browse'});
			default:
				return step(state);
		}
	},
};

/** A typed `finding=#N` chip with the finding's title, when the findings list has been read. */
function titled(chip: Chip, state: UiState): Chip {
	if (chip.kind !== 'finding' || !('findingId' in chip) || chip.title) return chip;
	const title = state.data.findings.data?.find(f => f.findingId === chip.findingId)?.title;
	return title ? {...chip, title} : chip;
}

function submit(before: UiState, open: Prompt): Step {
	const local = open.kind === 'search' || open.kind === 'find' || open.kind === 'filter' || open.kind === 'view-name';
	const state = local ? {...before, message: undefined} : before;
	const error = (text: string) => step({...state, prompt: {...open, error: text}});
	const done = (message: string) => step({...state, mode: open.returnTo ?? 'browse', prompt: undefined, message});
	const name = open.subject ?? '';
	const yes = open.text.trim().toLowerCase() === 'y';
	switch (open.kind) {
		case 'view-name': {
			const typed = open.text.trim();
			if (typed === '') return error('type a name for the view');
			return step({...state, prompt: {...open, kind: 'view-description', text: '', subject: typed, error: undefined}});
		}
		case 'view-description':
			return step(state, {
				type: 'save-view',
				name,
				description: open.text,
				...(open.source === 'console' ? {sql: state.console.editor.text} : {filter: state.filter}),
			});
		case 'view-rename':
			return step(state, {type: 'rename-view', from: name, to: open.text});
		case 'view-delete':
			return yes ? step(state, {type: 'delete-view', name}) : done(`kept view ${name}`);
		case 'export':
		case 'export-overwrite': {
			const overwrite = open.kind === 'export-overwrite';
			if (overwrite && !yes) return done(`kept ${open.subject ?? ''}; nothing exported`);
			const path = overwrite ? (open.subject ?? '') : open.text.trim();
			const format = exportFormatFor(path);
			if (!format) return error('give a file name ending in .csv, .json, .jsonl or .parquet');
			const userSql = open.source === 'console';
			const query = userSql ? {sql: state.console.editor.text, params: []} : filterViewQuery(state.filter);
			return step(state, {type: 'export', query, path, format, userSql, overwrite});
		}
		case 'mark-note':
		case 'mark-choice':
		case 'mark-delete':
			return submitMark(state, open);
		case 'report':
		case 'report-overwrite':
			return submitReport(state, open);
		case 'find': {
			const text = open.text.trim() === '' ? state.find?.text : open.text;
			const where = open.returnTo === 'record' ? 'record' : 'browse';
			const closed = {...state, mode: open.returnTo ?? 'browse', prompt: undefined};
			return text === undefined ? step(closed) : startFind(closed, text, where);
		}
		case 'column': {
			const shown = showColumn({...state, mode: 'browse', prompt: undefined}, open.text);
			return 'error' in shown ? error(shown.error) : step(shown);
		}
		case 'search':
		case 'filter': {
			let chips: Chip[];
			if (open.kind === 'search') {
				if (open.text.trim() === '') return step({...state, mode: 'browse', prompt: undefined});
				chips = [{kind: 'text', text: open.text}];
			} else {
				const result = parseFilterPrompt(open.text, {now: nowOf(state), zone: state.zone});
				if ('error' in result) return error(result.error);
				chips = result.chips.map(chip => titled(chip, state));
			}
			const filter = chips.reduce(addChip, state.filter);
			return step({...withFilter(state, filter, true), mode: 'browse', prompt: undefined});
		}
	}
}
