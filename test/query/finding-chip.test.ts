/**
 * The finding chip typed at the `f` prompt: `finding=any`, `finding=RULE_ID`, `finding=#N` (what Enter in the findings
 * list sets), `finding!=...`; its label, inversion, saved-view JSON and SQL (every value bound).
 */
import {describe, expect, it} from 'vitest';
import {filterFromJson, filterToJson} from '../../source/query/filter-json.js';
import {addChip, chipLabel, invertChip, toggleChip, type Chip} from '../../source/query/filters.js';
import {buildWhere} from '../../source/query/where.js';
import {parseFilterPrompt} from '../../source/ui/filter-prompt.js';

const parse = (text: string) => parseFilterPrompt(text, {now: new Date('2024-12-04T00:00:00Z'), zone: 'UTC'});
const RULE = '5b0d7f3e-3c0a-4a43-9a52-2f6b1c1e0d12';

describe('the finding chip', () => {
	it('is typed at the f prompt', () => {
		expect(parse('finding=any')).toEqual({chips: [{kind: 'finding', ruleId: null}]});
		expect(parse('finding = ANY')).toEqual({chips: [{kind: 'finding', ruleId: null}]});
		expect(parse(`finding=${RULE}`)).toEqual({chips: [{kind: 'finding', ruleId: RULE}]});
		expect(parse('finding=#12')).toEqual({chips: [{kind: 'finding', findingId: 12, title: ''}]});
		expect(parse('finding=12')).toEqual({chips: [{kind: 'finding', findingId: 12, title: ''}]});
		expect(parse('finding!=any')).toEqual({chips: [{kind: 'finding', ruleId: null, exclude: true}]});
		expect(parse(`finding≠${RULE}`)).toEqual({chips: [{kind: 'finding', ruleId: RULE, exclude: true}]});
		expect(parse('finding=')).toEqual({error: 'finding= needs any, a finding number (#12) or a rule id'});
		expect(parse('finding~x')).toMatchObject({error: expect.stringContaining('finding~ is not supported')});
	});

	it('reads as a chip, inverts, and is kept by a saved view', () => {
		const chips: Chip[] = [
			{kind: 'finding', ruleId: null},
			{kind: 'finding', ruleId: RULE},
			{kind: 'finding', findingId: 3, title: 'Mass device disable'},
		];
		expect(chips.map(chip => chipLabel(chip))).toEqual([
			'finding=any',
			`finding=${RULE}`,
			'finding 3 Mass device disable',
		]);
		const filter = {chips};
		const inverted = [0, 1, 2].reduce(invertChip, filter);
		expect(inverted.chips.map(chip => chipLabel(chip))).toEqual([
			'finding≠any',
			`finding≠${RULE}`,
			'finding≠3 Mass device disable',
		]);
		expect([0, 1, 2].reduce(invertChip, inverted)).toEqual(filter);
		expect(filterFromJson(filterToJson(inverted))).toEqual(inverted);
		expect(filterFromJson(filterToJson(filter))).toEqual(filter);
		// Adding the opposite replaces it in place; the same chip twice is one; a toggle takes it off.
		expect(addChip(filter, {kind: 'finding', ruleId: null, exclude: true}).chips[0]).toEqual({
			kind: 'finding',
			ruleId: null,
			exclude: true,
		});
		expect(addChip(filter, {kind: 'finding', ruleId: RULE}).chips).toHaveLength(3);
		expect(toggleChip(filter, {kind: 'finding', findingId: 3, title: 'x'}).chips).toHaveLength(2);
		expect(() => filterFromJson('{"chips":[{"kind":"finding","ruleId":5}]}')).toThrow('ruleId must be text or null');
	});

	it('selects in SQL with the values bound, never spliced', () => {
		const hostile = "x' OR 1=1 --";
		const where = buildWhere({
			chips: [
				{kind: 'finding', ruleId: hostile},
				{kind: 'finding', ruleId: null, exclude: true},
				{kind: 'finding', findingId: 7, title: "it's"},
			],
		});
		expect(where.sql).toBe(
			'WHERE eventID IN (SELECT fe.eventID FROM finding_events fe JOIN findings f ON f.findingId = fe.findingId WHERE f.ruleId = ?) AND eventID NOT IN (SELECT eventID FROM finding_events) AND eventID IN (SELECT eventID FROM finding_events WHERE findingId = ?)',
		);
		expect(where.params).toEqual([hostile, 7]);
		expect(where.sql).not.toContain(hostile);
	});
});
