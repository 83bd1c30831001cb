import type {HuntTruth} from './hunt-scenarios.js';
/** Types shared by the sample generator's parts and its callers. */

/** A CloudTrail userIdentity object, as the generator writes it (fields vary by type). */
export type UserIdentity = {
	type: string;
	principalId?: string;
	arn?: string;
	accountId?: string;
	accessKeyId?: string;
	userName?: string;
	invokedBy?: string;
	identityProvider?: string;
	sessionContext?: Record<string, unknown>;
	onBehalfOf?: {userId: string; identityStoreArn: string};
	credentialId?: string;
	[key: string]: unknown;
};

/** One CloudTrail record, with the top-level fields CloudTrail writes (optional ones marked so). */
export type CloudTrailRecord = {
	eventVersion: string;
	userIdentity: UserIdentity;
	eventTime: string;
	eventSource: string;
	eventName: string;
	awsRegion: string;
	sourceIPAddress: string;
	userAgent: string;
	errorCode?: string;
	errorMessage?: string;
	requestParameters: Record<string, unknown> | null;
	responseElements: Record<string, unknown> | null;
	requestID: string;
	eventID: string;
	readOnly: boolean;
	eventType: string;
	managementEvent: boolean;
	recipientAccountId: string;
	eventCategory: string;
	tlsDetails?: {tlsVersion: string; cipherSuite: string; clientProvidedHostHeader: string};
	sessionCredentialFromConsole?: string;
	/** A cross-account call's two copies (one per account) share it. */
	sharedEventID?: string;
};

/** What the generator knows about a record it built: the ground truth, never re-derived from the JSON. */
export type RecordMeta = {
	eventID: string;
	/** True when eventSource is iot1click.amazonaws.com. */
	iot: boolean;
	eventName: string;
	/** The principal, from how the identity was built (see DESIGN.md for the rule). */
	principal: string;
	principalType: string;
	/** requestParameters.deviceId, when the call has one. */
	deviceId?: string;
	/** True when the record has an errorCode. */
	error: boolean;
	/** eventTime in epoch milliseconds. */
	timeMs: number;
};

/** A record and its truth. */
export type BuiltRecord = {record: CloudTrailRecord; meta: RecordMeta};

/** Options of generateSample. */
export type SampleOptions = {
	/** The archive root; created if missing. */
	outDir: string;
	/** Total CloudTrail records written across all good log files, duplicates not counted (default 5000). */
	events?: number;
	/** Default 1. */
	seed?: number;
	/** Fraction of records whose eventSource is iot1click.amazonaws.com (default 0.6). */
	iotShare?: number;
	/** Average records per log file (default 500). */
	recordsPerFile?: number;
	/** Write CloudTrail-Digest files (default true). */
	digests?: boolean;
	/** Write the bad-file set under <outDir>/bad/ (default false). */
	badFiles?: boolean;
	/** Plant hostile text: terminal escapes in a userAgent, wide and combining characters in a principal (default true). */
	hostile?: boolean;
	/** ISO start of the events' time window (default 2024-11-01T00:00:00Z). */
	start?: string;
	/** ISO end of the events' time window, exclusive (default 2024-12-15T00:00:00Z). */
	end?: string;
	/** Sign the digests with the sample's TEST key (source/sample/test-key.ts), chaining signatures (default true). */
	signDigests?: boolean;
	/**
	 * Write the digests' signatures (hex, by digest S3 key) as a JSON object to this file, which should sit outside
	 * outDir: a real copy of a trail has no object metadata, so an archive never carries its signatures.
	 */
	signaturesFile?: string;
	/**
	 * Also plant the behaviours the detection rules look for (source/sample/hunt-scenarios.ts), with their truth in
	 * GroundTruth.hunt (default false). Needs the default window, or one from 2024-11-02 to 2024-12-11 at least.
	 */
	huntScenarios?: boolean;
	/** gzip level of log files (default 1: about twice as fast as 6 for a few percent more bytes). */
	gzipLevel?: number;
};

/** Kinds of file in the bad-file set. */
export type BadFileKind = 'truncated-gzip' | 'invalid-json' | 'not-cloudtrail' | 'empty' | 'digest' | 'bad-records';

/** The planted incident: one session disabling a dozen devices within minutes. */
export type IncidentTruth = {
	principal: string;
	principalType: 'AssumedRole';
	/** The role session name, distinctive on purpose. */
	sessionName: string;
	sourceIPAddress: string;
	userAgent: string;
	accountId: string;
	awsRegion: string;
	/** UpdateDeviceState. */
	eventName: string;
	/** The devices disabled, in call order. */
	deviceIds: string[];
	/** eventTime of the first and last UpdateDeviceState (ISO, seconds, Z). */
	start: string;
	end: string;
	/** Number of UpdateDeviceState calls (12). */
	count: number;
	/** eventIDs of the UpdateDeviceState calls, in call order. */
	eventIDs: string[];
	/** The ListDevices call the same session made just before. */
	precedingEvent: {eventName: string; eventID: string; eventTime: string};
};

/** The planted hostile text. */
export type HostileTruth = {
	/** eventID of the IoT event whose userAgent holds terminal escapes and control characters. */
	eventID: string;
	userAgent: string;
	/** A principal (AssumedRole arn) whose session name holds CJK, emoji and a combining character. */
	principal: string;
	/** eventIDs of the IoT events made by that principal. */
	principalEventIDs: string[];
};

/** Everything a test needs to know about a generated sample. Plain JSON. */
export type GroundTruth = {
	seed: number;
	/** The requested number of unique records. */
	events: number;
	start: string;
	end: string;
	/** IoT 1-Click events, once per unique eventID, in good log files. */
	iotEvents: number;
	/** Other services' events, once per unique eventID, in good log files. */
	otherServiceEvents: number;
	/** Records written in good log files, the duplicate delivery included. */
	totalRecords: number;
	/** Records written a second time (same eventID, another log file). */
	duplicateDeliveries: number;
	/** eventIDs of the records delivered twice. */
	duplicateEventIDs: string[];
	/** IoT events by eventName. */
	byEventName: Record<string, number>;
	/** IoT events by principal. */
	byPrincipal: Record<string, number>;
	/** IoT events by userIdentity.type. */
	byPrincipalType: Record<string, number>;
	/** IoT events by requestParameters.deviceId (only events that have one). */
	byDeviceId: Record<string, number>;
	/** IoT events by account (recipientAccountId). */
	byAccount: Record<string, number>;
	/** IoT events by awsRegion. */
	byRegion: Record<string, number>;
	/** IoT events with an errorCode. */
	errors: number;
	/** eventTime of the oldest and newest IoT event (ISO, seconds, Z), or null when there are none. */
	oldestIotEvent: string | null;
	newestIotEvent: string | null;
	/** Good log files, paths relative to outDir with '/' separators. */
	logFiles: string[];
	/** Digest files, relative paths. */
	digestFiles: string[];
	/** The bad-file set, relative paths, with their kinds. */
	badFiles: {path: string; kind: BadFileKind}[];
	/** Records in bad/bad-records.json that a loader must skip. */
	badRecords: number;
	/** IoT events in bad/bad-records.json that must load (not counted in iotEvents). */
	goodRecordsInBadRecordFile: number;
	/** eventIDs of those good records. */
	goodRecordIDsInBadRecordFile: string[];
	/** The planted incident, or null when skipped (see incidentSkipped). */
	incident: IncidentTruth | null;
	/** Why the incident was not planted. */
	incidentSkipped?: string;
	/** The planted hostile text, when planted. */
	hostile?: HostileTruth;
	/** The behaviours planted for the detection rules, when SampleOptions.huntScenarios. */
	hunt?: HuntTruth;
	/** The three 12-digit account ids. */
	accounts: string[];
	regions: string[];
	/** The organization id of the organization trail prefix, and the account logged under it. */
	organizationId: string;
	organizationAccount: string;
	bucket: string;
	trailName: string;
};
