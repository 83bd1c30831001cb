/**
 * The filter state as JSON, the way a saved view keeps it in the case file: the chips in order, times as ISO 8601.
 * Reading it back validates every chip, since the text comes from a file anyone could have edited.
 */
import {isFacetField, type Chip, type FilterState} from './filters.js';

/** A chip as stored: like {@link Chip}, with `time` as an ISO 8601 string. */
export type StoredChip =
	| {kind: 'field'; field: string; value: string | null; exclude: boolean}
	| {kind: 'from' | 'until'; time: string; label: string}
	| {kind: 'errors'}
	| {kind: 'text'; text: string}
	| {kind: 'finding'; findingId: number; title: string; exclude?: boolean}
	| {kind: 'finding'; ruleId: string | null; exclude?: boolean};

/** The filter as JSON text: `{"chips":[...]}`. */
export function filterToJson(state: FilterState): string {
	const chips: StoredChip[] = state.chips.map(chip =>
		chip.kind === 'from' || chip.kind === 'until'
			? {kind: chip.kind, time: chip.time.toISOString(), label: chip.label}
			: chip,
	);
	return JSON.stringify({chips});
}

/** Reads {@link filterToJson}'s text back; throws a RangeError naming what is wrong. */
export function filterFromJson(text: string): FilterState {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new RangeError('the saved filter is not valid JSON');
	}
	const list = (parsed as {chips?: unknown} | null)?.chips;
	if (!Array.isArray(list)) throw new RangeError('the saved filter has no chips list');
	return {chips: list.map((item, index) => readChip(item, index))};
}

function readChip(item: unknown, index: number): Chip {
	const bad = (why: string) => new RangeError(`saved filter chip ${index + 1}: ${why}`);
	if (typeof item !== 'object' || item === null) throw bad('not an object');
	const chip = item as Record<string, unknown>;
	switch (chip['kind']) {
		case 'field': {
			const field = chip['field'];
			const value = chip['value'];
			if (typeof field !== 'string' || !isFacetField(field)) throw bad(`unknown field ${JSON.stringify(field)}`);
			if (value !== null && typeof value !== 'string') throw bad('value must be text or null');
			return {kind: 'field', field, value, exclude: chip['exclude'] === true};
		}
		case 'from':
		case 'until': {
			const time = typeof chip['time'] === 'string' ? new Date(chip['time']) : undefined;
			if (!time || Number.isNaN(time.getTime())) throw bad('time is not an ISO 8601 time');
			const label = typeof chip['label'] === 'string' ? chip['label'] : time.toISOString();
			return {kind: chip['kind'], time, label};
		}
		case 'errors':
			return {kind: 'errors'};
		case 'text': {
			if (typeof chip['text'] !== 'string') throw bad('text must be text');
			return {kind: 'text', text: chip['text']};
		}
		case 'finding': {
			const exclude = chip['exclude'] === true ? {exclude: true} : {};
			if (!('findingId' in chip)) {
				const rule = chip['ruleId'];
				if (rule !== null && typeof rule !== 'string') throw bad('ruleId must be text or null');
				return {kind: 'finding', ruleId: rule, ...exclude};
			}
			const id = chip['findingId'];
			if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw bad('findingId must be an integer');
			return {
				kind: 'finding',
				findingId: id,
				title: typeof chip['title'] === 'string' ? chip['title'] : '',
				...exclude,
			};
		}
		default:
			throw bad(`unknown kind ${JSON.stringify(chip['kind'])}`);
	}
}
