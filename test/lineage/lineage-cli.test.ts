import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import type {LineageJson} from '../../source/lineage/output.js';
import {generateLineage, HOSTILE_SUBJECT, type LineageTruth, type PlantedChain} from '../../source/sample/index.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

describe("clicktrail lineage against the generator's planted chains", () => {
	let truth: LineageTruth;
	let db: string;
	const chain = (name: string): PlantedChain => truth.chains.find(c => c.name === name)!;
	const lineage = async (...ids: string[]): Promise<LineageJson[]> => {
		const result = await runCli(['lineage', ...ids, '--db', db, '--format', 'ndjson']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		return result.stdout
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as LineageJson);
	};

	beforeAll(async () => {
		const dir = await tempDir();
		const archive = path.join(dir, 'archive');
		truth = await generateLineage({outDir: archive, seed: 5, background: 1200});
		db = path.join(dir, 'case.duckdb');
		// Without --all-services: the identity events are kept all the same.
		const load = await runCli(['load', archive, '--db', db, '--quiet']);
		expect(load.stderr).toBe('');
		expect(load.code).toBe(0);
	}, 60_000);

	it('traces every planted chain hop by hop, from every IoT event made with its key', async () => {
		expect(truth.chains.map(c => c.hops.length)).toEqual([2, 3, 2, 1, 1]);
		for (const planted of truth.chains) {
			const traced = await lineage(...planted.iotEventIDs);
			expect(traced).toHaveLength(planted.iotEventIDs.length);
			for (const [index, one] of traced.entries()) {
				expect(one.event.eventID).toBe(planted.iotEventIDs[index]);
				expect(one.event.accessKeyId).toBe(planted.hops[0]!.accessKeyId);
				expect(
					one.chain.map(hop => [hop.accessKeyId, hop.issuedBy?.eventID ?? null, hop.issuedBy?.eventName ?? null]),
				).toEqual(planted.hops.map(hop => [hop.accessKeyId, hop.issuedByEventID, hop.eventName]));
				expect(one.origin).toEqual({reason: expect.any(String) as string, ...planted.origin});
			}
		}
	});

	it('reports the missing issuance as incomplete, naming account, region and time', async () => {
		const planted = chain('missing-issuance');
		const [one] = await lineage(planted.iotEventIDs[0]!);
		expect(one!.origin.complete).toBe(false);
		expect(one!.origin.kind).toBe('missing-issuance');
		expect(one!.origin.reason).toBe(planted.origin.reason);
		expect(one!.origin.reason).toMatch(
			/^issuance of ASIA[A-Z0-9]{16} not in the loaded logs: load sts events of account \d{12}, region [a-z]{2}-[a-z]+-\d around 20\d\d-/,
		);
		expect(one!.chain).toEqual([{accessKeyId: planted.hops[0]!.accessKeyId, issuedBy: null}]);
	});

	it("matches the cross-account hop through sharedEventID and follows the caller's copy", async () => {
		const planted = chain('three-hop-cross-account');
		const [one] = await lineage(planted.iotEventIDs[0]!);
		const hop = one!.chain[2]!;
		expect(hop.issuedBy!.eventID).toBe(planted.crossAccount!.callerCopy);
		expect(hop.issuedBy!.principalType).toBe('IAMUser');
		expect(hop.issuedBy!.accessKeyId).toMatch(/^AKIA/);
		// The role account's copy alone (the one that carries the key) names only the caller's account.
		const [copy] = await lineage(planted.crossAccount!.roleCopy);
		expect(copy!.origin).toMatchObject({kind: 'cross-account-caller', complete: false});
	});

	it("--format json is the issue's shape: one object, or an array for several IDs", async () => {
		const planted = chain('two-hop');
		const single = await runCli(['lineage', planted.iotEventIDs[0]!, '--db', db, '--format', 'json']);
		expect(single.code).toBe(0);
		const object = JSON.parse(single.stdout) as LineageJson;
		expect(Object.keys(object)).toEqual(['event', 'chain', 'origin']);
		expect(Object.keys(object.event)).toEqual(['eventID', 'eventTime', 'eventName', 'principal', 'accessKeyId']);
		expect(Object.keys(object.chain[0]!)).toEqual(['accessKeyId', 'issuedBy']);
		expect(Object.keys(object.chain[0]!.issuedBy!)).toEqual([
			'eventID',
			'eventTime',
			'eventSource',
			'eventName',
			'principal',
			'principalType',
			'accessKeyId',
			'sourceIPAddress',
			'userAgent',
			'sourceFile',
		]);
		expect(Object.keys(object.origin)).toEqual(['principal', 'principalType', 'kind', 'complete', 'reason']);
		expect(object.chain[0]!.issuedBy!.sourceFile).toMatch(/CloudTrail.*\.json\.gz$/);
		const several = await runCli(['lineage', ...planted.iotEventIDs.slice(0, 3), '--db', db, '--format', 'json']);
		const array = JSON.parse(several.stdout) as LineageJson[];
		expect(array.map(one => one.event.eventID)).toEqual(planted.iotEventIDs.slice(0, 3));
	});

	it('text: each hop and the origin; hostile text from the logs stays inert', async () => {
		const planted = chain('two-hop');
		const text = await runCli(['lineage', planted.iotEventIDs[0]!, '--db', db]);
		expect(text.code).toBe(0);
		for (const hop of planted.hops) expect(text.stdout).toContain(`<- ${hop.accessKeyId} issued `);
		expect(text.stdout).toContain('sourceIdentity alice.ng');
		// The hop's MFA is its caller's: the Deployer session (opened with MFA) issued mallory's key.
		expect(text.stdout).toMatch(/session mallory · MFA yes · sourceIdentity alice\.ng/);
		expect(text.stdout).toContain(`origin: ${planted.origin.principal} (IAMUser) · long-term-key · complete`);
		const hostile = await runCli(['lineage', chain('web-identity').iotEventIDs[0]!, '--db', db]);
		expect(hostile.code).toBe(0);
		expect(HOSTILE_SUBJECT).toMatch(/\u001b/);
		expect(hostile.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
		expect(hostile.stdout).toContain('repo:acme/buttons:\\e]0;owned\\x07\\e[31mref:main\\u202e');
		const json = await runCli(['lineage', chain('web-identity').iotEventIDs[0]!, '--db', db, '--format', 'json']);
		expect(json.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
		expect((JSON.parse(json.stdout) as LineageJson).origin.principal).toBe(
			`${HOSTILE_SUBJECT} (token.actions.githubusercontent.com)`,
		);
	});

	it('an unknown eventID is an error naming it; no EVENT_ID is a usage error', async () => {
		const unknown = await runCli(['lineage', 'no-such-event', '--db', db]);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain('no event "no-such-event"');
		const none = await runCli(['lineage', '--db', db]);
		expect(none.code).toBe(2);
		const format = await runCli(['lineage', 'x', '--db', db, '--format', 'csv']);
		expect(format.code).toBe(2);
	});

	it('clicktrail sessions: one row per key used on IoT events, with its issuer', async () => {
		const result = await runCli(['sessions', '--db', db, '--format', 'ndjson']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const rows = result.stdout
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(new Set(rows.map(row => row['accessKeyId'])).size).toBe(rows.length);
		for (const planted of truth.chains) {
			const row = rows.find(r => r['accessKeyId'] === planted.hops[0]!.accessKeyId)!;
			expect(row['events']).toBe(planted.iotEventIDs.length);
			expect(row['issuedByEventID']).toBe(planted.hops[0]!.issuedByEventID);
			expect(row['firstUse']).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			expect(String(row['sourceIPs'])).toMatch(/^198\.51\.100\.\d+$/);
		}
		const table = await runCli(['sessions', '--db', db]);
		expect(table.code).toBe(0);
		expect(table.stdout).toMatch(/^accessKeyId\s*│principal/);
	});
});
