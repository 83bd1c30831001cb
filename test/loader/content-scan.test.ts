import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {beforeAll, describe, expect, it} from 'vitest';
import {IDENTITY_EVENT_PAIRS} from '../../source/events/identity.js';
import {mayBeKept} from '../../source/loader/candidate.js';
import {makeRecords} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

const IOT = 'iot1click.amazonaws.com';
type Rec = Record<string, unknown> & {eventID: string; eventSource: string; eventName: string};

function isIdentity(r: Rec): boolean {
	const credentials = (r['responseElements'] as {credentials?: {accessKeyId?: string}} | null)?.credentials;
	return (
		IDENTITY_EVENT_PAIRS.some(p => p.eventSource === r.eventSource && p.eventName === r.eventName) ||
		Boolean(credentials?.accessKeyId)
	);
}

/**
 * Records of other services only (neither IoT 1-Click nor identity), some mentioning iot1click elsewhere; with
 * `nested`, some also in a nested eventSource key (which the scan lets through, for DuckDB to reject).
 */
function background(count: number, seed: number, nested = false): Rec[] {
	const out: Rec[] = [];
	for (const r of makeRecords({count: count * 2, seed, iotShare: 0}) as unknown as Rec[]) {
		if (r.eventSource === IOT || isIdentity(r)) continue;
		if (out.length % 7 === 0) (r['userIdentity'] as Record<string, unknown>)['invokedBy'] = IOT;
		if (out.length % 11 === 0)
			r['requestParameters'] = {
				policy: `{"eventSource":"${IOT}"}`,
				note: IOT,
				...(nested ? {filter: {eventSource: IOT}} : {}),
			};
		if (out.length % 13 === 0) r['userAgent'] = 'caf\u00e9 "quoted" \\ tab\t\n';
		out.push(r);
		if (out.length === count) break;
	}
	return out;
}

/** JSON with whitespace (tabs, CR LF, spaces) between every key and its colon, and after the colon. */
function spaced(value: unknown): string {
	return JSON.stringify(value, null, '\t').replace(/"(?:[^"\\]|\\.)*"(: )?/g, (match, colon: string | undefined) =>
		colon ? `${match.slice(0, -2)} \t:\r\n  ` : match,
	);
}

/** A record's eventSource (and, for identity services, its key) written with \u escapes. */
function escaped(r: Rec): string {
	const text = JSON.stringify(r);
	const value = r.eventSource.replace(/^./, c => `\\u00${c.charCodeAt(0).toString(16)}`);
	const key = r.eventSource === IOT ? '"eventSource"' : '"\\u0065ventSource"';
	return text.replace(`"eventSource":"${r.eventSource}"`, `${key}:"${value}"`);
}

describe('the content scan never loses an IoT 1-Click or identity event', () => {
	let dir: string;
	const written: Rec[] = [];

	beforeAll(async () => {
		dir = await tempDir();
		const logs = path.join(dir, 'logs');
		await import('node:fs/promises').then(fs => fs.mkdir(logs));
		const file = async (name: string, records: Rec[], text: string) => {
			written.push(...records);
			await writeFile(path.join(logs, name), name.endsWith('.gz') ? gzipSync(text) : text);
		};
		const mixed = (seed: number) => makeRecords({count: 1000, seed, iotShare: 0.05}) as unknown as Rec[];
		const minified = mixed(11);
		await file('minified.json.gz', minified, JSON.stringify({Records: minified}));
		const pretty = mixed(12);
		await file('pretty.json', pretty, JSON.stringify({Records: pretty}, null, 2));
		const pretty2 = mixed(13);
		await file('pretty.json.gz', pretty2, JSON.stringify({Records: pretty2}, null, 4));
		const white = mixed(14);
		await file('whitespace.json', white, spaced({Records: white}));
		// Escapes: the kept records' eventSource spelled with \u; other records' fields full of escapes.
		const esc = mixed(15);
		await file(
			'escapes.json',
			esc,
			`{"Records":[${esc.map(r => (r.eventSource === IOT || isIdentity(r) ? escaped(r) : JSON.stringify(r))).join(',')}]}`,
		);
		// iot1click only in other fields, then one IoT 1-Click record, the file's last.
		const last = [
			...background(999, 16),
			...(mixed(17)
				.filter(r => r.eventSource === IOT)
				.slice(0, 1) as Rec[]),
		];
		await file('last.json.gz', last, JSON.stringify({Records: last}));
		await file('last-plain.json', last.slice(0, -1).concat([]), JSON.stringify({Records: last.slice(0, -1)}));
		// Nothing to keep at all, though iot1click is mentioned: no DuckDB read.
		const none = background(1000, 18);
		await file('none.json.gz', none, JSON.stringify({Records: none}));
		await file('none-pretty.json', background(1000, 19), JSON.stringify({Records: background(1000, 19)}, null, 2));
	}, 60_000);

	it('keeps exactly the IoT 1-Click and identity events, and records the files it did not read', async () => {
		const db = path.join(dir, 'case.duckdb');
		const load = await runCli(['load', path.join(dir, 'logs'), '--db', db]);
		expect(load.code).toBe(0);
		const iot = new Set(written.filter(r => r.eventSource === IOT).map(r => r.eventID));
		const identity = new Set(written.filter(isIdentity).map(r => r.eventID));
		expect(iot.size).toBeGreaterThan(150);
		expect(identity.size).toBeGreaterThan(300);
		const caseFile = await CaseFile.open(db, {readOnly: true});
		try {
			const ids = async (table: string) =>
				new Set((await caseFile.all(`SELECT eventID FROM ${table}`)).map(row => String(row['eventID'])));
			expect(await ids('events')).toEqual(iot);
			expect(await ids('identity_events')).toEqual(identity);
			const ledger = await caseFile.all('SELECT path, records, events, otherService, status FROM files ORDER BY path');
			expect(ledger.map(row => [path.basename(String(row['path'])), Number(row['records']), row['status']])).toEqual([
				['escapes.json', 1000, 'loaded'],
				['last-plain.json', 999, 'loaded'],
				['last.json.gz', 1000, 'loaded'],
				['minified.json.gz', 1000, 'loaded'],
				['none-pretty.json', 1000, 'loaded'],
				['none.json.gz', 1000, 'loaded'],
				['pretty.json', 1000, 'loaded'],
				['pretty.json.gz', 1000, 'loaded'],
				['whitespace.json', 1000, 'loaded'],
			]);
			for (const row of ledger)
				expect(Number(row['events']) + Number(row['otherService'])).toBe(Number(row['records']));
			expect(ledger.reduce((sum, row) => sum + Number(row['events']), 0)).toBe(iot.size);
		} finally {
			caseFile.close();
		}
		// The three files with nothing to keep were not read by DuckDB, and the summary says so.
		expect(load.stdout).toContain('files: 9 loaded (3 skipped by the content scan: no record that could be kept)');
		expect(load.stdout).toContain(`events: ${iot.size.toLocaleString('en-US')} added, 0 duplicates`);
	});
});

describe('mayBeKept', () => {
	const yes = (text: string) => expect(mayBeKept(Buffer.from(text))).toBe(true);
	const no = (text: string) => expect(mayBeKept(Buffer.from(text))).toBe(false);

	it('says yes to every spelling of a kept service', () => {
		yes(`{"eventSource":"${IOT}"}`);
		yes(`{"eventSource" \t\r\n:\n  "${IOT}"}`);
		yes(`{"eventSource":"\\u0069ot1click.amazonaws.com"}`);
		yes(`{"\\u0065ventSource":"${IOT}"}`);
		yes(`{"eventSource":"iot1click.amazonaws.com\\/"}`);
		yes('{"eventSource":"sts.amazonaws.com"}');
		yes('{"eventSource":"signin.amazonaws.com"}');
		yes('{"eventSource":"sso.amazonaws.com"}');
		yes('{"eventSource":"iam.amazonaws.com"}');
		yes('{"eventSource":"lambda.amazonaws.com","responseElements":{"credentials":{"accessKeyId":"ASIA"}}}');
		yes(`{"eventSource":"s3.amazonaws.com","x":"\\u00e9","eventSource":"${IOT}"}`);
		yes('{"eventSource":"s3.amazonaws.com","eventSource":"sts.amazonaws.com"}');
		yes('{"eventSource":"s3.amazonaws.com","userAgent":"\\u00e9"}');
	});

	it('says no when the services appear only elsewhere', () => {
		no('{"eventSource":"s3.amazonaws.com"}');
		no(`{"eventSource":"lambda.amazonaws.com","userIdentity":{"invokedBy":"${IOT}"}}`);
		no(`{"eventSource":"iam.amazonaws.com.evil","policy":"{\\"eventSource\\":\\"${IOT}\\"}"}`);
		no(`{"eventSource":"s3.amazonaws.com","note":"eventSource: ${IOT}","x":"\\"quoted\\""}`);
		no(`{"eventSource":"IOT1CLICK.amazonaws.com"}`);
	});
});
