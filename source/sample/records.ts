/** Records in memory, for small samples in tests: makeRecords and makeBuiltRecords. */
import {RecordFactory} from './factory.js';
import type {CallScope} from './iot-operations.js';
import {Random} from './random.js';
import {parseIso} from './time.js';
import type {BuiltRecord, CloudTrailRecord} from './types.js';
import {buildWorld} from './world.js';

/** Options of makeRecords. */
export type MakeRecordsOptions = {
	count: number;
	/** Default 1. */
	seed?: number;
	/** Default 0.6. */
	iotShare?: number;
	/** Default 2024-11-01T00:00:00Z. */
	start?: string;
	/** Default 2024-12-15T00:00:00Z. */
	end?: string;
};

/** Makes count records with their truth, sorted by eventTime; the first IoT ones cover every operation and identity type. */
export function makeBuiltRecords(options: MakeRecordsOptions): BuiltRecord[] {
	const seed = options.seed ?? 1;
	const world = buildWorld(seed);
	const factory = new RecordFactory(world, options.iotShare ?? 0.6);
	const rng = new Random(seed, 4);
	const startMs = parseIso(options.start ?? '2024-11-01T00:00:00Z');
	const endMs = parseIso(options.end ?? '2024-12-15T00:00:00Z');
	const out: BuiltRecord[] = [];
	for (let i = 0; i < options.count; i++) {
		const scope: CallScope = {rng, world, account: rng.pick(world.accounts), region: rng.pick(world.regions)};
		out.push(factory.next(scope, startMs + Math.floor(rng.next() * (endMs - startMs))));
	}
	// Independent copies: records share identity objects while building.
	const copies = JSON.parse(JSON.stringify(out.map(b => b.record))) as CloudTrailRecord[];
	return out
		.map((b, i) => ({record: copies[i] as CloudTrailRecord, meta: b.meta}))
		.sort((a, b) => a.meta.timeMs - b.meta.timeMs || (a.meta.eventID < b.meta.eventID ? -1 : 1));
}

/** Makes count CloudTrail records (unique eventIDs, sorted by eventTime). */
export function makeRecords(options: MakeRecordsOptions): CloudTrailRecord[] {
	return makeBuiltRecords(options).map(b => b.record);
}
