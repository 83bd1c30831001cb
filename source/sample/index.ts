/**
 * The project's seeded generator of realistic CloudTrail archives of AWS IoT 1-Click activity, used by tests, the
 * demo and the benchmarks. Deterministic: the same options give byte-identical files.
 */
export {generateSample, SAMPLE_DEFAULTS} from './generate.js';
export type {
	BadFileKind,
	BuiltRecord,
	CloudTrailRecord,
	GroundTruth,
	HostileTruth,
	IncidentTruth,
	RecordMeta,
	SampleOptions,
	UserIdentity,
} from './types.js';
export {writeJsonLines, writeEventHistoryJson, type JsonLinesOptions} from './formats.js';
export {writeEventHistoryCsv, EVENT_HISTORY_CSV_HEADER, csvField} from './event-history-csv.js';
export {writeLargeLogFile, LARGE_FILE_IOT_SHARE} from './large-file.js';
export {makeRecords, makeBuiltRecords, type MakeRecordsOptions} from './records.js';
export {buildDigests, UNSIGNED_FINGERPRINT, type DigestFile, type DigestSigner, type LogFileEntry} from './digest.js';
export {LOG_KEY_PATTERN, DIGEST_KEY_PATTERN} from './layout.js';
export {generateLifecycle, type LifecycleOptions} from './lifecycle.js';
export {
	expectedInventory,
	isoMicros,
	type LifecycleCall,
	type LifecycleEffect,
	type LifecycleFailure,
	type LifecycleTruth,
} from './lifecycle-truth.js';
export {IOT_OPERATIONS, IOT_SOURCE} from './iot-operations.js';
export {IDENTITY_TYPES} from './identities.js';
export {HOSTILE_USER_AGENT, INCIDENT_DEVICES, INCIDENT_START_ISO} from './special-events.js';
export {INCIDENT_IP, INCIDENT_SESSION, HOSTILE_SESSION} from './world.js';
export {
	SAMPLE_TEST_KEY_FINGERPRINT,
	SAMPLE_TEST_PUBLIC_KEY_PEM,
	sampleTestPublicKeyDer,
	sampleTestPublicKeys,
} from './test-key.js';
export {digestSigningString, testKeySigner} from './test-signer.js';
export {generateLineage, HOSTILE_SUBJECT, type LineageOptions} from './lineage.js';
export type {LineageTruth, PlantedChain, PlantedHop} from './lineage-truth.js';
export {
	FOREIGN_ACCOUNT,
	NEW_ADDRESS,
	NEW_STS_CLIENT,
	UNUSUAL_CLIENT,
	type HuntPlant,
	type HuntTruth,
} from './hunt-scenarios.js';
