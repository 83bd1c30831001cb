/**
 * The facets pane's read: the top values of each field under the filter, in one statement.
 */
import {FACET_PANE_FIELDS} from '../../events/columns.js';
import {facetQuery, facetsQuery} from '../../query/facets.js';
import type {FacetField, FilterState} from '../../query/filters.js';
import {summaryFacetQuery, summaryFacetsQuery, summaryPlan} from '../../query/summary.js';
import type {Query} from '../../store/reader.js';
import type {FacetList} from '../model/data.js';
import {summariesUsable, type Freshness} from './summaries.js';

/** The fields the facets pane lists, in order (the registry's facet-pane columns). */
export {FACET_PANE_FIELDS};

/** Top `limit` values of each field under the filter. */
export async function loadFacets(
	query: Query,
	filter: FilterState,
	limit: number,
	fresh?: Freshness,
): Promise<FacetList[]> {
	// One statement for every field (see facetsQuery): one round trip instead of seven in a row. From the summaries
	// where they can answer (query/summary.ts), when they are fresh.
	const summarised = FACET_PANE_FIELDS.some(field => summaryPlan(filter, field)) && (await summariesUsable(fresh));
	const rows = await query(
		summarised ? summaryFacetsQuery(FACET_PANE_FIELDS, filter, limit) : facetsQuery(FACET_PANE_FIELDS, filter, limit),
	);
	const values = FACET_PANE_FIELDS.map((): Array<{value: string | null; count: number}> => []);
	const more = FACET_PANE_FIELDS.map(() => false);
	for (const row of rows) {
		const i = Number(row['field']);
		const list = values[i];
		if (!list) continue;
		if (list.length === limit) more[i] = true;
		else list.push({value: row['value'] === null ? null : String(row['value']), count: Number(row['count'])});
	}
	return FACET_PANE_FIELDS.map((field, i) => ({field, values: values[i]!, more: more[i]!}));
}

/** Values a frequency view lists at most. */
export const FREQUENCY_LIMIT = 1000;

/** How often each value of `field` occurs under the filter (its own includes left out, as in the facets pane). */
export async function loadFrequency(
	query: Query,
	field: FacetField,
	filter: FilterState,
	fresh?: Freshness,
): Promise<FacetList> {
	const plan = summaryPlan(filter, field);
	const summarised = plan && (await summariesUsable(fresh)) && summaryFacetQuery(field, plan, FREQUENCY_LIMIT);
	const rows = await query(summarised || facetQuery(field, filter, FREQUENCY_LIMIT));
	const values = rows
		.slice(0, FREQUENCY_LIMIT)
		.map(r => ({value: r['value'] === null ? null : String(r['value']), count: Number(r['count'])}));
	return {field, values, more: rows.length > FREQUENCY_LIMIT};
}
