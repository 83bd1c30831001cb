/**
 * Filter state -> WHERE clause with bound parameters.
 *
 * Semantics: include chips of the same field OR together (`eventName IN (?, ?)`), different fields AND; exclude
 * chips AND NOT (`(col IS DISTINCT FROM ?)`, so rows where the column is NULL stay); a null value means IS NULL
 * (IS NOT NULL for an exclude); `from` is inclusive (`eventTime >= ?`), `until` exclusive (`eventTime < ?`);
 * `errors` is `errorCode IS NOT NULL`; `text` is a case-insensitive substring of the raw record
 * (`contains(lower(CAST(raw AS VARCHAR)), ?)`, the lowered text bound; contains() takes it literally, so nothing
 * is escaped); `finding` is the finding's eventIDs (`eventID IN (SELECT eventID FROM finding_events WHERE findingId = ?)`),
 * a rule's findings' (joined on `findings.ruleId = ?`) or any finding's; excluded, `eventID NOT IN (...)`.
 */
import {facetColumn} from './columns.js';
import type {Chip, FacetField, FilterState} from './filters.js';
import type {SqlParam, SqlQuery} from './sql.js';

/** The filter as separate conditions (to be ANDed), with their parameters in placeholder order. */
export type Conditions = {conditions: string[]; params: SqlParam[]};

/** Options for {@link filterConditions}. */
export type ConditionOptions = {
	/** Leave out the include chips of this field (a facet lists the field's values under the rest of the filter). */
	omitIncludesOf?: FacetField;
};

/**
 * The filter's conditions in a stable order: field conditions grouped by field in the order each field first
 * appears, then the other chips in their order.
 */
export function filterConditions(state: FilterState, options: ConditionOptions = {}): Conditions {
	const conditions: string[] = [];
	const params: SqlParam[] = [];
	const includes = new Map<FacetField, Array<string | null>>();
	const order: Array<{field: FacetField} | {chip: Chip}> = [];

	for (const chip of state.chips) {
		if (chip.kind === 'field' && !chip.exclude) {
			if (chip.field === options.omitIncludesOf) continue;
			let values = includes.get(chip.field);
			if (!values) {
				values = [];
				includes.set(chip.field, values);
				order.push({field: chip.field});
			}

			if (!values.includes(chip.value)) values.push(chip.value);
		} else {
			order.push({chip});
		}
	}

	for (const item of order) {
		if ('field' in item) {
			conditions.push(includeCondition(facetColumn(item.field), includes.get(item.field) ?? [], params));
		} else {
			conditions.push(chipCondition(item.chip, params));
		}
	}

	return {conditions, params};
}

function includeCondition(column: string, values: Array<string | null>, params: SqlParam[]): string {
	const strings = values.filter((v): v is string => v !== null);
	const parts: string[] = [];
	if (strings.length === 1) {
		parts.push(`${column} = ?`);
	} else if (strings.length > 1) {
		parts.push(`${column} IN (${strings.map(() => '?').join(', ')})`);
	}

	params.push(...strings);
	if (values.includes(null)) parts.push(`${column} IS NULL`);
	return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

function chipCondition(chip: Chip, params: SqlParam[]): string {
	switch (chip.kind) {
		case 'field': {
			const column = facetColumn(chip.field);
			if (chip.value === null) return `${column} IS NOT NULL`;
			params.push(chip.value);
			return `(${column} IS DISTINCT FROM ?)`;
		}

		case 'from': {
			params.push(checkedTime(chip.time, 'from'));
			return 'eventTime >= ?';
		}

		case 'until': {
			params.push(checkedTime(chip.time, 'until'));
			return 'eventTime < ?';
		}

		case 'errors': {
			return 'errorCode IS NOT NULL';
		}

		case 'text': {
			params.push(chip.text.toLowerCase());
			return 'contains(lower(CAST(raw AS VARCHAR)), ?)';
		}

		case 'finding': {
			const not = chip.exclude ? 'NOT ' : '';
			if (!('findingId' in chip)) {
				if (chip.ruleId === null) return `eventID ${not}IN (SELECT eventID FROM finding_events)`;
				params.push(chip.ruleId);
				return `eventID ${not}IN (SELECT fe.eventID FROM finding_events fe JOIN findings f ON f.findingId = fe.findingId WHERE f.ruleId = ?)`;
			}
			if (!Number.isSafeInteger(chip.findingId)) throw new RangeError('The finding chip holds an invalid id');
			params.push(chip.findingId);
			return `eventID ${not}IN (SELECT eventID FROM finding_events WHERE findingId = ?)`;
		}
	}
}

function checkedTime(time: Date, kind: string): Date {
	if (Number.isNaN(time.getTime())) throw new RangeError(`The ${kind} chip holds an invalid date`);
	return time;
}

/** Joins conditions into `WHERE a AND b`, or '' when there are none. */
export function whereClause(conditions: readonly string[], separator = ' AND '): string {
	return conditions.length === 0 ? '' : `WHERE ${conditions.join(separator)}`;
}

/** The filter as `WHERE ...` with its parameters, or `{sql: '', params: []}` when there are no chips. */
export function buildWhere(state: FilterState, options: ConditionOptions = {}): SqlQuery {
	const {conditions, params} = filterConditions(state, options);
	return {sql: whereClause(conditions), params};
}
