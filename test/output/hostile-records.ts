/**
 * IoT 1-Click records whose text is built to hurt what reads an output next: C1 controls, bidi overrides and
 * isolates, zero-width and other invisible format characters, line separators, tag characters, terminal escapes,
 * spreadsheet formulas, and a time with microseconds. Written as a JSON lines file to load beside a generated case.
 */
import {writeFile} from 'node:fs/promises';
import path from 'node:path';

/** Text with one of every kind of character an output must escape (and wide and combining ones it must measure). */
export const INVISIBLE_TEXT =
	'a\u0085b\u009bc\u202ed\u2066e\u200bf\u200dg\u2028h\u2029i\u2060j\ufeffk\u{e0041}\u{e007f}l\u061cm\u00adn\u007fo';
export const WIDE_TEXT = '宽字符e\u0301🙂';
export const ESCAPE_TEXT = '\u001b[2J\u001b]52;c;eA==\u0007\r\n\t';

export type HostileRecords = {file: string; ids: string[]; time: string};

/** Writes the records to `dir`/hostile.jsonl. */
export async function writeHostileRecords(dir: string): Promise<HostileRecords> {
	const time = '2024-12-03T10:15:30.123456Z';
	const base = {
		eventVersion: '1.08',
		eventSource: 'iot1click.amazonaws.com',
		awsRegion: 'us-east-1',
		sourceIPAddress: '198.51.100.7',
		readOnly: false,
		eventType: 'AwsApiCall',
		recipientAccountId: '111122223333',
	};
	const records = [
		{
			...base,
			eventID: 'ffff0000-0000-4000-8000-000000000001',
			eventTime: time,
			eventName: 'UpdateDeviceState',
			userAgent: INVISIBLE_TEXT,
			userIdentity: {
				type: 'IAMUser',
				arn: `arn:aws:iam::111122223333:user/${INVISIBLE_TEXT}`,
				accountId: '111122223333',
			},
			requestParameters: {deviceId: '=HYPERLINK("http://x","y")', note: INVISIBLE_TEXT, escapes: ESCAPE_TEXT},
			errorMessage: `+${ESCAPE_TEXT}`,
		},
		{
			...base,
			eventID: 'ffff0000-0000-4000-8000-000000000002',
			eventTime: '2024-12-03T10:15:31.000001Z',
			eventName: 'DescribeDevice',
			userAgent: `@${WIDE_TEXT}`,
			userIdentity: {type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${WIDE_TEXT}`, accountId: '111122223333'},
			requestParameters: {deviceId: `-${WIDE_TEXT}`},
			errorCode: 'a,"quoted"\nline',
		},
	];
	const file = path.join(dir, 'hostile.jsonl');
	await writeFile(file, records.map(record => JSON.stringify(record)).join('\n') + '\n');
	return {file, ids: records.map(record => record.eventID), time};
}
