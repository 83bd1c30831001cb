import {describe, expect, it} from 'vitest';
import type {LineageRecord} from '../../source/lineage/types.js';
import {MAX_HOPS, traceLineage} from '../../source/lineage/walk.js';

function record(
	eventID: string,
	accessKeyId: string | null,
	issued: string | null,
	extra: Partial<LineageRecord> = {},
): LineageRecord {
	return {
		eventID,
		eventTime: '2024-12-03T23:00:00Z',
		eventSource: 'sts.amazonaws.com',
		eventName: 'AssumeRole',
		awsRegion: 'us-east-1',
		recipientAccountId: '111122223333',
		principal: `arn:aws:sts::111122223333:assumed-role/R/${eventID}`,
		principalType: 'AssumedRole',
		accountId: '111122223333',
		accessKeyId,
		sourceIPAddress: '192.0.2.1',
		userAgent: 'aws-cli',
		errorCode: null,
		sourceFile: 'f.json.gz',
		invokedBy: null,
		sessionCreated: null,
		sessionIssuer: null,
		fromConsole: null,
		mfaAuthenticated: null,
		sourceIdentity: null,
		issuedAccessKeyId: issued,
		roleArn: null,
		roleSessionName: null,
		sharedEventID: null,
		isIdentityEvent: true,
		...extra,
	};
}

describe('the lineage walk', () => {
	it('stops on a cycle of keys (forged logs) and reports it incomplete', async () => {
		// Key A was issued by an event made with key B, and B by an event made with A.
		const issuers: Record<string, LineageRecord[]> = {
			ASIAA: [record('e1', 'ASIAB', 'ASIAA')],
			ASIAB: [record('e2', 'ASIAA', 'ASIAB')],
		};
		const lineage = await traceLineage(record('start', 'ASIAA', null), {issuers: async key => issuers[key] ?? []});
		expect(lineage.chain.map(hop => hop.issuedBy?.eventID)).toEqual(['e1', 'e2']);
		expect(lineage.origin).toMatchObject({kind: 'cycle', complete: false});
	});

	it('bounds the depth of a chain', async () => {
		let asked = 0;
		const lineage = await traceLineage(record('start', 'ASIA0', null), {
			issuers: async key => {
				asked++;
				const n = Number(key.slice(4));
				return [record(`e${n}`, `ASIA${n + 1}`, key)];
			},
		});
		expect(asked).toBe(MAX_HOPS);
		expect(lineage.chain).toHaveLength(MAX_HOPS);
		expect(lineage.origin).toMatchObject({kind: 'too-deep', complete: false});
	});

	it("prefers the successful issuing call and the copy that names the caller's key", async () => {
		const failed = record('failed', 'AKIAX', 'ASIAK', {errorCode: 'AccessDenied', eventTime: '2024-12-03T22:00:00Z'});
		const roleCopy = record('role-copy', null, 'ASIAK', {principalType: 'AWSAccount', sharedEventID: 's'});
		const callerCopy = record('caller-copy', 'AKIAY', null, {principalType: 'IAMUser', sharedEventID: 's'});
		const lineage = await traceLineage(record('start', 'ASIAK', null), {
			issuers: async () => [failed, roleCopy, callerCopy],
		});
		expect(lineage.chain.map(hop => hop.issuedBy?.eventID)).toEqual(['caller-copy']);
		expect(lineage.origin).toMatchObject({kind: 'long-term-key', complete: true, principalType: 'IAMUser'});
	});

	it('stops at an AWS service, root, and a console session of an IAM user', async () => {
		const none = {issuers: async () => []};
		const service = await traceLineage(
			record('s', null, null, {principalType: 'AWSService', invokedBy: 'iot1click.amazonaws.com'}),
			none,
		);
		expect(service.origin).toMatchObject({kind: 'aws-service', principal: 'iot1click.amazonaws.com', complete: true});
		const root = await traceLineage(record('r', 'ASIAR', null, {principalType: 'Root'}), none);
		expect(root.origin).toMatchObject({kind: 'root', complete: true});
		const console = await traceLineage(
			record('c', 'ASIAC', null, {principalType: 'IAMUser', fromConsole: 'true'}),
			none,
		);
		expect(console.origin).toMatchObject({kind: 'console-sign-in', complete: true});
		expect(console.chain).toEqual([{accessKeyId: 'ASIAC', issuedBy: null}]);
	});
});
