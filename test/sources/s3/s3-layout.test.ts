import {describe, expect, it} from 'vitest';
import {isDigestKey, looksLikeLogFile, parseKey} from '../../../source/sources/s3/cloudtrail-key.js';
import {
	coverDays,
	dayRange,
	expandChild,
	keyWanted,
	parsePrefix,
	planListing,
	type LayoutFilters,
	type ListStep,
	type Position,
} from '../../../source/sources/s3/listing-plan.js';

const account = '123456789012';
const other = '210987654321';
const logKey = (prefix: string, region = 'us-east-1', date = '2024/03/05'): string =>
	`${prefix}${account}/CloudTrail/${region}/${date}/${account}_CloudTrail_${region}_${date.replaceAll('/', '')}T1035Z_Abc123.json.gz`;
const prefixes = (steps: readonly ListStep[]): string[] => steps.map(step => `${step.mode}:${step.prefix}`);
const discoverOf = (steps: readonly ListStep[]): Position => {
	const step = steps[0];
	if (step?.mode !== 'discover') {
		throw new Error('expected a discover step');
	}

	return step.position;
};

describe('parseKey', () => {
	it('parses a log key', () => {
		expect(parseKey(logKey('AWSLogs/'))).toEqual({
			trailPrefix: '',
			account,
			service: 'CloudTrail',
			region: 'us-east-1',
			day: '2024-03-05',
			fileName: `${account}_CloudTrail_us-east-1_20240305T1035Z_Abc123.json.gz`,
			deliveredAt: new Date('2024-03-05T10:35:00Z'),
		});
	});

	it('parses an organization trail under a custom prefix', () => {
		const parsed = parseKey(logKey('trails/main/AWSLogs/o-abcd1234ef/', 'eu-west-1'));
		expect(parsed).toMatchObject({trailPrefix: 'trails/main/', org: 'o-abcd1234ef', account, region: 'eu-west-1'});
	});

	it('parses digest and insight keys', () => {
		const digest = `AWSLogs/${account}/CloudTrail-Digest/us-east-1/2024/03/05/${account}_CloudTrail-Digest_us-east-1_trail_us-east-1_20240305T103512Z.json.gz`;
		expect(parseKey(digest)).toMatchObject({
			service: 'CloudTrail-Digest',
			deliveredAt: new Date('2024-03-05T10:35:12Z'),
		});
		expect(isDigestKey(digest)).toBe(true);
		const insight = `AWSLogs/${account}/CloudTrail-Insight/us-east-1/2024/03/05/${account}_CloudTrail-Insight_us-east-1_20240305T1035Z_x.json.gz`;
		expect(parseKey(insight)?.service).toBe('CloudTrail-Insight');
		expect(isDigestKey(insight)).toBe(false);
	});

	it('keeps a key with an odd file name but no delivery time', () => {
		expect(parseKey(`AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/copy.json`)).toMatchObject({
			fileName: 'copy.json',
		});
		expect(parseKey(`AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/copy.json`)?.deliveredAt).toBeUndefined();
	});

	it.each([
		['no AWSLogs', `logs/${account}/CloudTrail/us-east-1/2024/03/05/f.json.gz`],
		['short account', `AWSLogs/12345/CloudTrail/us-east-1/2024/03/05/f.json.gz`],
		['unknown service', `AWSLogs/${account}/Config/us-east-1/2024/03/05/f.json.gz`],
		['bad month', `AWSLogs/${account}/CloudTrail/us-east-1/2024/13/05/f.json.gz`],
		['31 February', `AWSLogs/${account}/CloudTrail/us-east-1/2024/02/31/f.json.gz`],
		['too deep', `AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/x/f.json.gz`],
		['too shallow', `AWSLogs/${account}/CloudTrail/us-east-1/2024/03/f.json.gz`],
		['folder', `AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/`],
	])('rejects a key outside the layout: %s', (_name, key) => {
		expect(parseKey(key)).toBeUndefined();
	});
});

describe('dayRange', () => {
	it('keeps a day of margin on each side', () => {
		const range = dayRange({since: new Date('2024-03-05T00:00:00Z'), until: new Date('2024-03-06T23:59:59Z')});
		expect(range).toEqual({start: Date.UTC(2024, 2, 4) / 864e5, end: Date.UTC(2024, 2, 7) / 864e5});
	});

	it('ends a since-only range a day after now', () => {
		const range = dayRange({since: new Date('2024-03-05T12:00:00Z'), now: new Date('2024-03-10T01:00:00Z')});
		expect(range?.end).toBe(Date.UTC(2024, 2, 11) / 864e5);
	});

	it('has no start for an until-only range, and is undefined without times', () => {
		expect(dayRange({until: new Date('2024-03-05T12:00:00Z')})).toEqual({end: Date.UTC(2024, 2, 6) / 864e5});
		expect(dayRange({})).toBeUndefined();
	});
});

describe('coverDays', () => {
	const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 864e5;

	it('lists single days in a short range', () => {
		expect(coverDays('r/', day('2024-03-04'), day('2024-03-07'))).toEqual([
			'r/2024/03/04/',
			'r/2024/03/05/',
			'r/2024/03/06/',
			'r/2024/03/07/',
		]);
	});

	it('uses whole months and years where they fit', () => {
		expect(coverDays('r/', day('2023-12-30'), day('2025-02-02'))).toEqual([
			'r/2023/12/30/',
			'r/2023/12/31/',
			'r/2024/',
			'r/2025/01/',
			'r/2025/02/01/',
			'r/2025/02/02/',
		]);
	});

	it('handles a leap February and a range of one day', () => {
		expect(coverDays('r/', day('2024-02-01'), day('2024-02-29'))).toEqual(['r/2024/02/']);
		expect(coverDays('r/', day('2024-02-29'), day('2024-02-29'))).toEqual(['r/2024/02/29/']);
		expect(coverDays('r/', day('2024-03-02'), day('2024-03-01'))).toEqual([]);
	});
});

describe('parsePrefix', () => {
	it.each<[string, Position['level'] | undefined]>([
		['', 'above'],
		['trails/', 'above'],
		['AWSLogs/', 'logs'],
		['trails/AWSLogs/', 'logs'],
		['AWSLogs/o-abcd1234ef/', 'org'],
		[`AWSLogs/${account}/`, 'account'],
		[`AWSLogs/o-abcd1234ef/${account}/`, 'account'],
		[`AWSLogs/${account}/CloudTrail/`, 'service'],
		[`AWSLogs/${account}/CloudTrail/us-east-1/`, 'region'],
		[`AWSLogs/${account}/CloudTrail/us-east-1/2024/`, 'year'],
		[`AWSLogs/${account}/CloudTrail/us-east-1/2024/03/`, 'month'],
		[`AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/`, 'day'],
		['AWSLogs/not-an-account/', undefined],
		[`AWSLogs/${account}/Config/`, undefined],
		[`AWSLogs/${account}/CloudTrail/us-east-1/24/`, undefined],
		[`AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/extra/`, undefined],
	])('%j is at level %s', (prefix, level) => {
		expect(parsePrefix(prefix)?.level).toBe(level);
	});
});

describe('planListing', () => {
	const since = new Date('2024-03-05T08:00:00Z');
	const until = new Date('2024-03-06T20:00:00Z');

	it('discovers from the bucket root and from a trail prefix', () => {
		expect(prefixes(planListing('', {}))).toEqual(['discover:']);
		expect(prefixes(planListing('trails', {}))).toEqual(['discover:trails/']);
	});

	it('discovers accounts and organizations under AWSLogs/', () => {
		expect(prefixes(planListing('AWSLogs/', {}))).toEqual(['discover:AWSLogs/']);
		expect(prefixes(planListing('AWSLogs', {accounts: [account]}))).toEqual(['discover:AWSLogs/']);
	});

	it('enumerates the accounts asked for under an organization without listing', () => {
		expect(prefixes(planListing('AWSLogs/o-abcd1234ef/', {}))).toEqual(['discover:AWSLogs/o-abcd1234ef/']);
		expect(prefixes(planListing('AWSLogs/o-abcd1234ef/', {accounts: [account, other]}))).toEqual([
			`discover:AWSLogs/o-abcd1234ef/${account}/CloudTrail/`,
			`discover:AWSLogs/o-abcd1234ef/${other}/CloudTrail/`,
		]);
	});

	it('goes from an account straight to CloudTrail/ (and CloudTrail-Digest/ if asked)', () => {
		expect(prefixes(planListing(`AWSLogs/${account}/`, {}))).toEqual([`discover:AWSLogs/${account}/CloudTrail/`]);
		expect(prefixes(planListing(`AWSLogs/${account}`, {withDigests: true}))).toEqual([
			`discover:AWSLogs/${account}/CloudTrail/`,
			`discover:AWSLogs/${account}/CloudTrail-Digest/`,
		]);
		expect(prefixes(planListing(`AWSLogs/${account}/`, {withInsights: true}))).toHaveLength(2);
	});

	it('enumerates regions asked for, and lists a region whole without a time range', () => {
		expect(prefixes(planListing(`AWSLogs/${account}/CloudTrail/`, {regions: ['us-east-1', 'eu-west-1']}))).toEqual([
			`all:AWSLogs/${account}/CloudTrail/us-east-1/`,
			`all:AWSLogs/${account}/CloudTrail/eu-west-1/`,
		]);
		expect(prefixes(planListing(`AWSLogs/${account}/CloudTrail/us-east-1/`, {}))).toEqual([
			`all:AWSLogs/${account}/CloudTrail/us-east-1/`,
		]);
	});

	it('lists only the days of a time range, with a day of margin each side', () => {
		expect(prefixes(planListing(`AWSLogs/${account}/CloudTrail/us-east-1`, {since, until}))).toEqual([
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/03/04/`,
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/03/05/`,
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/03/06/`,
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/03/07/`,
		]);
	});

	it('combines accounts, regions and times from an organization prefix without any discovery', () => {
		const steps = planListing('AWSLogs/o-abcd1234ef/', {accounts: [account], regions: ['eu-west-1'], since, until});
		expect(steps.every(step => step.mode === 'all')).toBe(true);
		expect(prefixes(steps)[0]).toBe(`all:AWSLogs/o-abcd1234ef/${account}/CloudTrail/eu-west-1/2024/03/04/`);
		expect(steps).toHaveLength(4);
	});

	it('ends a since-only range at now plus a day', () => {
		const steps = planListing(`AWSLogs/${account}/CloudTrail/us-east-1/`, {
			since,
			now: new Date('2024-03-06T09:00:00Z'),
		});
		expect(prefixes(steps).at(-1)).toBe(`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/03/07/`);
		expect(steps).toHaveLength(4);
	});

	it('discovers years for an until-only range, then covers each up to the end', () => {
		const filters: LayoutFilters = {until: new Date('2024-02-10T00:00:00Z')};
		const steps = planListing(`AWSLogs/${account}/CloudTrail/us-east-1/`, filters);
		expect(prefixes(steps)).toEqual([`discover:AWSLogs/${account}/CloudTrail/us-east-1/`]);
		const region = discoverOf(steps);
		expect(prefixes(expandChild(region, `AWSLogs/${account}/CloudTrail/us-east-1/2023/`, filters))).toEqual([
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2023/`,
		]);
		expect(prefixes(expandChild(region, `AWSLogs/${account}/CloudTrail/us-east-1/2024/`, filters))).toEqual([
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/01/`,
			`all:AWSLogs/${account}/CloudTrail/us-east-1/2024/02/01/`,
			...Array.from(
				{length: 10},
				(_, index) => `all:AWSLogs/${account}/CloudTrail/us-east-1/2024/02/${String(index + 2).padStart(2, '0')}/`,
			),
		]);
		expect(expandChild(region, `AWSLogs/${account}/CloudTrail/us-east-1/2025/`, filters)).toEqual([]);
		expect(expandChild(region, `AWSLogs/${account}/CloudTrail/us-east-1/misc/`, filters)).toEqual([]);
	});

	it('narrows a year, month or day prefix to the range', () => {
		const base = `AWSLogs/${account}/CloudTrail/us-east-1/`;
		expect(prefixes(planListing(`${base}2024/`, {since, until}))).toHaveLength(4);
		expect(prefixes(planListing(`${base}2024/03/`, {since, until}))).toHaveLength(4);
		expect(prefixes(planListing(`${base}2024/03/05/`, {since, until}))).toEqual([`all:${base}2024/03/05/`]);
		expect(planListing(`${base}2024/03/20/`, {since, until})).toEqual([]);
		expect(planListing(`${base}2023/`, {since, until})).toEqual([]);
		expect(prefixes(planListing(`${base}2024/03/`, {}))).toEqual([`all:${base}2024/03/`]);
		expect(prefixes(planListing(`${base}2024/02/`, {until: new Date('2024-12-01T00:00:00Z')}))).toEqual([
			`all:${base}2024/02/`,
		]);
	});

	it('lists a prefix outside the layout whole, and a file-like prefix as is', () => {
		expect(prefixes(planListing('AWSLogs/misc/', {}))).toEqual(['all:AWSLogs/misc/']);
		expect(prefixes(planListing(logKey('AWSLogs/'), {}))).toEqual([`all:${logKey('AWSLogs/')}`]);
	});

	it('skips digest and insight folders unless asked', () => {
		expect(planListing(`AWSLogs/${account}/CloudTrail-Digest/`, {})).toEqual([]);
		expect(planListing(`AWSLogs/${account}/CloudTrail-Insight/us-east-1/`, {})).toEqual([]);
		expect(prefixes(planListing(`AWSLogs/${account}/CloudTrail-Digest/`, {withDigests: true}))).toEqual([
			`discover:AWSLogs/${account}/CloudTrail-Digest/`,
		]);
	});
});

describe('expandChild', () => {
	it('finds AWSLogs/ under a trail prefix, within a bounded depth', () => {
		const root = discoverOf(planListing('', {}));
		expect(prefixes(expandChild(root, 'AWSLogs/', {}))).toEqual(['discover:AWSLogs/']);
		expect(prefixes(expandChild(root, 'trails/', {}))).toEqual(['discover:trails/']);
		let position = root;
		for (const prefix of ['a/', 'a/b/', 'a/b/c/']) {
			position = discoverOf(expandChild(position, prefix, {}));
		}

		expect(expandChild(position, 'a/b/c/d/', {})).toEqual([]);
		expect(prefixes(expandChild(position, 'a/b/c/AWSLogs/', {}))).toEqual(['discover:a/b/c/AWSLogs/']);
	});

	it('filters accounts and organizations under AWSLogs/', () => {
		const logs = discoverOf(planListing('AWSLogs/', {}));
		const filters = {accounts: [account]};
		expect(prefixes(expandChild(logs, `AWSLogs/${account}/`, filters))).toEqual([
			`discover:AWSLogs/${account}/CloudTrail/`,
		]);
		expect(expandChild(logs, `AWSLogs/${other}/`, filters)).toEqual([]);
		expect(prefixes(expandChild(logs, 'AWSLogs/o-abcd1234ef/', filters))).toEqual([
			`discover:AWSLogs/o-abcd1234ef/${account}/CloudTrail/`,
		]);
		expect(expandChild(logs, 'AWSLogs/backup/', filters)).toEqual([]);
	});

	it('filters regions found under CloudTrail/', () => {
		const service = discoverOf(planListing(`AWSLogs/${account}/CloudTrail/`, {}));
		const filters = {regions: ['eu-west-1']};
		expect(expandChild(service, `AWSLogs/${account}/CloudTrail/us-east-1/`, filters)).toEqual([]);
		expect(prefixes(expandChild(service, `AWSLogs/${account}/CloudTrail/eu-west-1/`, {}))).toEqual([
			`all:AWSLogs/${account}/CloudTrail/eu-west-1/`,
		]);
	});
});

describe('looksLikeLogFile', () => {
	it("takes JSON and JSON lines, gzip'd or not", () => {
		for (const key of ['a.json', 'a.json.gz', 'x/a.jsonl', 'a.JSONL.GZ']) {
			expect(looksLikeLogFile(key), key).toBe(true);
		}

		for (const key of ['notes.txt', 'a.log.gz', 'a.json.bak', 'json']) {
			expect(looksLikeLogFile(key), key).toBe(false);
		}
	});
});

describe('keyWanted', () => {
	const filters: LayoutFilters = {
		accounts: [account],
		regions: ['us-east-1'],
		since: new Date('2024-03-05T08:00:00Z'),
		until: new Date('2024-03-06T20:00:00Z'),
	};

	it('keeps keys in range and with a day of margin', () => {
		expect(keyWanted(logKey('AWSLogs/', 'us-east-1', '2024/03/04'), filters)).toBe(true);
		expect(keyWanted(logKey('AWSLogs/', 'us-east-1', '2024/03/07'), filters)).toBe(true);
		expect(keyWanted(logKey('AWSLogs/', 'us-east-1', '2024/03/03'), filters)).toBe(false);
		expect(keyWanted(logKey('AWSLogs/', 'us-east-1', '2024/03/08'), filters)).toBe(false);
	});

	it('drops other accounts and regions', () => {
		expect(keyWanted(logKey('AWSLogs/', 'eu-west-1', '2024/03/05'), filters)).toBe(false);
		expect(keyWanted(logKey('AWSLogs/').replaceAll(account, other), filters)).toBe(false);
	});

	it('keeps keys outside the layout but drops digests unless asked, and folder markers', () => {
		expect(keyWanted('AWSLogs/notes.txt', filters)).toBe(true);
		expect(keyWanted('exports/event-history.json', {})).toBe(true);
		expect(keyWanted('copies/123_CloudTrail-Digest_us-east-1_x.json.gz', {})).toBe(false);
		expect(keyWanted('copies/123_CloudTrail-Digest_us-east-1_x.json.gz', {withDigests: true})).toBe(true);
		expect(keyWanted('AWSLogs/', {})).toBe(false);
	});
});
