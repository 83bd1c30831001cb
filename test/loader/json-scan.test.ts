import {describe, expect, it} from 'vitest';
import {JsonScanner, type ScanResult} from '../../source/loader/json-scan.js';
import {makeRecords} from '../../source/sample/index.js';

/** Scan `text` fed in chunks of `size` bytes (0: whole); the records the sink got, as strings, and the result. */
function scan(text: Buffer, size: number): {records: string[]; result: ScanResult} {
	const records: string[] = [];
	const scanner = new JsonScanner(record => records.push(record.toString('utf8')));
	const step = size === 0 ? text.length : size;
	for (let at = 0; at < text.length; at += step) scanner.write(text.subarray(at, at + step));
	return {records, result: scanner.end()};
}

/** Strings that end in runs of backslashes, hold escaped quotes, and look like JSON: every escape the scan must follow. */
const TRICKY = [
	'plain',
	'ends in one backslash \\',
	'ends in two backslashes \\\\',
	'ends in three backslashes \\\\\\',
	'an "escaped quote" inside',
	'a backslash then a quote \\"',
	'\\\\\\\\"',
	'{"looks":"like JSON", "inside": ["a string"]}',
	'[{"x":"\\"}"}]',
	'}]},{"not":"a record"}',
	'caf\u00e9 \u2603 \ud83d\ude00',
	'\u0000\u001b[31m control',
];

function trickyRecords(): Record<string, unknown>[] {
	const records = makeRecords({count: 300, seed: 7, iotShare: 0.5}) as unknown as Record<string, unknown>[];
	return records.map((record, index) => ({
		...record,
		userAgent: TRICKY[index % TRICKY.length],
		requestParameters: {
			...(record['requestParameters'] as Record<string, unknown> | null),
			note: TRICKY[(index * 5 + 3) % TRICKY.length],
			[TRICKY[(index * 7 + 1) % TRICKY.length]!]: TRICKY[(index + 2) % TRICKY.length],
		},
	}));
}

describe('the JSON scan finds the same records whatever the chunk boundaries', () => {
	const records = trickyRecords();
	const shapes: [string, Buffer][] = [
		['compact', Buffer.from(JSON.stringify({Records: records}))],
		['pretty-printed', Buffer.from(JSON.stringify({Records: records}, null, 2))],
		['JSON lines', Buffer.from(records.map(record => JSON.stringify(record)).join('\n') + '\n')],
	];

	it.each(shapes)(
		'%s: every record whole, as the parser reads it, for chunks of 1, 2, 3, 7, 64 bytes and whole',
		(_, text) => {
			const whole = scan(text, 0);
			expect(whole.result.error).toBeUndefined();
			expect(whole.result.records).toBe(records.length);
			expect(whole.records.map(record => JSON.parse(record) as unknown)).toEqual(records);
			for (const size of [1, 2, 3, 7, 64]) {
				const chunked = scan(text, size);
				expect(chunked.records, `chunks of ${size}`).toEqual(whole.records);
				expect(chunked.result, `chunks of ${size}`).toEqual(whole.result);
			}
		},
	);

	it('a quote after an even run of backslashes closes its string; after an odd run it does not', () => {
		// Unbalanced brackets would follow if the scan misread where a string ends.
		for (const value of ['\\', '\\\\', '\\\\\\', '\\"', '\\\\\\"x']) {
			const text = Buffer.from(JSON.stringify({Records: [{a: value, b: '}'}, {c: '['}]}));
			for (const size of [0, 1, 2, 3]) {
				const {records: found, result} = scan(text, size);
				expect(result.error, `${JSON.stringify(value)} in chunks of ${size}`).toBeUndefined();
				expect(found.map(record => JSON.parse(record) as unknown)).toEqual([{a: value, b: '}'}, {c: '['}]);
			}
		}
	});
});
