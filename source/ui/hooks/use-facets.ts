/**
 * The facets pane's data: the top values of each field under the filter.
 */
import {facetQuery} from '../../query/facets.js';
import type {FacetField, FilterState} from '../../query/filters.js';
import type {FacetList} from '../state/state.js';
import {useJob, type Loaded} from './use-job.js';

/** The fields the facets pane lists, in order. */
export const FACET_PANE_FIELDS: readonly FacetField[] = ['eventName', 'principal', 'deviceId', 'sourceIPAddress', 'errorCode', 'accountId', 'awsRegion'];


/** Top `limit` values of each field under the filter. */
export function useFacets(filter: FilterState, limit: number): Loaded<FacetList[]> {
	return useJob('facets', JSON.stringify([filter, limit]), async query => {
		const lists: FacetList[] = [];
		for (const field of FACET_PANE_FIELDS) {
			const rows = await query(facetQuery(field, filter, limit));
			lists.push({
				field,
				values: rows.slice(0, limit).map(row => ({value: row['value'] === null ? null : String(row['value']), count: Number(row['count'])})),
				more: rows.length > limit,
			});
		}
		return lists;
	});
}
