/**
 * Correlation rules (event_count, value_count, temporal, and the first_seen extension) on crafted records beside
 * 1,000 generated ones, and unsupported constructs reported by name with their reason while the others run.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {makeRecords} from '../../source/sample/index.js';
import {tempDir} from '../helpers/temp.js';
import {hunt, loadRecords, rule} from './helpers.js';

const T0 = Date.parse('2024-12-01T10:00:00Z');
const MIN = 60_000;
let n = 0;

/** A crafted IoT 1-Click call by a user of its own. */
function call(user: string, minutes: number, eventName: string, sourceIPAddress = '10.0.0.1') {
	const arn = `arn:aws:iam::111122223333:user/${user}`;
	return {
		eventVersion: '1.09',
		userIdentity: {type: 'IAMUser', principalId: `AIDA${user}`, arn, accountId: '111122223333', userName: user},
		eventTime: new Date(T0 + minutes * MIN).toISOString().replace('.000', ''),
		eventSource: 'iot1click.amazonaws.com',
		eventName,
		awsRegion: 'us-east-1',
		sourceIPAddress,
		userAgent: 'aws-cli/2.15.0 md/command#x',
		requestParameters: {deviceId: 'G030PM0000000001'},
		responseElements: null,
		requestID: `req-${n}`,
		eventID: `crafted-${user}-${n++}`,
		readOnly: false,
		eventType: 'AwsApiCall',
		recipientAccountId: '111122223333',
	};
}

const BASE = `title: crafted call
name: crafted
id: crafted-call
level: low
logsource: {product: aws, service: cloudtrail}
detection:
  sel:
    principal|contains: ':user/corr-'
  condition: sel
---
title: crafted update
name: crafted_update
id: crafted-update
level: low
logsource: {product: aws, service: cloudtrail}
detection:
  sel:
    principal|contains: ':user/corr-'
    eventName: UpdateDeviceState
  condition: sel
---
title: crafted other
name: crafted_other
id: crafted-other
level: low
logsource: {product: aws, service: cloudtrail}
detection:
  sel:
    principal|contains: ':user/corr-'
    eventName: DeleteProject
  condition: sel
`;

function correlation(body: string): string {
	return `${BASE}---\ntitle: the correlation\nid: corr\nlevel: high\ncorrelation:\n${body}\n`;
}

describe('Sigma correlations', () => {
	let db: string;
	const crafted = [
		// event_count: 5 within 20 minutes (a), 5 spread over 40 minutes (b), two separate bursts (c); e below has 10.
		...[0, 5, 10, 15, 20].map(m => call('corr-a', m, 'UpdateDeviceState')),
		...[0, 10, 20, 30, 40].map(m => call('corr-b', m, 'UpdateDeviceState')),
		...[0, 1, 2, 3, 4, 600, 601, 602, 603, 604].map(m => call('corr-c', m, 'UpdateDeviceState')),
		// value_count: 4 kinds in a minute (d); 10 of one kind (e).
		...['ListDevices', 'DescribeDevice', 'GetDeviceMethods', 'ListProjects'].map((e, i) =>
			call('corr-d', 2000 + i * 0.2, e),
		),
		...Array.from({length: 10}, (_, i) => call('corr-e', 2000 + i * 0.05, 'ListDevices')),
		// temporal: both rules within 5 minutes (f); 2 hours apart (g).
		call('corr-f', 3000, 'UpdateDeviceState'),
		call('corr-f', 3005, 'DeleteProject'),
		call('corr-g', 3000, 'UpdateDeviceState'),
		call('corr-g', 3120, 'DeleteProject'),
		// first_seen: an address new after 3 days of history (h); a user whose first call is new anyway (i).
		call('corr-h', 0, 'UpdateDeviceState', '10.0.0.1'),
		call('corr-h', 4 * 1440, 'UpdateDeviceState', '10.0.0.9'),
		call('corr-h', 4 * 1440 + 30, 'UpdateDeviceState', '10.0.0.9'),
		call('corr-h', 6 * 1440, 'UpdateDeviceState', '10.0.0.9'),
		call('corr-i', 4 * 1440, 'UpdateDeviceState', '10.0.0.7'),
	];
	const of = (user: string) => crafted.filter(r => r.userIdentity.userName === user).map(r => r.eventID);
	const findings = async (body: string) =>
		(await hunt(db, correlation(body))).findings
			.filter(f => f.rule.id === 'corr')
			.map(f => ({
				principal: f.principal!.replace(/.*\//, ''),
				ids: f.eventIDs,
			}));

	beforeAll(async () => {
		db = await loadRecords(await tempDir(), 'corr', [...makeRecords({count: 1000, seed: 9}), ...crafted]);
	}, 60_000);

	it('event_count: windows from each event, overlapping ones merged; only crafted-call events counted', async () => {
		const got = await findings(
			'  type: event_count\n  rules: crafted\n  group-by: [principal]\n  timespan: 30m\n  condition: {gte: 5}',
		);
		const c = of('corr-c');
		expect(got.sort((x, y) => (x.ids[0]! < y.ids[0]! ? -1 : 1))).toEqual(
			[
				{principal: 'corr-a', ids: of('corr-a')},
				{principal: 'corr-c', ids: c.slice(0, 5)},
				{principal: 'corr-c', ids: c.slice(5)},
				{principal: 'corr-e', ids: of('corr-e')},
			].sort((x, y) => (x.ids[0]! < y.ids[0]! ? -1 : 1)),
		);
	});

	it('value_count: distinct values of a field in the window', async () => {
		const got = await findings(
			'  type: value_count\n  rules: [crafted]\n  group-by: [principal]\n  timespan: 1m\n  condition: {field: eventName, gte: 4}',
		);
		expect(got).toEqual([{principal: 'corr-d', ids: of('corr-d')}]);
	});

	it('temporal: every rule within the timespan, per group', async () => {
		const got = await findings(
			'  type: temporal\n  rules: [crafted_update, crafted_other]\n  group-by: [principal]\n  timespan: 10m',
		);
		const f = of('corr-f');
		expect(got.filter(x => x.principal === 'corr-f' || x.principal === 'corr-g')).toEqual([
			{principal: 'corr-f', ids: f},
		]);
		expect(got.every(x => x.ids.length >= 2)).toBe(true);
	});

	it('first_seen: a value new for the group after the baseline, within the timespan of its first event', async () => {
		const got = await findings(
			'  type: first_seen\n  rules: crafted\n  group-by: [principal]\n  field: sourceIPAddress\n  baseline: 3d\n  timespan: 1d',
		);
		expect(got).toEqual([{principal: 'corr-h', ids: of('corr-h').slice(1, 3)}]);
	});

	it('unsupported constructs are reported by name with the reason, and the other rules still run', async () => {
		const bad = (id: string, detection: string) => rule(detection, id);
		const yaml = [
			bad('keywords', '  keywords:\n    - evil\n  condition: keywords'),
			bad('base64', '  sel:\n    userAgent|base64offset|contains: evil\n  condition: sel'),
			bad('pipe', '  sel:\n    eventName: ListDevices\n  condition: sel | count() > 5'),
			bad('field', '  sel:\n    "user Agent": x\n  condition: sel'),
			bad('ipv6', '  sel:\n    sourceIPAddress|cidr: 2001:db8::/32\n  condition: sel'),
			bad('missing', '  sel:\n    eventName: x\n  condition: sel and other'),
			bad('regex', "  sel:\n    userAgent|re: '(unclosed'\n  condition: sel"),
			`title: windows\nid: windows\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    Image: x\n  condition: sel\n`,
			`title: ordered\nid: ordered\ncorrelation:\n  type: temporal_ordered\n  rules: [good]\n  timespan: 5m\n`,
			`title: dangling\nid: dangling\ncorrelation:\n  type: event_count\n  rules: [nothing]\n  timespan: 5m\n  condition: {gte: 2}\n`,
			bad('good', '  sel:\n    principal|contains: ":user/corr-a"\n  condition: sel'),
		].join('---\n');
		const result = await hunt(db, yaml);
		const reasons = Object.fromEntries(result.rules.map(r => [r.rule.id, r.reason ?? r.status]));
		expect(reasons).toEqual({
			keywords: 'keyword search in "keywords" (values without a field name)',
			base64: 'modifier "base64offset" (on userAgent)',
			pipe: 'an aggregation in the condition ("|"): write a correlation rule',
			field: 'field name "user Agent" (only letters, digits, _, - and dotted paths are supported)',
			ipv6: 'cidr with an IPv6 network (2001:db8::/32) on sourceIPAddress',
			missing: 'the condition names "other", which the detection lacks',
			regex: expect.stringMatching(/^DuckDB refused its statement: .*missing \)/),
			windows: 'logsource {"product":"windows","category":"process_creation"} is not product aws, service cloudtrail',
			ordered: 'correlation type "temporal_ordered" (supported: event_count, value_count, temporal, first_seen)',
			dangling: 'it refers to rule "nothing", which is not in the rule set',
			good: 'ran',
		});
		expect(result.findings.map(f => f.rule.id)).toEqual(['good']);
		expect(result.findings[0]!.eventIDs).toEqual(of('corr-a'));
	});
});
