/**
 * Each Sigma detection feature on crafted records: 1,000 generated records plus a few with hostile values, loaded
 * into a real case file; what each rule matches is compared with the same test written in JavaScript.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {makeRecords, type CloudTrailRecord} from '../../source/sample/index.js';
import {CaseFile} from '../../source/store/database.js';
import {tempDir} from '../helpers/temp.js';
import {loadRecords, matching, rule} from './helpers.js';

const HOSTILE = [`it's "quoted"`, '100%_done', 'star*lit?q', 'back\\slash', `x'); DROP TABLE events; --`];

describe('Sigma detection features', () => {
	let db: string;
	let records: CloudTrailRecord[];
	const ids = (test: (r: CloudTrailRecord) => boolean) =>
		records
			.filter(test)
			.map(r => r.eventID)
			.sort();

	beforeAll(async () => {
		records = makeRecords({count: 1000, seed: 5, iotShare: 0.8});
		HOSTILE.forEach((agent, i) => (records[i * 7]!.userAgent = agent));
		db = await loadRecords(await tempDir(), 'features', records);
	}, 60_000);

	it('equality is case-insensitive; cased is not; a list is OR', async () => {
		expect(await matching(db, rule('  sel:\n    eventName: listdevices\n  condition: sel'))).toEqual(
			ids(r => r.eventName === 'ListDevices'),
		);
		expect(await matching(db, rule('  sel:\n    eventName|cased: listdevices\n  condition: sel'))).toEqual([]);
		const both = ids(r => r.eventName === 'ListDevices' || r.eventName === 'DescribeDevice');
		expect(both.length).toBeGreaterThan(50);
		expect(
			await matching(db, rule('  sel:\n    eventName:\n      - ListDevices\n      - DescribeDevice\n  condition: sel')),
		).toEqual(both);
	});

	it('contains, startswith, endswith, wildcards, all', async () => {
		const ua = (r: CloudTrailRecord) => r.userAgent.toLowerCase();
		expect(await matching(db, rule('  sel:\n    userAgent|contains: LINUX\n  condition: sel'))).toEqual(
			ids(r => ua(r).includes('linux')),
		);
		expect(await matching(db, rule('  sel:\n    userAgent|startswith: boto3/\n  condition: sel'))).toEqual(
			ids(r => ua(r).startsWith('boto3/')),
		);
		expect(
			await matching(
				db,
				rule(
					'  sel:\n    userAgent|endswith: "#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off md/command#iot1click-devices.list-devices"\n  condition: sel',
				),
			),
		).toEqual(ids(r => ua(r).endsWith('md/command#iot1click-devices.list-devices')));
		expect(await matching(db, rule("  sel:\n    userAgent: 'aws-cli/2.1?.*'\n  condition: sel"))).toEqual(
			ids(r => /^aws-cli\/2\.1.\./i.test(r.userAgent)),
		);
		expect(
			await matching(db, rule('  sel:\n    userAgent|contains|all:\n      - linux\n      - python\n  condition: sel')),
		).toEqual(ids(r => ua(r).includes('linux') && ua(r).includes('python')));
	});

	it('re (with i), exists, null, numbers, fieldref and dotted paths into the record', async () => {
		expect(await matching(db, rule("  sel:\n    userAgent|re: '^Boto3/1\\.3[45]'\n  condition: sel"))).toEqual(
			ids(r => /^Boto3\/1\.3[45]/.test(r.userAgent)),
		);
		expect(await matching(db, rule("  sel:\n    userAgent|re|i: '^boto3/'\n  condition: sel"))).toEqual(
			ids(r => /^boto3\//i.test(r.userAgent)),
		);
		expect(await matching(db, rule('  sel:\n    errorCode|exists: true\n  condition: sel'))).toEqual(
			ids(r => r.errorCode !== undefined),
		);
		expect(
			await matching(
				db,
				rule('  sel:\n    eventSource: iot1click.amazonaws.com\n    errorCode: null\n  condition: sel'),
			),
		).toEqual(ids(r => r.eventSource === 'iot1click.amazonaws.com' && r.errorCode === undefined));
		expect(await matching(db, rule('  sel:\n    requestParameters.enabled: false\n  condition: sel'))).toEqual(
			ids(r => r.requestParameters?.['enabled'] === false),
		);
		expect(await matching(db, rule('  sel:\n    requestParameters.maxResults|gte: 50\n  condition: sel'))).toEqual(
			ids(r => Number(r.requestParameters?.['maxResults']) >= 50),
		);
		expect(
			await matching(
				db,
				rule('  sel:\n    userIdentity.type: Root\n    principal|fieldref: userIdentity.arn\n  condition: sel'),
			),
		).toEqual(ids(r => r.userIdentity.type === 'Root'));
	});

	it('cidr (IPv4)', async () => {
		const inRange = (ip: string) => /^198\.51\.100\.(\d+)$/.exec(ip) !== null && Number(/\d+$/.exec(ip)![0]) < 128;
		const expected = ids(r => inRange(r.sourceIPAddress));
		expect(expected.length).toBeGreaterThan(10);
		expect(await matching(db, rule('  sel:\n    sourceIPAddress|cidr: 198.51.100.0/25\n  condition: sel'))).toEqual(
			expected,
		);
	});

	it('conditions: not, and/or with parentheses, 1 of selection*, all of them (not _names)', async () => {
		const list = (r: CloudTrailRecord) => r.eventName === 'ListDevices';
		const failed = (r: CloudTrailRecord) => r.errorCode !== undefined;
		const root = (r: CloudTrailRecord) => r.userIdentity.type === 'Root';
		const body =
			'  selection_list:\n    eventName: ListDevices\n  selection_root:\n    userIdentity.type: Root\n  _failed:\n    errorCode|exists: true\n';
		expect(await matching(db, rule(`${body}  condition: selection_list and not _failed`))).toEqual(
			ids(r => list(r) && !failed(r)),
		);
		expect(await matching(db, rule(`${body}  condition: 1 of selection* and not _failed`))).toEqual(
			ids(r => (list(r) || root(r)) && !failed(r)),
		);
		expect(await matching(db, rule(`${body}  condition: all of them`))).toEqual(ids(r => list(r) && root(r)));
		expect(await matching(db, rule(`${body}  condition: (selection_list or selection_root) and _failed`))).toEqual(
			ids(r => (list(r) || root(r)) && failed(r)),
		);
		expect(await matching(db, rule(`${body}  condition: not selection_list`))).toEqual(ids(r => !list(r)));
	});

	it('values with quotes, %, _, *, ?, backslashes and SQL are bound, never spliced', async () => {
		const exact = ['it\'s "quoted"', '100%_done', 'star\\*lit\\?q', 'back\\\\slash', "x'); DROP TABLE events; --"];
		for (const [i, value] of exact.entries()) {
			const yaml = rule(`  sel:\n    userAgent: ${JSON.stringify(value)}\n  condition: sel`);
			expect(await matching(db, yaml), value).toEqual([records[i * 7]!.eventID]);
		}
		// % and _ are text, not LIKE wildcards; * is a wildcard unless escaped.
		expect(await matching(db, rule("  sel:\n    userAgent|contains: '%'\n  condition: sel"))).toEqual([
			records[7]!.eventID,
		]);
		expect(await matching(db, rule("  sel:\n    userAgent: '100%\\_done'\n  condition: sel"))).toEqual([]);
		expect(await matching(db, rule("  sel:\n    userAgent: 'star*'\n  condition: sel"))).toEqual([
			records[14]!.eventID,
		]);
		expect(await matching(db, rule('  sel:\n    userAgent|contains: "\'"\n  condition: sel'))).toEqual(
			[records[0]!.eventID, records[28]!.eventID].sort(),
		);
		const caseFile = await CaseFile.open(db, {readOnly: true});
		try {
			expect((await caseFile.all('SELECT count(*) AS n FROM events'))[0]!['n']).toBe(1000);
		} finally {
			caseFile.close();
		}
	});
});
