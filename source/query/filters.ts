/**
 * The filter state the screen edits, as a list of chips, and the pure helpers that edit it. Every helper returns a
 * new state and leaves its argument untouched.
 */

import {FACET_FIELDS, type FacetField} from '../events/columns.js';

/** Fields the user can filter on by value and facet over (the registry's facet columns, source/events/columns.ts). */
export {FACET_FIELDS, type FacetField};

/**
 * One filter condition.
 * - `field`: the column equals `value` (or, with `exclude`, differs from it); a null value means IS NULL (IS NOT NULL).
 *   Include chips of the same field OR together; everything else ANDs.
 * - `from`: eventTime at or after `time` (inclusive). `label` is how the chip reads, e.g. `2024-12-03 23:28Z` or `-2h`.
 * - `until`: eventTime before `time` (exclusive).
 * - `errors`: only failed calls (errorCode IS NOT NULL).
 * - `text`: a case-insensitive substring of the raw record.
 * - `finding`: the events of one finding (`findingId`, what Enter in the findings list sets), of every finding of a
 *   rule (`ruleId`), or of any finding (`ruleId` null); with `exclude`, every other event.
 */
export type Chip =
	| {kind: 'field'; field: FacetField; value: string | null; exclude: boolean}
	| {kind: 'from'; time: Date; label: string}
	| {kind: 'until'; time: Date; label: string}
	| {kind: 'errors'}
	| {kind: 'text'; text: string}
	/** The events of a finding (`clicktrail hunt`): its eventIDs in finding_events; `title` for the label. */
	| {kind: 'finding'; findingId: number; title: string; exclude?: boolean}
	/** The events of every finding of the rule `ruleId` (typed `finding=RULE_ID`), or of any finding (null). */
	| {kind: 'finding'; ruleId: string | null; exclude?: boolean};

/** A finding chip. */
export type FindingChip = Extract<Chip, {kind: 'finding'}>;

/** The whole filter: the chips in the order the user added them. */
export type FilterState = {chips: Chip[]};

/** The empty filter: every event. */
export const EMPTY_FILTER: FilterState = {chips: []};

/** Whether `value` names a facet field (for validating user input such as a `:filter` command). */
export function isFacetField(value: string): value is FacetField {
	return (FACET_FIELDS as readonly string[]).includes(value);
}

/** Whether two chips are the same condition (a from/until chip compares by time, not label). */
export function chipsEqual(a: Chip, b: Chip): boolean {
	switch (a.kind) {
		case 'field': {
			return b.kind === 'field' && a.field === b.field && a.value === b.value && a.exclude === b.exclude;
		}

		case 'from':
		case 'until': {
			return b.kind === a.kind && a.time.getTime() === b.time.getTime();
		}

		case 'errors': {
			return b.kind === 'errors';
		}

		case 'text': {
			return b.kind === 'text' && a.text === b.text;
		}

		case 'finding': {
			return b.kind === 'finding' && findingTarget(a) === findingTarget(b) && !a.exclude === !b.exclude;
		}
	}
}

/** What a finding chip selects, as one comparable string: `#N`, `rule:ID`, or `any`. */
export function findingTarget(chip: FindingChip): string {
	if ('findingId' in chip) return `#${chip.findingId}`;
	return chip.ruleId === null ? 'any' : `rule:${chip.ruleId}`;
}

/** Whether the state holds a chip equal to `chip`. */
export function hasChip(state: FilterState, chip: Chip): boolean {
	return state.chips.some(c => chipsEqual(c, chip));
}

/**
 * Adds a chip. Rules: an equal chip already present leaves the state as is; a from (until) chip replaces the
 * previous from (until) chip in place; a field chip replaces its opposite (same field and value, the other of
 * include/exclude) in place; an empty text chip is ignored.
 */
export function addChip(state: FilterState, chip: Chip): FilterState {
	if (hasChip(state, chip)) return state;
	if (chip.kind === 'text' && chip.text === '') return state;
	const replaceAt = state.chips.findIndex(c => replaces(chip, c));
	if (replaceAt === -1) return {chips: [...state.chips, chip]};
	const chips = [...state.chips];
	chips[replaceAt] = chip;
	return {chips};
}

function replaces(added: Chip, existing: Chip): boolean {
	if (added.kind === 'from' || added.kind === 'until') return existing.kind === added.kind;
	if (added.kind === 'field') {
		return (
			existing.kind === 'field' &&
			existing.field === added.field &&
			existing.value === added.value &&
			existing.exclude !== added.exclude
		);
	}

	if (added.kind === 'finding') {
		return (
			existing.kind === 'finding' &&
			findingTarget(existing) === findingTarget(added) &&
			!existing.exclude !== !added.exclude
		);
	}

	return false;
}

/** Removes the chip at `index`; an index out of range leaves the state as is. */
export function removeChip(state: FilterState, index: number): FilterState {
	if (!Number.isInteger(index) || index < 0 || index >= state.chips.length) return state;
	return {chips: state.chips.filter((_, i) => i !== index)};
}

/** Removes every chip equal to `chip`. */
export function removeMatching(state: FilterState, chip: Chip): FilterState {
	const chips = state.chips.filter(c => !chipsEqual(c, chip));
	return chips.length === state.chips.length ? state : {chips};
}

/** Toggle semantics, as a facet list or a pivot key uses them: removes `chip` if present, otherwise adds it. */
export function toggleChip(state: FilterState, chip: Chip): FilterState {
	return hasChip(state, chip) ? removeMatching(state, chip) : addChip(state, chip);
}

/** Turns the field or finding chip at `index` from include to exclude or back; other chips are left as they are. */
export function invertChip(state: FilterState, index: number): FilterState {
	const chip = state.chips[index];
	if (chip?.kind !== 'field' && chip?.kind !== 'finding') return state;
	const inverted: Chip = chip.kind === 'field' ? {...chip, exclude: !chip.exclude} : invertFinding(chip);
	const chips = state.chips.filter((c, i) => i === index || !chipsEqual(c, inverted));
	return {chips: chips.map(c => (c === chip ? inverted : c))};
}

function invertFinding(chip: FindingChip): FindingChip {
	const {exclude, ...rest} = chip;
	return exclude ? (rest as FindingChip) : {...chip, exclude: true};
}

/** Removes every chip. */
export function clearAll(_state?: FilterState): FilterState {
	return {chips: []};
}

/** How a null value reads in labels and facet lists. */
export const NULL_LABEL = '(null)';

/**
 * A chip as the chip bar shows it: `principal=arn:aws:iam::…`, `eventName≠ListDevices`, `deviceId=(null)`,
 * `from 2024-12-03 23:28Z`, `until -1h`, `errors`, `text~"needle"`. With `maxWidth`, a long value is shortened in
 * the middle with `…` so that the label fits.
 */
export function chipLabel(chip: Chip, maxWidth?: number): string {
	switch (chip.kind) {
		case 'field': {
			const prefix = `${chip.field}${chip.exclude ? '≠' : '='}`;
			return prefix + shorten(chip.value ?? NULL_LABEL, maxWidth === undefined ? undefined : maxWidth - prefix.length);
		}

		case 'from':
		case 'until': {
			const prefix = `${chip.kind} `;
			return prefix + shorten(chip.label, maxWidth === undefined ? undefined : maxWidth - prefix.length);
		}

		case 'errors': {
			return 'errors';
		}

		case 'text': {
			return `text~${shorten(JSON.stringify(chip.text), maxWidth === undefined ? undefined : maxWidth - 5)}`;
		}

		case 'finding': {
			if (!('findingId' in chip))
				return `finding${chip.exclude ? '≠' : '='}${chip.ruleId === null ? 'any' : shorten(chip.ruleId, maxWidth === undefined ? undefined : maxWidth - 8)}`;
			const prefix = `finding${chip.exclude ? '≠' : ' '}${chip.findingId}${chip.title ? ' ' : ''}`;
			return prefix + shorten(chip.title, maxWidth === undefined ? undefined : maxWidth - prefix.length);
		}
	}
}

function shorten(text: string, width: number | undefined): string {
	if (width === undefined || text.length <= width) return text;
	if (width <= 1) return '…';
	const keep = width - 1;
	const head = Math.ceil(keep / 2);
	return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}
