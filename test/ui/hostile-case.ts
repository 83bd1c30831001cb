/**
 * A case file of the seeded generator's events plus planted hostile records, written as a CloudTrail log file in the
 * archive before it is loaded: values with invisible, bidi, line-separator, tag and wide characters; a record whose
 * keys are duplicated; and two records with outlying times (1970 and 2099).
 */
import {readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gunzipSync} from 'node:zlib';
import {loadFiles} from '../../source/loader/load-files.js';
import {generateSample} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {tempDir} from '../helpers/temp.js';

/** Values a terminal would act on or not show, each with a visible marker word. */
export const HOSTILE_VALUES = [
	'rlo\u202Eexe.txt',
	'zero\u200Bwidth\u200C\u200D\u2060joiners',
	'line\u2028sep\u2029para',
	'bom\uFEFFinside',
	'tag\u{E0041}\u{E0042}chars',
	'isolate\u2066x\u2069\u2067y\u2069\u2068z\u2069',
	'hangul\u3164filler',
	'soft\u00ADhyphen',
	'c1\u0085next\u009Bline',
	'wide 漢字😀 mixed',
] as const;

/** The source IP of every hostile-text record (to filter on them). */
export const HOSTILE_IP = '203.0.113.250';

/** The duplicate-key record: its eventName appears twice, DescribeDevice first. */
export const DUPLICATE = {
	eventID: '00000000-dup0-4000-8000-000000000001',
	first: 'DescribeDevice',
	second: 'DeleteDevice',
};

/** The outlying records' times. */
export const OUTLIERS = ['1970-01-01T00:00:00Z', '2099-12-31T23:59:59Z'] as const;

async function firstIotRecord(archive: string): Promise<Record<string, unknown>> {
	const names = (await readdir(archive, {recursive: true}))
		.filter(name => name.endsWith('.json.gz') && !name.includes('Digest'))
		.sort();
	for (const name of names) {
		const {Records: records} = JSON.parse(gunzipSync(await readFile(path.join(archive, name))).toString('utf8')) as {
			Records: Array<Record<string, unknown>>;
		};
		const found = records.find(
			r =>
				r['eventSource'] === 'iot1click.amazonaws.com' &&
				typeof r['requestParameters'] === 'object' &&
				r['requestParameters'] !== null,
		);
		if (found) return found;
	}

	throw new Error('no IoT 1-Click record in the sample');
}

/** Generate `events` sample events (seed 7), plant the hostile records, and load it all into a new case file. */
export async function makeHostileCase(events = 1000): Promise<{db: string}> {
	const dir = await tempDir('clicktrail-hostile-');
	const archive = path.join(dir, 'archive');
	await generateSample({outDir: archive, events, seed: 7, digests: false});
	const template = await firstIotRecord(archive);
	const at = String(template['eventTime']);
	const record = (eventID: string, changes: Record<string, unknown>): Record<string, unknown> => ({
		...structuredClone(template),
		eventID,
		...changes,
	});
	const hostile = HOSTILE_VALUES.map((value, i) =>
		record(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, {
			eventName: `Hostile${i}${value}`,
			sourceIPAddress: HOSTILE_IP,
			userAgent: value,
			userIdentity: {
				type: 'IAMUser',
				principalId: 'AIDAHOSTILE',
				arn: `arn:aws:iam::111122223333:user/${value}`,
				accountId: '111122223333',
				userName: value,
			},
			requestParameters: {deviceId: `G030${value}`},
			eventTime: at,
		}),
	);
	const outliers = OUTLIERS.map((time, i) => record(`00000000-0ut1-4000-8000-00000000000${i}`, {eventTime: time}));
	// Duplicate keys cannot be written by JSON.stringify: splice the second eventName into the text.
	const duplicate = JSON.stringify(record(DUPLICATE.eventID, {eventName: DUPLICATE.first, eventTime: at})).replace(
		`"eventName":"${DUPLICATE.first}"`,
		`"eventName":"${DUPLICATE.first}","eventName":"${DUPLICATE.second}"`,
	);
	const text = `{"Records":[${[...hostile, ...outliers].map(r => JSON.stringify(r)).join(',')},${duplicate}]}\n`;
	await writeFile(path.join(archive, 'planted.json'), text);
	const db = path.join(dir, 'case.duckdb');
	const caseFile = await CaseFile.open(db);
	try {
		await loadFiles(caseFile, (await expandLocalSources([archive])).files);
	} finally {
		caseFile.close();
	}

	return {db};
}
