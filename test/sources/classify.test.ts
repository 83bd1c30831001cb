import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {JsonScanner} from '../../source/loader/json-scan.js';
import {HEAD_BYTES} from '../../source/loader/scan-file.js';
import {classifyByName, classifyContent} from '../../source/sources/classify.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {tempDir} from '../helpers/temp.js';

/** Classify a whole text, as the loader does after its read of a file. */
function classifyText(text: string) {
	const scanner = new JsonScanner();
	const bytes = Buffer.from(text);
	scanner.write(bytes);
	return classifyContent({...scanner.end(), head: bytes.subarray(0, HEAD_BYTES)});
}

describe('classifyContent', () => {
	it.each([
		['{"Records":[{"eventID":"a"}]}', 'records'],
		['{"eventID":"a","eventTime":"2024-12-03T23:38:05Z"}\n{"eventID":"b"}\n', 'jsonl'],
		['[{"eventID":"a"}]', 'array'],
		['Event ID,Event time,User name,Event name\n1,2,3,4\n', 'csv'],
	])('%j loads as %s', (head, format) => {
		expect(classifyText(head)).toMatchObject({kind: 'load', format, shape: format, rewrite: false});
	});

	it.each([
		['{\n  "eventID": "a",\n  "eventTime": "2024-12-03T23:38:05Z"\n}\n', 'event'],
		['{"eventID":"a"}{"eventID":"b"}\n', 'concatenated'],
		['{"eventID":"a"}\n{"eventID":"b"}{"eventID":"c"}\n', 'concatenated'],
		['{"Events":[{"EventId":"a","CloudTrailEvent":"{\\"eventID\\":\\"a\\"}"}]}', 'lookup-events'],
		['{"Records":[{"eventID":"a"}]}\n{"Records":[{"eventID":"b"}]}\n', 'records'],
		['\uFEFF  {\n  "Records": [\n{"eventID":"a"}]}\n', 'records'],
	])('%j is rewritten as JSON lines (%s)', (head, shape) => {
		expect(classifyText(head)).toMatchObject({kind: 'load', format: 'jsonl', shape, rewrite: true});
	});

	it('classifies JSON lines by content, whatever the length of the first line, with or without a final newline', () => {
		const long = JSON.stringify({eventID: 'a', eventTime: '2024-12-03T23:38:05Z', pad: 'x'.repeat(200_000)});
		expect(classifyText(`${long}\n${long}\n`)).toMatchObject({
			kind: 'load',
			format: 'jsonl',
			shape: 'jsonl',
			rewrite: false,
		});
		expect(classifyText(long)).toMatchObject({kind: 'load', format: 'jsonl', shape: 'event', rewrite: false});
	});

	it.each([
		['', /empty file/],
		['   \n', /empty file/],
		['{"hello":"world"}\n', /not a CloudTrail log/],
		['hello world', /not a CloudTrail log/],
	])('%j fails: %s', (head, reason) => {
		const result = classifyText(head);
		expect(result.kind).toBe('fail');
		expect(result.kind === 'fail' && result.reason).toMatch(reason);
	});

	it('skips digests by content and by name', () => {
		expect(classifyText('{"awsAccountId":"1","digestStartTime":"x","logFiles":[]}').kind).toBe('skip');
		expect(classifyByName('/a/AWSLogs/1/CloudTrail-Digest/us-east-1/2024/12/03/x.json.gz')?.kind).toBe('skip');
		expect(classifyByName('/a/AWSLogs/1/CloudTrail/us-east-1/2024/12/03/x.json.gz')).toBeUndefined();
	});
});

it('a pretty-printed JSON object without Records fails as not CloudTrail; an empty Records loads with nothing', async () => {
	const dir = await tempDir();
	await writeFile(path.join(dir, 'hello.json'), '{\n  "hello": "world"\n}\n');
	await writeFile(path.join(dir, 'empty.json'), '{"Records":[]}');
	const db = await CaseFile.open(path.join(dir, 'case.duckdb'));
	const summary = await loadFiles(db, (await expandLocalSources([dir])).files);
	expect(summary.filesFailed).toEqual([
		{
			origin: path.join(dir, 'hello.json'),
			reason: 'not a CloudTrail log: a JSON object with neither a Records array nor event fields',
		},
	]);
	expect(summary.filesLoaded).toBe(1);
	expect(summary.eventsAdded).toBe(0);
	db.close();
});

describe('maxObjectBytes', () => {
	it('is at least 16 MB, grows past the largest file, and stays within DuckDB’s 32-bit limit', async () => {
		const {maxObjectBytes} = await import('../../source/store/ingest-sql.js');
		expect(maxObjectBytes(1000)).toBe(16 * 1024 * 1024);
		expect(maxObjectBytes(50 * 1024 * 1024)).toBe(64 * 1024 * 1024);
		expect(maxObjectBytes(2 ** 40)).toBe(2 ** 31);
	});
});
