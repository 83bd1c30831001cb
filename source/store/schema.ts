/**
 * The case file's schema. The events table keeps CloudTrail's own top-level field names so that queries written
 * for Athena or CloudTrail Lake port as they are. Every change goes through a new migration: append to MIGRATIONS,
 * never edit one that has shipped.
 */

export {EVENT_COLUMNS, IOT1CLICK_SOURCE, type EventColumn} from '../events/columns.js';

export type Migration = {version: number; description: string; sql: string};

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		description: 'events table and files ledger',
		sql: `
CREATE TABLE events (
	-- Unique: the loader (the case file's only writer) inserts an eventID only if it is not there yet. No
	-- PRIMARY KEY index: maintaining one cost about a third of the load's instructions (see README, Speed).
	eventID VARCHAR NOT NULL,
	eventTime TIMESTAMPTZ NOT NULL,
	eventSource VARCHAR,
	eventName VARCHAR,
	awsRegion VARCHAR,
	sourceIPAddress VARCHAR,
	userAgent VARCHAR,
	errorCode VARCHAR,
	errorMessage VARCHAR,
	readOnly BOOLEAN,
	requestID VARCHAR,
	eventType VARCHAR,
	eventVersion VARCHAR,
	recipientAccountId VARCHAR,
	-- Parts of raw, computed when read: storing them again would double the bytes written at load.
	userIdentity JSON GENERATED ALWAYS AS (json_extract(raw, '$.userIdentity')) VIRTUAL,
	requestParameters JSON GENERATED ALWAYS AS (json_extract(raw, '$.requestParameters')) VIRTUAL,
	responseElements JSON GENERATED ALWAYS AS (json_extract(raw, '$.responseElements')) VIRTUAL,
	principal VARCHAR NOT NULL,
	principalType VARCHAR,
	accountId VARCHAR,
	accessKeyId VARCHAR,
	deviceId VARCHAR,
	projectName VARCHAR,
	placementName VARCHAR,
	raw JSON,
	sourceFile VARCHAR
);
CREATE TABLE files (
	path VARCHAR PRIMARY KEY,
	size BIGINT,
	checksum VARCHAR,
	format VARCHAR,
	records BIGINT,
	events BIGINT,
	otherService BIGINT,
	badRecords BIGINT,
	outOfRange BIGINT,
	status VARCHAR NOT NULL,
	error VARCHAR,
	loadedAt TIMESTAMPTZ NOT NULL
);`,
	},
	{
		version: 2,
		description: 'saved views and SQL console history',
		sql: `
CREATE TABLE views (
	name VARCHAR PRIMARY KEY,
	description VARCHAR,
	-- The filter chips as JSON (times as ISO 8601), or NULL for a SQL view.
	filter JSON,
	sql VARCHAR,
	created TIMESTAMPTZ NOT NULL,
	updated TIMESTAMPTZ NOT NULL
);
CREATE TABLE history (
	id BIGINT PRIMARY KEY,
	sql VARCHAR NOT NULL,
	ran TIMESTAMPTZ NOT NULL
);`,
	},
	{
		version: 3,
		description: 'files ledger: integrity status recorded by clicktrail verify',
		sql: `
ALTER TABLE files ADD COLUMN integrity VARCHAR;
ALTER TABLE files ADD COLUMN integrityCheckedAt TIMESTAMPTZ;`,
	},
	{
		version: 4,
		description: 'files ledger: the --since/--until window a file was loaded with, and why records were rejected',
		sql: `
ALTER TABLE files ADD COLUMN loadedSince TIMESTAMPTZ;
ALTER TABLE files ADD COLUMN loadedUntil TIMESTAMPTZ;
ALTER TABLE files ADD COLUMN rejected VARCHAR;`,
	},
	{
		version: 5,
		description: 'identity events: the events that issue or establish credentials, kept by every load for lineage',
		sql: `
CREATE TABLE identity_events (
	-- Unique like events.eventID (the loader inserts an eventID only once). A cross-account AssumeRole is logged
	-- in both accounts under two eventIDs that share sharedEventID.
	eventID VARCHAR NOT NULL,
	eventTime TIMESTAMPTZ NOT NULL,
	eventSource VARCHAR,
	eventName VARCHAR,
	awsRegion VARCHAR,
	sourceIPAddress VARCHAR,
	userAgent VARCHAR,
	errorCode VARCHAR,
	errorMessage VARCHAR,
	readOnly BOOLEAN,
	requestID VARCHAR,
	eventType VARCHAR,
	eventVersion VARCHAR,
	recipientAccountId VARCHAR,
	userIdentity JSON GENERATED ALWAYS AS (json_extract(raw, '$.userIdentity')) VIRTUAL,
	requestParameters JSON GENERATED ALWAYS AS (json_extract(raw, '$.requestParameters')) VIRTUAL,
	responseElements JSON GENERATED ALWAYS AS (json_extract(raw, '$.responseElements')) VIRTUAL,
	principal VARCHAR NOT NULL,
	principalType VARCHAR,
	accountId VARCHAR,
	accessKeyId VARCHAR,
	-- The key this event issued or established (credentials.accessKeyId; CreateAccessKey's accessKey.accessKeyId;
	-- UpdateAccessKey's key), the role and session, and the session's attributes.
	issuedAccessKeyId VARCHAR,
	roleArn VARCHAR,
	roleSessionName VARCHAR,
	sourceIdentity VARCHAR,
	mfaAuthenticated BOOLEAN,
	expiration TIMESTAMPTZ,
	sharedEventID VARCHAR,
	raw JSON,
	sourceFile VARCHAR
);`,
	},
	{
		version: 6,
		description: 'hunt findings: each tied to its events, replaced by the next hunt of the same rule set',
		sql: `
CREATE TABLE hunts (
	-- The rule set: "builtin" and each --rules folder, as given, one a line.
	ruleSet VARCHAR PRIMARY KEY,
	ranAt TIMESTAMPTZ NOT NULL,
	since TIMESTAMPTZ,
	until TIMESTAMPTZ,
	-- Every rule with its status: [{"id", "title", "severity", "status", "reason"}].
	rules JSON
);
CREATE TABLE findings (
	findingId BIGINT PRIMARY KEY,
	ruleSet VARCHAR NOT NULL,
	ruleId VARCHAR NOT NULL,
	title VARCHAR NOT NULL,
	-- critical, high, medium, low or info (the rule's Sigma level).
	severity VARCHAR NOT NULL,
	principal VARCHAR,
	accountId VARCHAR,
	startTime TIMESTAMPTZ NOT NULL,
	endTime TIMESTAMPTZ NOT NULL,
	count BIGINT NOT NULL,
	-- The fields the rule's logic reads, so that a screen can show why an event matched.
	fields VARCHAR[],
	tags VARCHAR[],
	description VARCHAR,
	triage VARCHAR,
	ruleSource VARCHAR
);
CREATE TABLE finding_events (
	findingId BIGINT NOT NULL,
	eventID VARCHAR NOT NULL
);`,
	},
	{
		version: 7,
		description: 'Athena queries that produced loaded files (clicktrail athena run)',
		sql: `
CREATE TABLE athena_queries (
	queryId VARCHAR PRIMARY KEY,
	-- 'ddl' (database and tables) or 'unload' (the query that wrote the records)
	role VARCHAR NOT NULL,
	sql VARCHAR NOT NULL,
	dataScannedBytes BIGINT NOT NULL,
	engineMs BIGINT,
	workgroup VARCHAR,
	-- Where the UNLOAD wrote (s3://.../records/); NULL for DDL
	outputLocation VARCHAR,
	ranAt TIMESTAMPTZ NOT NULL
);
-- Which query wrote each loaded file (files.path, an s3:// URI).
CREATE TABLE athena_files (
	path VARCHAR NOT NULL,
	queryId VARCHAR NOT NULL,
	PRIMARY KEY (path, queryId)
);`,
	},
	{
		version: 8,
		description: 'marks: events an analyst marked, with an optional note (the screen, clicktrail marks)',
		sql: `
CREATE TABLE marks (
	-- One mark an event: marking it again replaces the note.
	eventID VARCHAR PRIMARY KEY,
	note VARCHAR,
	created TIMESTAMPTZ NOT NULL,
	updated TIMESTAMPTZ NOT NULL
);`,
	},
	{
		version: 9,
		description: 'summaries of the events the screen reads instead of them (store/summaries.ts), rebuilt by each load',
		sql: `
-- Per hour (floor of epoch microseconds / 3,600,000,000), how many events and failed calls each value of each facet
-- field has, and the first and last eventTime among them; field '*' (value NULL) counts every event.
CREATE TABLE summary_hours (
	field VARCHAR NOT NULL,
	value VARCHAR,
	hour BIGINT NOT NULL,
	total BIGINT NOT NULL,
	errors BIGINT NOT NULL,
	first TIMESTAMPTZ NOT NULL,
	last TIMESTAMPTZ NOT NULL
);
-- How many events (and failed calls) have value on field and otherValue on other (a facets-pane field), over all time.
CREATE TABLE summary_pairs (
	field VARCHAR NOT NULL,
	value VARCHAR,
	other VARCHAR NOT NULL,
	otherValue VARCHAR,
	total BIGINT NOT NULL,
	errors BIGINT NOT NULL
);
-- How many events the summaries were built from: they are used only while the events table holds that many
-- (events are only ever added), so a load that adds events and does not bring them up to date leaves them unused.
-- eventsHash (the sum of hash(eventID) over them) tells a later load that the table's first rows are still those
-- events, so it may add only the rows after them.
CREATE TABLE summary_state (
	events BIGINT NOT NULL,
	eventsHash HUGEINT NOT NULL,
	builtAt TIMESTAMPTZ NOT NULL
);`,
	},
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** The migration that added the screen's summaries (store/summaries.ts): a file upgraded past it gets them built. */
export const SUMMARIES_VERSION = 9;
