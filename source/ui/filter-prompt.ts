/**
 * What the `f` prompt accepts, read into filter chips. Pure.
 *
 *   principal=arn:aws:iam::123:user/alice    eventName!=ListDevices    deviceId=(null)
 *   from=-2h    until=2024-12-04    around=2024-12-03T23:38Z ±10m    around=2024-12-03T23:38Z (±5 min)    errors
 *   finding=any    finding=RULE_ID    finding=#12 (one finding, as Enter in the findings list sets)    finding!=any
 */
import {FACET_FIELDS, isFacetField, NULL_LABEL, type Chip, type FindingChip} from '../query/filters.js';
import {formatTimeShort, parseAround, parseTime, type Zone} from '../query/time.js';

/** The window `around=` uses when none is given, and the record view's "minutes around" pivot. */
export const AROUND_MINUTES = 5;

const HAS_WIDTH = /(±|\+-|\+\/-)\s*\d+\s*[smhdw]$/;

/** Chips read from the prompt, or why the text could not be read. */
export type PromptResult = {chips: Chip[]} | {error: string};

/** Reads one filter expression typed in the prompt. */
export function parseFilterPrompt(input: string, options: {now: Date; zone: Zone}): PromptResult {
	const text = input.trim();
	if (text === '') return {error: 'type a filter, e.g. principal=..., eventName=..., from=-2h, around=TIME, errors'};
	if (/^errors?$/i.test(text)) return {chips: [{kind: 'errors'}]};
	const match = /^([A-Za-z]+)\s*(!=|≠|=|~)\s*(.*)$/.exec(text);
	if (!match)
		return {
			error: `cannot read "${text}": expected field=value (${[...FACET_FIELDS.slice(0, 5), 'from', 'until', 'around'].join(', ')}, ...) or errors`,
		};
	const [, rawField = '', operator, rawValue = ''] = match;
	const field = rawField.trim();
	const value = rawValue.trim();
	try {
		switch (field.toLowerCase()) {
			case 'from':
				return {chips: [timeChip('from', parseTime(value, {...options, end: false}), options.zone)]};
			case 'until':
				return {chips: [timeChip('until', parseTime(value, {...options, end: true}), options.zone)]};
			case 'around': {
				const range = parseAround(HAS_WIDTH.test(value) ? value : `${value} ±${AROUND_MINUTES}m`, options);
				return {chips: aroundChips(range.from, range.until, options.zone)};
			}
			case 'finding':
			case 'findings':
				if (operator === '~')
					return {error: 'finding~ is not supported: use finding=any, finding=#12 or finding=RULE_ID'};
				return findingChip(value, operator !== '=');
			case 'text':
			case 'search':
				return value === '' ? {error: 'text= needs something to search for'} : {chips: [{kind: 'text', text: value}]};
		}
	} catch (error) {
		return {error: error instanceof Error ? error.message : String(error)};
	}
	const known = FACET_FIELDS.find(f => f.toLowerCase() === field.toLowerCase());
	if (!known || !isFacetField(known))
		return {
			error: `unknown field "${field}": use one of ${FACET_FIELDS.join(', ')}, from, until, around, finding, errors`,
		};
	if (operator === '~') return {error: `${known}~ is not supported: use ${known}=value or / to search`};
	return {
		chips: [{kind: 'field', field: known, value: value === NULL_LABEL ? null : value, exclude: operator !== '='}],
	};
}

/** `finding=any`, `finding=#12` (or `12`: that finding), `finding=RULE_ID` (every finding of the rule); `!=` excludes. */
function findingChip(value: string, exclude: boolean): PromptResult {
	if (value === '') return {error: 'finding= needs any, a finding number (#12) or a rule id'};
	const id = /^#?(\d+)$/.exec(value);
	const not = exclude ? {exclude: true} : {};
	let chip: FindingChip;
	if (id) chip = {kind: 'finding', findingId: Number(id[1]), title: '', ...not};
	else chip = {kind: 'finding', ruleId: value.toLowerCase() === 'any' ? null : value, ...not};
	if ('findingId' in chip && !Number.isSafeInteger(chip.findingId)) return {error: `no finding number ${value}`};
	return {chips: [chip]};
}

/** A from or until chip labelled in the display zone. */
export function timeChip(kind: 'from' | 'until', time: Date, zone: Zone): Chip {
	return {kind, time, label: formatTimeShort(time, zone)};
}

/** The from and until chips of a window. */
export function aroundChips(from: Date, until: Date, zone: Zone): Chip[] {
	return [timeChip('from', from, zone), timeChip('until', until, zone)];
}
