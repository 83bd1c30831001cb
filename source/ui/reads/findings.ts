/**
 * The findings list's read.
 */
import {findingsListQuery} from '../../query/findings.js';
import type {Query} from '../../store/reader.js';
import type {FindingRow} from '../model/findings.js';

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every stored finding, most severe first, then newest. */
export async function loadFindings(query: Query): Promise<FindingRow[]> {
	return (await query(findingsListQuery())).map(row => ({
		findingId: Number(row['findingId']),
		severity: String(row['severity']),
		title: String(row['title']),
		ruleId: String(row['ruleId']),
		principal: text(row['principal']),
		startTime: String(row['startTime']),
		endTime: String(row['endTime']),
		count: Number(row['count']),
		fields: Array.isArray(row['fields']) ? row['fields'].map(String) : [],
	}));
}
