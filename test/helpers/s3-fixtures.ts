/** Small CloudTrail-layout objects of our own, put into a test bucket. */
import {gzipSync} from 'node:zlib';
import {PutObjectCommand, type S3Client} from '@aws-sdk/client-s3';

/** One object to put. */
export type FixtureObject = {key: string; body: Buffer; metadata?: Record<string, string>};

/** Where a trail file goes. */
export type TrailFile = {
	trailPrefix?: string;
	org?: string;
	account: string;
	region: string;
	/** Delivery time (the folders and file name carry it). */
	time: Date;
	/** Distinguishes files delivered in the same minute. */
	random?: string;
	service?: 'CloudTrail' | 'CloudTrail-Digest';
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The key CloudTrail would write this file under. */
export function trailKey(file: TrailFile): string {
	const t = file.time;
	const [y, m, d] = [pad(t.getUTCFullYear(), 4), pad(t.getUTCMonth() + 1), pad(t.getUTCDate())];
	const stamp = `${y}${m}${d}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}Z`;
	const service = file.service ?? 'CloudTrail';
	const name =
		service === 'CloudTrail'
			? `${file.account}_CloudTrail_${file.region}_${stamp}_${file.random ?? 'abcdEFGH1234'}.json.gz`
			: `${file.account}_CloudTrail-Digest_${file.region}_trail_${file.region}_${y}${m}${d}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}00Z.json.gz`;
	return `${file.trailPrefix ?? ''}AWSLogs/${file.org === undefined ? '' : `${file.org}/`}${file.account}/${service}/${file.region}/${y}/${m}/${d}/${name}`;
}

/** A gzip'd {"Records":[...]} body with `count` IoT 1-Click-like events. */
export function trailBody(file: TrailFile, count = 3): Buffer {
	const records = Array.from({length: count}, (_, index) => ({
		eventVersion: '1.08',
		eventID: `${file.account}-${file.region}-${file.time.getTime()}-${file.random ?? ''}-${index}`,
		eventTime: new Date(file.time.getTime() - index * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
		eventSource: 'iot1click.amazonaws.com',
		eventName: 'ListDevices',
		awsRegion: file.region,
		recipientAccountId: file.account,
		userIdentity: {type: 'IAMUser', arn: `arn:aws:iam::${file.account}:user/alice`},
	}));
	return gzipSync(JSON.stringify({Records: records}));
}

/** Every day from `first` to `last` (inclusive), at 10:05 UTC. */
export function daysBetween(first: string, last: string): Date[] {
	const days: Date[] = [];
	for (let t = Date.parse(`${first}T10:05:00Z`); t <= Date.parse(`${last}T10:05:00Z`); t += 86_400_000) {
		days.push(new Date(t));
	}

	return days;
}

/** Put objects, several at once. */
export async function putObjects(
	client: S3Client,
	bucket: string,
	objects: readonly FixtureObject[],
	concurrency = 16,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < objects.length) {
			const object = objects[next++]!;

			await client.send(
				new PutObjectCommand({
					Bucket: bucket,
					Key: object.key,
					Body: object.body,
					...(object.metadata ? {Metadata: object.metadata} : {}),
				}),
			);
		}
	};

	await Promise.all(Array.from({length: concurrency}, worker));
}

/** Trail files for every account x region x day, as objects. */
export function trailObjects(options: {
	accounts: readonly string[];
	regions: readonly string[];
	days: readonly Date[];
	org?: string;
	trailPrefix?: string;
}): FixtureObject[] {
	return options.accounts.flatMap(account =>
		options.regions.flatMap(region =>
			options.days.map(time => {
				const file: TrailFile = {
					account,
					region,
					time,
					...(options.org ? {org: options.org} : {}),
					...(options.trailPrefix ? {trailPrefix: options.trailPrefix} : {}),
				};
				return {key: trailKey(file), body: trailBody(file)};
			}),
		),
	);
}
