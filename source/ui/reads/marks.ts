/**
 * The reads of marks and findings the browse screen adds to its panes: whether the case holds any (one small read,
 * again after a mark is saved), the gutter's markers for the events on screen, the marks list, and the timeline's
 * findings row for the bars on screen.
 */
import type {FilterState} from '../../query/filters.js';
import {findingBucketsQuery} from '../../query/findings.js';
import {bucketIndex} from '../../query/histogram.js';
import {annotationsQuery, markersQuery, marksListQuery} from '../../query/marks.js';
import type {Query} from '../../store/reader.js';
import type {Timeline} from '../model/data.js';
import type {Annotations, FindingBuckets, Marker, Markers, MarkRow} from '../model/marks.js';

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** How many marks and finding events the case file holds. */
export async function loadAnnotations(query: Query): Promise<Annotations> {
	const row = (await query(annotationsQuery()))[0];
	return {marks: Number(row?.['marks'] ?? 0), findingEvents: Number(row?.['findingEvents'] ?? 0)};
}

/** The markers of the events among `eventIDs` that are marked or that a finding holds. */
export async function loadMarkers(query: Query, eventIDs: readonly string[]): Promise<Markers> {
	if (eventIDs.length === 0) return {};
	const out: Record<string, Marker> = {};
	for (const row of await query(markersQuery(eventIDs))) {
		const rank = row['rank'];
		out[String(row['eventID'])] = {
			marked: row['marked'] === true,
			note: text(row['note']),
			rank: rank === null || rank === undefined ? null : Number(rank),
		};
	}
	return out;
}

/** Every mark, by its event's time. */
export async function loadMarks(query: Query): Promise<MarkRow[]> {
	return (await query(marksListQuery())).map(row => ({
		eventID: String(row['eventID']),
		note: text(row['note']),
		eventTime: row['eventTime'] instanceof Date ? row['eventTime'] : null,
		eventName: text(row['eventName']),
		principal: text(row['principal']),
	}));
}

/** The findings row under the bars of `timeline` (drawn for `filter`): one rank or null per bar. */
export async function loadFindingBuckets(
	query: Query,
	filter: FilterState,
	timeline: Timeline,
): Promise<FindingBuckets> {
	const span = {from: timeline.from, until: timeline.until};
	const ranks = new Map<number, number>();
	for (const row of await query(findingBucketsQuery(filter, timeline.bucket, span)))
		ranks.set(Number(row['b']), Number(row['rank']));
	return timeline.starts.map(start => ranks.get(bucketIndex(start, timeline.bucket)) ?? null);
}
