/** generateSample: writes a seeded, realistic CloudTrail archive, file by file, and returns its ground truth. */
import {mkdir, writeFile} from 'node:fs/promises';
import {ArchiveWriter} from './archive-writer.js';
import {writeBadFiles} from './bad-files.js';
import {buildDigests, type LogFileEntry} from './digest.js';
import {RecordFactory} from './factory.js';
import type {CallScope} from './iot-operations.js';
import {logFileKey} from './layout.js';
import {planFiles, type FilePlan} from './plan.js';
import {Random} from './random.js';
import {HUNT_HISTORY_START, HUNT_SCENARIO_START, huntScenarioRecords, type HuntTruth} from './hunt-scenarios.js';
import {HOSTILE_RECORDS, hostileRecords, INCIDENT_DEVICES, INCIDENT_WINDOW, incidentRecords} from './special-events.js';
import {DAY, MINUTE, parseIso} from './time.js';
import {TruthBuilder} from './truth.js';
import type {BuiltRecord, GroundTruth, HostileTruth, IncidentTruth, SampleOptions} from './types.js';
import {testKeySigner} from './test-signer.js';
import {buildWorld, type World} from './world.js';

/** Defaults of SampleOptions. */
export const SAMPLE_DEFAULTS = {
	events: 5000,
	seed: 1,
	iotShare: 0.6,
	recordsPerFile: 500,
	start: '2024-11-01T00:00:00Z',
	end: '2024-12-15T00:00:00Z',
	gzipLevel: 1,
} as const;

/** Fewest events for which the incident is planted. */
const INCIDENT_MIN_EVENTS = 100;

/** Generates an archive under options.outDir and returns what is in it. Same options, same bytes. */
export async function generateSample(options: SampleOptions): Promise<GroundTruth> {
	const events = Math.max(0, Math.floor(options.events ?? SAMPLE_DEFAULTS.events));
	const seed = options.seed ?? SAMPLE_DEFAULTS.seed;
	const iotShare = options.iotShare ?? SAMPLE_DEFAULTS.iotShare;
	const start = options.start ?? SAMPLE_DEFAULTS.start;
	const end = options.end ?? SAMPLE_DEFAULTS.end;
	const startMs = parseIso(start);
	const endMs = parseIso(end);
	if (endMs <= startMs) throw new Error(`generateSample: end (${end}) must be after start (${start})`);
	if (iotShare < 0 || iotShare > 1) throw new Error('generateSample: iotShare must be within 0..1');

	const world = buildWorld(seed);
	let incidentSkipped: string | undefined;
	if (startMs > INCIDENT_WINDOW.startMs || endMs < INCIDENT_WINDOW.endMs) {
		incidentSkipped = `the window ${start}..${end} does not contain the incident (2024-12-03T23:33Z..23:45Z)`;
	} else if (events < INCIDENT_MIN_EVENTS) {
		incidentSkipped = `too few events (${events} < ${INCIDENT_MIN_EVENTS})`;
	}
	const plantIncident = incidentSkipped === undefined;
	const digests = options.digests ?? true;
	const plantHostile = (options.hostile ?? true) && events >= 20;
	const plans =
		events === 0
			? []
			: planFiles({
					rng: new Random(seed, 2),
					world,
					events,
					recordsPerFile: options.recordsPerFile ?? SAMPLE_DEFAULTS.recordsPerFile,
					startMs,
					endMs,
					incident: plantIncident,
					incidentRecords: INCIDENT_DEVICES + 1,
					hostileRecords: plantHostile ? HOSTILE_RECORDS : 0,
				});

	await mkdir(options.outDir, {recursive: true});
	const writer = new ArchiveWriter(options.outDir, options.gzipLevel ?? SAMPLE_DEFAULTS.gzipLevel);
	const factory = new RecordFactory(world, iotShare);
	const truth = new TruthBuilder();
	const logs: LogFileEntry[] = [];
	let incident: IncidentTruth | null = null;
	let hostile: HostileTruth | undefined;

	for (const plan of plans) {
		const rng = new Random(seed, 1000 + plan.index);
		const scope: CallScope = {rng, world, account: plan.account, region: plan.region};
		const built: BuiltRecord[] = [];
		if (plan.special === 'incident') {
			const made = incidentRecords(scope);
			built.push(...made.records);
			incident = made.truth;
		} else if (plan.special === 'hostile') {
			const made = hostileRecords(scope, factory, plan.startMs, plan.endMs);
			built.push(...made.records);
			hostile = made.truth;
		}
		const width = plan.endMs - plan.startMs;
		for (let i = 0; i < plan.count; i++) built.push(factory.next(scope, plan.startMs + Math.floor(rng.next() * width)));
		if (built.length === 0) continue;
		rng.shuffle(built);
		const entry = await writeLog(writer, world, plan, built, rng, 0, digests);
		logs.push(entry);
		truth.logFiles.push(entry.key);
		for (const b of built) truth.add(b);
		if (plan.duplicate) {
			const again = built.slice(0, Math.ceil(built.length / 2));
			const second = await writeLog(
				writer,
				world,
				plan,
				again,
				rng,
				entry.deliveryMs + rng.int(5, 40) * MINUTE,
				digests,
			);
			logs.push(second);
			truth.logFiles.push(second.key);
			for (const b of again) truth.addDuplicate(b);
		}
	}

	let hunt: HuntTruth | undefined;
	if (options.huntScenarios) {
		if (startMs > HUNT_HISTORY_START || endMs <= HUNT_SCENARIO_START + DAY)
			throw new Error('generateSample: huntScenarios needs a window from 2024-11-02 to 2024-12-11 at least');
		const scope: CallScope = {rng: new Random(seed, 9000), world, account: world.accounts[0]!, region: 'us-east-1'};
		const made = huntScenarioRecords(scope);
		for (const built of [made.history, made.scenario]) {
			const times = built.map(b => b.meta.timeMs);
			const plan: FilePlan = {
				index: plans.length,
				account: scope.account,
				region: scope.region,
				startMs: Math.min(...times),
				endMs: Math.max(...times) + 1,
				count: 0,
			};
			const entry = await writeLog(writer, world, plan, built, scope.rng, 0, digests);
			logs.push(entry);
			truth.logFiles.push(entry.key);
			for (const b of built) truth.add(b);
		}
		hunt = made.truth;
	}

	const digestFiles: string[] = [];
	const signatures: Record<string, string> = {};
	if (digests) {
		await writer.flush();
		const signer = (options.signDigests ?? true) ? testKeySigner : undefined;
		for (const digest of buildDigests({
			logs,
			bucket: world.bucket,
			trailName: world.trailName,
			...(signer ? {signer} : {}),
		})) {
			await writer.writeGzip(digest.key, digest.json);
			digestFiles.push(digest.key);
			if (digest.signature !== null) signatures[digest.key] = digest.signature;
		}
	}
	await writer.flush();
	// A copy made with `aws s3 sync` has no object metadata, so signatures never go beside the digests.
	if (options.signaturesFile !== undefined)
		await writeFile(options.signaturesFile, JSON.stringify(signatures, null, '\t') + '\n');

	const bad = options.badFiles
		? await writeBadFiles({writer, world, factory: new RecordFactory(world, 1, false), seed})
		: {badFiles: [], badRecords: 0, goodRecordIDs: []};

	return {
		seed,
		events,
		start,
		end,
		...truth.counts(),
		logFiles: [...truth.logFiles].sort(),
		digestFiles: digestFiles.sort(),
		badFiles: bad.badFiles,
		badRecords: bad.badRecords,
		goodRecordsInBadRecordFile: bad.goodRecordIDs.length,
		goodRecordIDsInBadRecordFile: bad.goodRecordIDs,
		incident,
		...(incidentSkipped === undefined ? {} : {incidentSkipped}),
		...(hostile ? {hostile} : {}),
		...(hunt ? {hunt} : {}),
		accounts: [...world.accounts],
		regions: [...world.regions],
		organizationId: world.organizationId,
		organizationAccount: world.organizationAccount,
		bucket: world.bucket,
		trailName: world.trailName,
	};
}

async function writeLog(
	writer: ArchiveWriter,
	world: World,
	plan: FilePlan,
	built: readonly BuiltRecord[],
	rng: Random,
	notBefore: number,
	hash: boolean,
): Promise<LogFileEntry> {
	let oldestMs = Number.POSITIVE_INFINITY;
	let newestMs = Number.NEGATIVE_INFINITY;
	for (const b of built) {
		if (b.meta.timeMs < oldestMs) oldestMs = b.meta.timeMs;
		if (b.meta.timeMs > newestMs) newestMs = b.meta.timeMs;
	}
	const deliveryMs = Math.max(newestMs + rng.int(2 * 60, 9 * 60) * 1000, plan.minDeliveryMs ?? 0, notBefore);
	const organizationId = plan.account === world.organizationAccount ? world.organizationId : undefined;
	const key = logFileKey({account: plan.account, region: plan.region, deliveryMs, organizationId, rng});
	const records = built.map(b => b.record);
	const json = JSON.stringify({Records: records});
	const entry: LogFileEntry = {
		key,
		account: plan.account,
		region: plan.region,
		organizationId,
		deliveryMs,
		oldestMs,
		newestMs,
		sha256: '',
	};
	await writer.writeGzip(key, json, hash ? sha256 => (entry.sha256 = sha256) : undefined);
	return entry;
}
