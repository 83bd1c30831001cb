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
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
