/**
 * Decide how to read a file, or why not to, from its name and from what one read of its whole (decompressed)
 * content found.
 */
import path from 'node:path';
import {MAX_DEPTH, type ScanResult} from '../loader/json-scan.js';

/** How DuckDB reads a file. */
export type Format =
	/** CloudTrail's own {"Records":[...]} (also the console's Event history JSON export). */
	| 'records'
	/** One record a line (also what a rewrite produces). */
	| 'jsonl'
	/** A JSON array of events. */
	| 'array'
	/** The console's Event history CSV export. */
	| 'csv';

/**
 * What the file is, as the ledger records it: `records`, `jsonl`, `array`, `csv`, `event` (one event object, as the
 * console and the AWS docs show it), `concatenated` (JSON objects one after another, as `jq '.Records[]'` prints),
 * `lookup-events` (the output of `aws cloudtrail lookup-events`), and for files that failed `json`, `text`, `gzip`
 * or `unknown`.
 */
export type Shape = Format | 'event' | 'concatenated' | 'lookup-events' | 'json' | 'text' | 'gzip' | 'unknown';

/** Where each known Event history CSV column is (0-based), by the field it fills. */
export type CsvLayout = {width: number; columns: Partial<Record<CsvField, number>>};

export type CsvField =
	| 'eventID'
	| 'eventTime'
	| 'eventName'
	| 'eventSource'
	| 'awsRegion'
	| 'sourceIPAddress'
	| 'errorCode'
	| 'readOnly'
	| 'userName'
	| 'accessKeyId'
	| 'event';

export type Classification =
	| {
			kind: 'load';
			format: Format;
			shape: Shape;
			/** Decompressed size in bytes. */
			textBytes: number;
			/** Largest record in bytes (JSON formats). */
			largestRecord: number;
			/** Read through a JSON lines rewrite (a shape DuckDB cannot read in one go, or records left out). */
			rewrite: boolean;
			/** Records left out: nested too deep, too large. */
			tooDeep: number;
			tooLarge: number;
			csv?: CsvLayout;
	  }
	/** Not events, on purpose (digests, Insights): noted, not an error. */
	| {kind: 'skip'; reason: string; shape: Shape}
	/** Should have been events and is not: an error naming the reason. */
	| {kind: 'fail'; reason: string; shape: Shape};

const DIGEST = 'CloudTrail digest file (not events; clicktrail verify checks them)';

/** Files skipped for their name alone, before anything is read. */
export function classifyByName(file: string): {kind: 'skip'; reason: string} | undefined {
	if (/CloudTrail-Digest/i.test(file)) return {kind: 'skip', reason: DIGEST};
	if (/CloudTrail-Insight/i.test(file)) return {kind: 'skip', reason: 'CloudTrail Insights file (not API events)'};
	const name = path.basename(file);
	if (name.endsWith('.meta.json') || name.endsWith('.s3.json'))
		return {kind: 'skip', reason: 'clicktrail S3 metadata sidecar'};
	return undefined;
}

/**
 * A {"Records":[...]} file larger than this is read through a JSON lines rewrite: DuckDB reads such a file as one
 * JSON object, with a buffer the size of the file.
 */
export const REWRITE_RECORDS_ABOVE = 128 * 1024 * 1024;

const EVENT_KEYS = new Set(['eventID', 'eventTime', 'eventSource', 'eventName', 'eventVersion', 'CloudTrailEvent']);

const NOT_CLOUDTRAIL =
	'not a CloudTrail log: expected {"Records":[...]}, JSON lines, one event object, lookup-events output, or an Event history export';

/** What the loader knows about a file's content after one read: the scan's findings and the first bytes of the text. */
export type ContentFacts = ScanResult & {
	/** The first bytes of the decompressed text. */
	head: Buffer;
};

/** Decide how to read a file from what a whole read of it found: by content, never by a fixed window. */
export function classifyContent(facts: ContentFacts, rewriteRecordsAbove = REWRITE_RECORDS_ABOVE): Classification {
	const text = facts.head.toString('utf8').replace(/^\uFEFF/, '');
	if (facts.textBytes === 0 || (text.trim() === '' && facts.topValues === 0 && !facts.json))
		return {kind: 'fail', reason: 'empty file', shape: 'unknown'};
	if (!facts.json) {
		const csv = csvLayout(text);
		if (!csv) return {kind: 'fail', reason: NOT_CLOUDTRAIL, shape: 'text'};
		if (facts.deep) return {kind: 'fail', reason: `a cell nests JSON deeper than ${MAX_DEPTH} levels`, shape: 'csv'};
		return {
			kind: 'load',
			format: 'csv',
			shape: 'csv',
			textBytes: facts.textBytes,
			largestRecord: 0,
			rewrite: false,
			tooDeep: 0,
			tooLarge: 0,
			csv,
		};
	}
	const keys = new Set(facts.firstKeys);
	if (keys.has('digestStartTime') && keys.has('logFiles')) return {kind: 'skip', reason: DIGEST, shape: 'json'};
	// Records DuckDB must not see (too deep, too large) or a byte order mark: read through a rewrite.
	const unfit = facts.deep || facts.tooDeep + facts.tooLarge > 0 || Boolean(facts.bom);
	const load = (format: Format, shape: Shape, rewrite: boolean): Classification => {
		if (rewrite && facts.error) return {kind: 'fail', reason: facts.error, shape};
		return {
			kind: 'load',
			format: rewrite ? 'jsonl' : format,
			shape,
			textBytes: facts.textBytes,
			largestRecord: facts.largestRecord,
			rewrite,
			tooDeep: facts.tooDeep,
			tooLarge: facts.tooLarge,
		};
	};
	if (facts.wrapper === 'Records') {
		return load('records', 'records', facts.topValues > 1 || unfit || facts.textBytes > rewriteRecordsAbove);
	}
	if (facts.wrapper === 'Events') return load('jsonl', 'lookup-events', true);
	if (facts.topKind === 'array') return load('array', 'array', facts.topValues > 1 || unfit);
	if (keys.has('Records'))
		return {kind: 'fail', reason: 'not a CloudTrail log: Records is not an array', shape: 'json'};
	if (![...keys].some(key => EVENT_KEYS.has(key))) {
		return {
			kind: 'fail',
			reason: 'not a CloudTrail log: a JSON object with neither a Records array nor event fields',
			shape: 'json',
		};
	}
	if (facts.error && facts.firstLineComplete && !unfit) {
		// JSON lines with a broken line (cut off, unbalanced): DuckDB reads it line by line and counts that line bad.
		return load('jsonl', keys.has('CloudTrailEvent') ? 'lookup-events' : 'jsonl', false);
	}
	const shape: Shape = keys.has('CloudTrailEvent')
		? 'lookup-events'
		: facts.onePerLine
			? facts.topValues === 1
				? 'event'
				: 'jsonl'
			: facts.topValues === 1
				? 'event'
				: 'concatenated';
	return load('jsonl', shape, !facts.onePerLine || unfit);
}

/** The Event history CSV export's columns, by their names in any case and punctuation. */
const CSV_NAMES: Record<string, CsvField> = {
	eventid: 'eventID',
	eventtime: 'eventTime',
	eventname: 'eventName',
	eventsource: 'eventSource',
	awsregion: 'awsRegion',
	region: 'awsRegion',
	sourceipaddress: 'sourceIPAddress',
	sourceip: 'sourceIPAddress',
	errorcode: 'errorCode',
	readonly: 'readOnly',
	username: 'userName',
	awsaccesskey: 'accessKeyId',
	accesskey: 'accessKeyId',
	accesskeyid: 'accessKeyId',
	cloudtrailevent: 'event',
};

/** The header of an Event history CSV export, mapped; undefined if the first line is not one (no Event ID column). */
export function csvLayout(text: string): CsvLayout | undefined {
	const end = text.search(/\r?\n/);
	const cells = splitCsvLine(end < 0 ? text : text.slice(0, end));
	const columns: CsvLayout['columns'] = {};
	cells.forEach((cell, index) => {
		const field = CSV_NAMES[cell.toLowerCase().replaceAll(/[^a-z0-9]/g, '')];
		if (field && columns[field] === undefined) columns[field] = index;
	});
	if (columns.eventID === undefined) return undefined;
	return {width: cells.length, columns};
}

/** One CSV line's cells (RFC 4180 quoting). */
function splitCsvLine(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			cells.push(cell.trim());
			cell = '';
		} else cell += c;
	}
	cells.push(cell.trim());
	return cells;
}
