/**
 * The bad-file set under <root>/bad/: files a loader must survive and report (truncated gzip, invalid JSON, not
 * CloudTrail, empty, a digest) and bad-records.json, a valid CloudTrail file mixing good IoT events with records
 * that must be skipped. Nothing here counts in the main truth.
 */
import type {ArchiveWriter} from './archive-writer.js';
import {buildDigests} from './digest.js';
import type {RecordFactory} from './factory.js';
import type {CallScope} from './iot-operations.js';
import {Random} from './random.js';
import {parseIso} from './time.js';
import type {BadFileKind, CloudTrailRecord} from './types.js';
import type {World} from './world.js';

/** What writeBadFiles wrote. */
export type BadFilesResult = {
	badFiles: {path: string; kind: BadFileKind}[];
	/** Records in bad-records.json that must be skipped. */
	badRecords: number;
	/** eventIDs of the good IoT events in bad-records.json. */
	goodRecordIDs: string[];
};

const GOOD_IN_BAD_FILE = 5;

/** Writes the bad-file set. */
export async function writeBadFiles(args: {
	writer: ArchiveWriter;
	world: World;
	factory: RecordFactory;
	seed: number;
}): Promise<BadFilesResult> {
	const {writer, world, factory} = args;
	const rng = new Random(args.seed, 3);
	const account = world.accounts[0] as string;
	const scope: CallScope = {rng, world, account, region: 'us-east-1'};
	const base = parseIso('2024-11-20T10:00:00Z');
	const make = (n: number): CloudTrailRecord[] =>
		Array.from({length: n}, () => factory.iot(scope, base + rng.int(0, 600) * 1000).record);
	const badFiles: BadFilesResult['badFiles'] = [];

	const full = await writer.gzip(JSON.stringify({Records: make(40)}));
	await writer.writeRaw('bad/truncated.json.gz', full.subarray(0, Math.floor(full.length / 2)));
	badFiles.push({path: 'bad/truncated.json.gz', kind: 'truncated-gzip'});

	const valid = JSON.stringify({Records: make(3)});
	await writer.writeRaw('bad/invalid.json', valid.slice(0, -2) + ',}');
	badFiles.push({path: 'bad/invalid.json', kind: 'invalid-json'});

	await writer.writeRaw('bad/not-cloudtrail.json', '{"hello":"world"}');
	badFiles.push({path: 'bad/not-cloudtrail.json', kind: 'not-cloudtrail'});

	await writer.writeRaw('bad/empty.json.gz', '');
	badFiles.push({path: 'bad/empty.json.gz', kind: 'empty'});
	await writer.writeRaw('bad/empty.json', '');
	badFiles.push({path: 'bad/empty.json', kind: 'empty'});

	const [digest] = buildDigests({
		logs: [
			{
				key: `AWSLogs/${account}/CloudTrail/us-east-1/2024/11/20/${account}_CloudTrail_us-east-1_20241120T1015Z_${rng.alnum(16)}.json.gz`,
				account,
				region: 'us-east-1',
				deliveryMs: base + 15 * 60_000,
				oldestMs: base,
				newestMs: base + 600_000,
				sha256: rng.hex(64),
			},
		],
		bucket: world.bucket,
		trailName: world.trailName,
	});
	if (digest) {
		const name = `bad/${digest.key.slice(digest.key.lastIndexOf('/') + 1)}`;
		await writer.writeRaw(name, await writer.gzip(digest.json));
		badFiles.push({path: name, kind: 'digest'});
	}

	const good = make(GOOD_IN_BAD_FILE);
	const [noId, badTime] = make(2) as [CloudTrailRecord, CloudTrailRecord];
	const {eventID: _dropped, ...withoutId} = noId;
	badTime.eventTime = 'not-a-time';
	const bad: unknown[] = [withoutId, badTime, 42, 'not a record'];
	const records: unknown[] = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], bad[3], good[4]];
	await writer.writeRaw('bad/bad-records.json', JSON.stringify({Records: records}));
	badFiles.push({path: 'bad/bad-records.json', kind: 'bad-records'});

	return {badFiles, badRecords: bad.length, goodRecordIDs: good.map(r => r.eventID)};
}
