/** What the JSON scan (json-scan.ts) reports about a file, and the limits it checks records against. */

/**
 * Deepest nesting a record may have. Real CloudTrail records nest about 10 levels (20 with a policy document in
 * requestParameters); DuckDB's JSON reader crashed the process (SIGSEGV) between 40,000 and 70,000 levels here,
 * and recursive renderers fail at a few thousand. 1,000 is 50 times the deepest real record and far below both.
 */
export const MAX_DEPTH = 1000;

/**
 * Largest record, in bytes. CloudTrail caps an event at 256 KB (real ones reach about 100 KB); 16 MB is 64 times
 * that, and bounds the JSON reader's buffer for records read one a line.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** What a scan found. */
export type ScanResult = {
	/** Decompressed bytes. */
	textBytes: number;
	/** The first non-blank byte is `{` or `[`. */
	json: boolean;
	/** Top-level values. */
	topValues: number;
	/** The first top-level value is an object / an array. */
	topKind: 'object' | 'array' | 'none';
	/** Every top-level value starts on a line of its own and spans no line break (JSON lines). */
	onePerLine: boolean;
	/** Keys of the first top-level object (at most 64). */
	firstKeys: string[];
	/** The top-level objects hold their records in this array. */
	wrapper?: 'Records' | 'Events';
	/** Records found: elements of a wrapper or top-level array, or top-level objects that are not wrappers. */
	records: number;
	/** Records nested deeper than MAX_DEPTH (left out of a rewrite). */
	tooDeep: number;
	/** Records larger than MAX_RECORD_BYTES (left out of a rewrite). */
	tooLarge: number;
	/** Records that are not objects (scalars, arrays, text between values). */
	notObjects: number;
	/** Bytes of the largest record kept. */
	largestRecord: number;
	/** Deepest nesting anywhere in the file (capped just past MAX_DEPTH). */
	maxDepth: number;
	/** The text starts with a UTF-8 byte order mark (which DuckDB's JSON reader does not take). */
	bom?: boolean;
	/** Something in the file (a record or not) is nested deeper than MAX_DEPTH, or holds a string that would be. */
	deep: boolean;
	/** The first top-level value ends on the line it starts on (a JSON lines file, even if a later line is broken). */
	firstLineComplete?: boolean;
	/** The brackets do not balance, or the file ends inside a value. */
	error?: string;
};
