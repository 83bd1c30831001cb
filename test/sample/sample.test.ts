import {createHash} from 'node:crypto';
import {mkdtemp, readdir, readFile, rm, stat} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {gunzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	DIGEST_KEY_PATTERN,
	EVENT_HISTORY_CSV_HEADER,
	generateSample,
	HOSTILE_USER_AGENT,
	IDENTITY_TYPES,
	IOT_OPERATIONS,
	LOG_KEY_PATTERN,
	makeBuiltRecords,
	makeRecords,
	writeEventHistoryCsv,
	writeEventHistoryJson,
	writeJsonLines,
	writeLargeLogFile,
	type CloudTrailRecord,
	type GroundTruth,
} from '../../source/sample/index.js';

const temps: string[] = [];
async function tempDir(): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'clicktrail-sample-'));
	temps.push(dir);
	return dir;
}

async function listFiles(root: string): Promise<string[]> {
	const entries = await readdir(root, {recursive: true, withFileTypes: true});
	return entries
		.filter(e => e.isFile())
		.map(e => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();
}

async function readLog(root: string, key: string): Promise<CloudTrailRecord[]> {
	const json = JSON.parse(gunzipSync(await readFile(path.join(root, key))).toString('utf8')) as {
		Records: CloudTrailRecord[];
	};
	expect(Array.isArray(json.Records)).toBe(true);
	return json.Records;
}

function sum(values: Record<string, number>): number {
	return Object.values(values).reduce((a, b) => a + b, 0);
}

afterAll(async () => {
	await Promise.all(temps.map(dir => rm(dir, {recursive: true, force: true})));
});

describe('generateSample (5000 events, bad files)', () => {
	let root: string;
	let truth: GroundTruth;
	let records: CloudTrailRecord[];

	beforeAll(async () => {
		root = await tempDir();
		truth = await generateSample({outDir: root, events: 5000, seed: 7, badFiles: true});
		records = [];
		for (const key of truth.logFiles) records.push(...(await readLog(root, key)));
	});

	it('returns plain JSON', () => {
		expect(JSON.parse(JSON.stringify(truth))).toEqual(truth);
	});

	it('keeps the truth consistent with itself', () => {
		expect(truth.iotEvents + truth.otherServiceEvents).toBe(5000);
		expect(truth.totalRecords).toBe(5000 + truth.duplicateDeliveries);
		expect(truth.duplicateDeliveries).toBeGreaterThan(0);
		expect(truth.duplicateEventIDs).toHaveLength(truth.duplicateDeliveries);
		expect(sum(truth.byEventName)).toBe(truth.iotEvents);
		expect(sum(truth.byPrincipal)).toBe(truth.iotEvents);
		expect(sum(truth.byPrincipalType)).toBe(truth.iotEvents);
		expect(sum(truth.byAccount)).toBe(truth.iotEvents);
		expect(sum(truth.byRegion)).toBe(truth.iotEvents);
		expect(truth.errors).toBeGreaterThan(0);
		expect(truth.errors / truth.iotEvents).toBeLessThan(0.06);
		expect(truth.accounts).toHaveLength(3);
		for (const account of truth.accounts) expect(account).toMatch(/^\d{12}$/);
		expect(truth.regions).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
	});

	it('matches the files written', () => {
		expect(records).toHaveLength(truth.totalRecords);
		const unique = new Map<string, CloudTrailRecord>();
		for (const r of records) unique.set(r.eventID, r);
		expect(unique.size).toBe(5000);
		const iot = [...unique.values()].filter(r => r.eventSource === 'iot1click.amazonaws.com');
		expect(iot).toHaveLength(truth.iotEvents);
		const byName: Record<string, number> = {};
		const byDevice: Record<string, number> = {};
		for (const r of iot) {
			byName[r.eventName] = (byName[r.eventName] ?? 0) + 1;
			const deviceId = r.requestParameters?.['deviceId'];
			if (typeof deviceId === 'string') byDevice[deviceId] = (byDevice[deviceId] ?? 0) + 1;
		}
		expect(byName).toEqual(truth.byEventName);
		expect(byDevice).toEqual(truth.byDeviceId);
		expect(iot.filter(r => r.errorCode !== undefined)).toHaveLength(truth.errors);
	});

	it('has every one of the 18 operations', () => {
		expect(IOT_OPERATIONS).toHaveLength(18);
		for (const op of IOT_OPERATIONS) expect(truth.byEventName[op.name], op.name).toBeGreaterThan(0);
	});

	it('has every identity type, AssumedRole and IAMUser most common', () => {
		for (const type of IDENTITY_TYPES) expect(truth.byPrincipalType[type], type).toBeGreaterThan(0);
		const types = new Set(records.map(r => r.userIdentity.type));
		for (const type of [
			'IAMUser',
			'Root',
			'FederatedUser',
			'Role',
			'AssumedRole',
			'AWSService',
			'AWSAccount',
			'IdentityCenterUser',
			'SAMLUser',
			'WebIdentityUser',
			'Unknown',
		]) {
			expect(types.has(type), type).toBe(true);
		}
		const ranked = Object.entries(truth.byPrincipalType)
			.sort((a, b) => b[1] - a[1])
			.map(([t]) => t);
		expect(ranked.slice(0, 2)).toEqual(['AssumedRole', 'IAMUser']);
		const unknown = records.find(r => r.userIdentity.type === 'Unknown');
		expect(Object.keys(unknown?.userIdentity ?? {}).sort()).toEqual(['principalId', 'type']);
		expect(
			records.some(
				r => r.userIdentity.type === 'IAMUser' && r.userIdentity.arn && r.userIdentity.userName === undefined,
			),
		).toBe(true);
	});

	it('shapes records like CloudTrail', () => {
		for (const r of records.slice(0, 500)) {
			expect(r.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			expect(r.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(['1.08', '1.09']).toContain(r.eventVersion);
			expect(r.eventType).toBe('AwsApiCall');
			expect(r.eventCategory).toBe('Management');
			expect(truth.accounts).toContain(r.recipientAccountId);
			expect(Date.parse(r.eventTime)).toBeGreaterThanOrEqual(Date.parse(truth.start));
			expect(Date.parse(r.eventTime)).toBeLessThan(Date.parse(truth.end));
			if (r.eventSource === 'iot1click.amazonaws.com') {
				expect(r.readOnly).toBe(/^(List|Describe|Get)/.test(r.eventName));
			}
		}
		const deviceIds = Object.keys(truth.byDeviceId);
		for (const id of deviceIds) expect(id).toMatch(/^G030[A-Z]{2}\d{10}$/);
	});

	it('mixes in other services, some mentioning iot1click outside eventSource', () => {
		const sources = new Set(records.map(r => r.eventSource));
		for (const s of [
			'iot.amazonaws.com',
			's3.amazonaws.com',
			'sts.amazonaws.com',
			'ec2.amazonaws.com',
			'lambda.amazonaws.com',
		])
			expect(sources.has(s), s).toBe(true);
		const mentions = records.filter(
			r => r.eventSource !== 'iot1click.amazonaws.com' && JSON.stringify(r).includes('iot1click'),
		);
		expect(mentions.length).toBeGreaterThan(0);
		expect(
			mentions.some(
				r => r.eventSource === 'sts.amazonaws.com' && r.userIdentity.invokedBy === 'iot1click.amazonaws.com',
			),
		).toBe(true);
	});

	it('plants the incident: 12 devices disabled by one session from an odd address', () => {
		const incident = truth.incident;
		expect(incident).not.toBeNull();
		if (!incident) return;
		expect(incident.count).toBe(12);
		expect(new Set(incident.deviceIds).size).toBe(12);
		expect(Date.parse(incident.end) - Date.parse(incident.start)).toBeLessThan(10 * 60_000);
		expect(incident.start <= '2024-12-03T23:38:00Z' && incident.end >= '2024-12-03T23:38:00Z').toBe(true);
		const calls = records.filter(r => r.userIdentity.arn === incident.principal);
		const updates = calls.filter(r => r.eventName === 'UpdateDeviceState');
		expect(updates).toHaveLength(12);
		for (const r of updates) {
			expect(r.requestParameters).toMatchObject({enabled: false});
			expect(r.sourceIPAddress).toBe(incident.sourceIPAddress);
			expect(r.userIdentity.type).toBe('AssumedRole');
		}
		expect(updates.map(r => r.requestParameters?.['deviceId']).sort()).toEqual([...incident.deviceIds].sort());
		const list = calls.find(r => r.eventName === 'ListDevices');
		expect(list?.eventTime).toBe(incident.precedingEvent.eventTime);
		expect(list && list.eventTime < incident.start).toBe(true);
		expect(truth.byPrincipal[incident.principal]).toBe(13);
	});

	it('plants hostile text', () => {
		expect(truth.hostile?.userAgent).toBe(HOSTILE_USER_AGENT);
		const ua = records.find(r => r.eventID === truth.hostile?.eventID);
		expect(ua?.userAgent).toBe(HOSTILE_USER_AGENT);
		expect(ua?.eventSource).toBe('iot1click.amazonaws.com');
		const principal = truth.hostile?.principal ?? '';
		expect(principal).toMatch(/[\u4e00-\u9fff]/);
		expect(principal).toContain('\u0301');
		expect(principal).toMatch(/\p{Extended_Pictographic}/u);
		expect(truth.byPrincipal[principal]).toBe(2);
	});

	it('lays files out like CloudTrail in S3', async () => {
		expect(truth.logFiles.length).toBeGreaterThanOrEqual(10);
		for (const key of truth.logFiles) {
			const match = LOG_KEY_PATTERN.exec(key);
			expect(match, key).not.toBeNull();
		}
		expect(
			truth.logFiles.some(k =>
				k.startsWith(`AWSLogs/${truth.organizationId}/${truth.organizationAccount}/CloudTrail/`),
			),
		).toBe(true);
		expect(truth.organizationId).toMatch(/^o-[a-z0-9]{10}$/);
		const files = await listFiles(root);
		expect(files.filter(f => f.includes('_CloudTrail_'))).toEqual(truth.logFiles);
		// A key's time is the delivery: minutes after the newest event in the file.
		let crossesMidnight = false;
		for (const key of truth.logFiles) {
			const match = LOG_KEY_PATTERN.exec(key) as RegExpExecArray;
			const stamp = match[7] as string;
			const delivery = Date.parse(
				`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:00Z`,
			);
			const times = (await readLog(root, key)).map(r => Date.parse(r.eventTime));
			const newest = Math.max(...times);
			expect(delivery).toBeGreaterThan(newest - 60_000);
			const folder = `${match[4]}-${match[5]}-${match[6]}`;
			expect(stamp.startsWith(folder.replaceAll('-', ''))).toBe(true);
			if (times.some(t => new Date(t).toISOString().slice(0, 10) < folder)) crossesMidnight = true;
			const sorted = [...times].sort((a, b) => a - b);
			if (times.length > 10) expect(times).not.toEqual(sorted);
		}
		expect(crossesMidnight).toBe(true);
	});

	it('writes digests that hash the decompressed logs', async () => {
		expect(truth.digestFiles.length).toBeGreaterThan(0);
		const hashes = new Map<string, string>();
		for (const key of truth.logFiles)
			hashes.set(
				key,
				createHash('sha256')
					.update(gunzipSync(await readFile(path.join(root, key))))
					.digest('hex'),
			);
		const listed = new Set<string>();
		for (const key of truth.digestFiles) {
			expect(key).toMatch(DIGEST_KEY_PATTERN);
			const digest = JSON.parse(gunzipSync(await readFile(path.join(root, key))).toString('utf8')) as Record<
				string,
				unknown
			> & {
				logFiles: {s3Object: string; hashValue: string; hashAlgorithm: string}[];
			};
			expect(digest['digestS3Object']).toBe(key);
			expect(digest['digestSignatureAlgorithm']).toBe('SHA256withRSA');
			for (const field of [
				'awsAccountId',
				'digestStartTime',
				'digestEndTime',
				'digestS3Bucket',
				'digestPublicKeyFingerprint',
				'newestEventTime',
				'oldestEventTime',
				'previousDigestS3Bucket',
				'previousDigestS3Object',
				'previousDigestHashValue',
				'previousDigestHashAlgorithm',
				'previousDigestSignature',
			]) {
				expect(digest, field).toHaveProperty(field);
			}
			for (const log of digest.logFiles) {
				expect(log.hashAlgorithm).toBe('SHA-256');
				expect(log.hashValue).toBe(hashes.get(log.s3Object));
				listed.add(log.s3Object);
			}
			if (digest['previousDigestS3Object']) {
				const previous = gunzipSync(await readFile(path.join(root, digest['previousDigestS3Object'] as string)));
				expect(digest['previousDigestHashValue']).toBe(createHash('sha256').update(previous).digest('hex'));
			}
		}
		expect([...listed].sort()).toEqual(truth.logFiles);
	});

	it('writes the bad-file set with its kinds', async () => {
		const kinds = new Set(truth.badFiles.map(f => f.kind));
		expect([...kinds].sort()).toEqual([
			'bad-records',
			'digest',
			'empty',
			'invalid-json',
			'not-cloudtrail',
			'truncated-gzip',
		]);
		for (const file of truth.badFiles) {
			expect(file.path.startsWith('bad/')).toBe(true);
			const bytes = await readFile(path.join(root, file.path));
			switch (file.kind) {
				case 'truncated-gzip':
					expect(() => gunzipSync(bytes)).toThrow();
					break;
				case 'invalid-json':
					expect(() => JSON.parse(bytes.toString('utf8'))).toThrow();
					break;
				case 'not-cloudtrail':
					expect(JSON.parse(bytes.toString('utf8'))).toEqual({hello: 'world'});
					break;
				case 'empty':
					expect((await stat(path.join(root, file.path))).size).toBe(0);
					break;
				case 'digest':
					expect(path.basename(file.path)).toMatch(/_CloudTrail-Digest_/);
					expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toHaveProperty('logFiles');
					break;
				case 'bad-records': {
					const parsed = JSON.parse(bytes.toString('utf8')) as {Records: unknown[]};
					expect(parsed.Records).toHaveLength(truth.badRecords + truth.goodRecordsInBadRecordFile);
					const good = parsed.Records.filter(
						(r): r is CloudTrailRecord =>
							typeof r === 'object' &&
							r !== null &&
							'eventID' in r &&
							!Number.isNaN(Date.parse((r as CloudTrailRecord).eventTime)),
					);
					expect(good.map(r => r.eventID)).toEqual(truth.goodRecordIDsInBadRecordFile);
					expect(parsed.Records.some(r => typeof r !== 'object')).toBe(true);
					expect(parsed.Records.some(r => typeof r === 'object' && r !== null && !('eventID' in r))).toBe(true);
					expect(parsed.Records.some(r => (r as CloudTrailRecord | null)?.eventTime === 'not-a-time')).toBe(true);
					break;
				}
			}
		}
		expect(truth.badRecords).toBeGreaterThanOrEqual(3);
		expect(truth.goodRecordsInBadRecordFile).toBeGreaterThan(0);
		const main = new Set(records.map(r => r.eventID));
		for (const id of truth.goodRecordIDsInBadRecordFile) expect(main.has(id)).toBe(false);
	});
});

describe('determinism', () => {
	async function snapshot(root: string): Promise<Map<string, string>> {
		const out = new Map<string, string>();
		for (const file of await listFiles(root))
			out.set(
				file,
				createHash('sha256')
					.update(await readFile(path.join(root, file)))
					.digest('hex'),
			);
		return out;
	}

	it('gives byte-identical files for the same seed, different ones for another', async () => {
		const [a, b, c] = await Promise.all([tempDir(), tempDir(), tempDir()]);
		const options = {events: 1500, recordsPerFile: 200, badFiles: true};
		const ta = await generateSample({...options, outDir: a, seed: 3});
		const tb = await generateSample({...options, outDir: b, seed: 3});
		const tc = await generateSample({...options, outDir: c, seed: 4});
		expect(tb).toEqual(ta);
		expect(await snapshot(b)).toEqual(await snapshot(a));
		expect(tc.logFiles).not.toEqual(ta.logFiles);
		expect(tc.accounts).not.toEqual(ta.accounts);
	});
});

describe('options', () => {
	it('skips the incident when the window excludes it, and honours iotShare, hostile and digests', async () => {
		const root = await tempDir();
		const truth = await generateSample({
			outDir: root,
			events: 800,
			seed: 2,
			start: '2024-11-01T00:00:00Z',
			end: '2024-11-10T00:00:00Z',
			iotShare: 0.9,
			hostile: false,
			digests: false,
		});
		expect(truth.incident).toBeNull();
		expect(truth.incidentSkipped).toMatch(/window/);
		expect(truth.hostile).toBeUndefined();
		expect(truth.digestFiles).toEqual([]);
		expect(truth.iotEvents / 800).toBeGreaterThan(0.84);
		expect(truth.newestIotEvent! < '2024-11-10T00:00:00Z').toBe(true);
		expect((await listFiles(root)).some(f => f.includes('Digest'))).toBe(false);
	});
});

describe('format writers', () => {
	it('makeRecords is deterministic, unique and covers the operations', () => {
		const records = makeRecords({count: 200, seed: 5});
		expect(records).toHaveLength(200);
		expect(makeRecords({count: 200, seed: 5})).toEqual(records);
		expect(new Set(records.map(r => r.eventID)).size).toBe(200);
		const names = new Set(records.filter(r => r.eventSource === 'iot1click.amazonaws.com').map(r => r.eventName));
		expect(names.size).toBe(18);
		const built = makeBuiltRecords({count: 50, seed: 5, iotShare: 1});
		expect(built.every(b => b.meta.iot && b.record.eventSource === 'iot1click.amazonaws.com')).toBe(true);
	});

	it('writes JSON lines, Event history JSON and CSV', async () => {
		const dir = await tempDir();
		const records = makeRecords({count: 30, seed: 6});
		records[0] = {...(records[0] as CloudTrailRecord), userAgent: HOSTILE_USER_AGENT};
		await writeJsonLines(path.join(dir, 'events.jsonl'), records);
		await writeJsonLines(path.join(dir, 'events.jsonl.gz'), records);
		const lines = (await readFile(path.join(dir, 'events.jsonl'), 'utf8')).trimEnd().split('\n');
		expect(lines.map(l => JSON.parse(l) as unknown)).toEqual(records);
		expect(gunzipSync(await readFile(path.join(dir, 'events.jsonl.gz'))).toString('utf8')).toBe(
			lines.join('\n') + '\n',
		);

		await writeEventHistoryJson(path.join(dir, 'history.json'), records);
		const history = await readFile(path.join(dir, 'history.json'), 'utf8');
		expect(history.split('\n').length).toBeGreaterThan(records.length);
		expect((JSON.parse(history) as {Records: unknown[]}).Records).toEqual(records);

		await writeEventHistoryCsv(path.join(dir, 'history.csv'), records);
		const csv = await readFile(path.join(dir, 'history.csv'), 'utf8');
		const rows = parseCsv(csv);
		expect(rows[0]).toEqual([...EVENT_HISTORY_CSV_HEADER]);
		expect(rows).toHaveLength(records.length + 1);
		rows.slice(1).forEach((row, i) => {
			const record = records[i] as CloudTrailRecord;
			expect(row).toHaveLength(13);
			expect(row[0]).toBe(record.eventID);
			expect(row[3]).toBe(record.eventName);
			expect(JSON.parse(row[12] as string)).toEqual(record);
		});
	});

	it('writes a large log file', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'large.json');
		const iot = await writeLargeLogFile(file, 3_000_000, 1);
		const text = await readFile(file, 'utf8');
		expect(text.length).toBeGreaterThan(3_000_000);
		const records = (JSON.parse(text) as {Records: CloudTrailRecord[]}).Records;
		expect(records.filter(r => r.eventSource === 'iot1click.amazonaws.com')).toHaveLength(iot);
		expect(iot / records.length).toBeGreaterThan(0.8);
		expect(new Set(records.map(r => r.eventID)).size).toBe(records.length);
	});
});

/** A small RFC 4180 parser for the test. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i] as string;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
