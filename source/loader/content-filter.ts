/**
 * What the content scan's candidates (inspect.ts, candidate.ts) change for one file: a {"Records":[...]} file none
 * of whose records can be kept is not read by DuckDB at all (it is recorded as loaded, with no events); one with
 * some is read through the JSON lines file of those records alone, the others counted as other services.
 */
import type {Classification} from '../sources/classify.js';
import {NO_REJECTS, type BatchFile, type FileResult} from '../store/ingest.js';
import type {Candidates} from './inspect.js';

export type ContentPlan =
	/** Load the file as classified (the candidates file, if any, is not used). */
	| {kind: 'whole'}
	/** Nothing to load: the file's ledger row. */
	| {kind: 'none'; result: FileResult}
	/** Load `file` (the candidates, as JSON lines) instead. */
	| {kind: 'candidates'; file: BatchFile};

export function contentPlan(
	classification: Classification,
	candidates: Candidates | undefined,
	file: BatchFile,
): ContentPlan {
	if (!candidates || classification.kind !== 'load') return {kind: 'whole'};
	const {scan, count} = candidates;
	// Only a plain, whole {"Records":[...]} file: anything DuckDB would read another way, or fail, stays as it was.
	if (
		classification.format !== 'records' ||
		classification.rewrite ||
		scan.error ||
		scan.wrapper !== 'Records' ||
		scan.topValues !== 1 ||
		scan.tooDeep + scan.tooLarge > 0 ||
		(scan.records > 0 && scan.notObjects === scan.records)
	)
		return {kind: 'whole'};
	const passedOver = scan.records - scan.notObjects - count;
	// Past a quarter of the records, writing them out and reading them back costs more than DuckDB reading the
	// file (50% IoT 1-Click, 100,229 records: CPU 16.2 s filtered against 13.9 s whole).
	if (count * 4 > scan.records) return {kind: 'whole'};
	if (count > 0) {
		return {
			kind: 'candidates',
			file: {
				...file,
				path: candidates.path,
				format: 'jsonl',
				largestRecord: scan.largestRecord,
				dropped: {notObject: scan.notObjects},
				passedOver,
			},
		};
	}
	return {
		kind: 'none',
		result: {
			file,
			status: 'loaded',
			records: scan.records,
			kept: 0,
			otherService: passedOver,
			bad: scan.notObjects,
			rejected: {...NO_REJECTS, notObject: scan.notObjects},
			outOfRange: 0,
			identity: 0,
		},
	};
}
