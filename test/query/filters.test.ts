import {describe, expect, test} from 'vitest';
import {
	addChip,
	chipLabel,
	clearAll,
	EMPTY_FILTER,
	invertChip,
	isFacetField,
	removeChip,
	toggleChip,
	type Chip,
	type FilterState,
} from '../../source/query/index.js';

const include = (field: 'eventName' | 'principal' | 'deviceId', value: string | null): Chip => ({
	kind: 'field',
	field,
	value,
	exclude: false,
});
const exclude = (field: 'eventName' | 'principal' | 'deviceId', value: string | null): Chip => ({
	kind: 'field',
	field,
	value,
	exclude: true,
});
const from = (iso: string, label = iso): Chip => ({kind: 'from', time: new Date(iso), label});
const until = (iso: string, label = iso): Chip => ({kind: 'until', time: new Date(iso), label});

describe('addChip', () => {
	test('appends, and leaves the old state untouched', () => {
		const before = EMPTY_FILTER;
		const after = addChip(before, include('eventName', 'ListDevices'));
		expect(after.chips).toEqual([include('eventName', 'ListDevices')]);
		expect(before.chips).toEqual([]);
	});

	test('ignores a duplicate', () => {
		const state = addChip(addChip(EMPTY_FILTER, include('eventName', 'A')), include('eventName', 'A'));
		expect(state.chips).toHaveLength(1);
		const errors = addChip(addChip(EMPTY_FILTER, {kind: 'errors'}), {kind: 'errors'});
		expect(errors.chips).toHaveLength(1);
		const text = addChip(addChip(EMPTY_FILTER, {kind: 'text', text: 'x'}), {kind: 'text', text: 'x'});
		expect(text.chips).toHaveLength(1);
	});

	test('keeps several values of one field', () => {
		const state = addChip(addChip(EMPTY_FILTER, include('eventName', 'A')), include('eventName', 'B'));
		expect(state.chips).toHaveLength(2);
	});

	test('a from or until replaces the previous one in place', () => {
		let state: FilterState = EMPTY_FILTER;
		state = addChip(state, from('2024-12-01T00:00Z'));
		state = addChip(state, include('eventName', 'A'));
		state = addChip(state, until('2024-12-05T00:00Z'));
		state = addChip(state, from('2024-12-02T00:00Z'));
		state = addChip(state, until('2024-12-06T00:00Z'));
		expect(state.chips).toEqual([from('2024-12-02T00:00Z'), include('eventName', 'A'), until('2024-12-06T00:00Z')]);
	});

	test('an include replaces its exclude and back', () => {
		let state = addChip(EMPTY_FILTER, exclude('principal', 'arn:x'));
		state = addChip(state, include('principal', 'arn:x'));
		expect(state.chips).toEqual([include('principal', 'arn:x')]);
		state = addChip(state, exclude('principal', 'arn:x'));
		expect(state.chips).toEqual([exclude('principal', 'arn:x')]);
	});

	test('a null value is its own chip', () => {
		const state = addChip(addChip(EMPTY_FILTER, include('deviceId', null)), include('deviceId', 'G030'));
		expect(state.chips).toHaveLength(2);
	});

	test('ignores empty text', () => {
		expect(addChip(EMPTY_FILTER, {kind: 'text', text: ''}).chips).toEqual([]);
	});
});

describe('removeChip, toggleChip, invertChip, clearAll', () => {
	const state: FilterState = {chips: [include('eventName', 'A'), {kind: 'errors'}, include('eventName', 'B')]};

	test('removeChip by index; out of range is a no-op', () => {
		expect(removeChip(state, 1).chips).toEqual([include('eventName', 'A'), include('eventName', 'B')]);
		expect(removeChip(state, 3)).toBe(state);
		expect(removeChip(state, -1)).toBe(state);
	});

	test('toggleChip adds then removes', () => {
		const on = toggleChip(state, include('principal', 'arn:x'));
		expect(on.chips).toHaveLength(4);
		const off = toggleChip(on, include('principal', 'arn:x'));
		expect(off.chips).toEqual(state.chips);
		expect(toggleChip(state, {kind: 'errors'}).chips).toHaveLength(2);
	});

	test('toggleChip of a different from replaces the old one', () => {
		const a = toggleChip(EMPTY_FILTER, from('2024-12-01T00:00Z'));
		const b = toggleChip(a, from('2024-12-02T00:00Z'));
		expect(b.chips).toEqual([from('2024-12-02T00:00Z')]);
		expect(toggleChip(b, from('2024-12-02T00:00Z', 'other label')).chips).toEqual([]);
	});

	test('invertChip flips include and exclude', () => {
		expect(invertChip(state, 0).chips[0]).toEqual(exclude('eventName', 'A'));
		expect(invertChip(state, 1)).toBe(state);
		const both: FilterState = {chips: [include('eventName', 'A'), exclude('eventName', 'A')]};
		expect(invertChip(both, 0).chips).toEqual([exclude('eventName', 'A')]);
	});

	test('clearAll empties', () => {
		expect(clearAll(state).chips).toEqual([]);
	});
});

describe('chipLabel', () => {
	test.each<[Chip, string]>([
		[include('principal', 'arn:aws:iam::123456789012:user/alice'), 'principal=arn:aws:iam::123456789012:user/alice'],
		[exclude('eventName', 'ListDevices'), 'eventName≠ListDevices'],
		[include('deviceId', null), 'deviceId=(null)'],
		[exclude('deviceId', null), 'deviceId≠(null)'],
		[from('2024-12-03T23:28Z', '2024-12-03 23:28Z'), 'from 2024-12-03 23:28Z'],
		[until('2024-12-03T23:28Z', '-1h'), 'until -1h'],
		[{kind: 'errors'}, 'errors'],
		[{kind: 'text', text: 'needle'}, 'text~"needle"'],
	])('%o -> %s', (chip, label) => {
		expect(chipLabel(chip)).toBe(label);
	});

	test('shortens long values in the middle to fit', () => {
		const label = chipLabel(include('principal', 'arn:aws:iam::123456789012:user/alice'), 24);
		expect(label).toHaveLength(24);
		expect(label).toBe('principal=arn:aws…/alice');
		expect(chipLabel(include('principal', 'short'), 24)).toBe('principal=short');
	});
});

test('isFacetField', () => {
	expect(isFacetField('eventName')).toBe(true);
	expect(isFacetField('raw')).toBe(false);
	expect(isFacetField('eventName; DROP TABLE events')).toBe(false);
});
