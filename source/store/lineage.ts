/**
 * Runs the lineage queries (source/query/lineage.ts) on a case file for the walk in source/lineage/, and the sessions
 * list (source/query/sessions.ts). Reads only.
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import type {LineageLookup, LineageRecord, Lineage} from '../lineage/types.js';
import {traceLineage} from '../lineage/walk.js';
import {issuersQuery, lineageEventsQuery} from '../query/lineage.js';
import {sessionsQuery} from '../query/sessions.js';
import type {SqlQuery} from '../query/sql.js';
import type {CaseFile, Row} from './database.js';
import {read} from './read.js';

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A row of the lineage queries as a {@link LineageRecord}. */
export function lineageRecord(row: Row): LineageRecord {
	return {
		eventID: String(row['eventID']),
		eventTime: String(row['eventTime']),
		eventSource: text(row['eventSource']),
		eventName: text(row['eventName']),
		awsRegion: text(row['awsRegion']),
		recipientAccountId: text(row['recipientAccountId']),
		principal: String(row['principal'] ?? 'unknown'),
		principalType: text(row['principalType']),
		accountId: text(row['accountId']),
		accessKeyId: text(row['accessKeyId']),
		sourceIPAddress: text(row['sourceIPAddress']),
		userAgent: text(row['userAgent']),
		errorCode: text(row['errorCode']),
		sourceFile: text(row['sourceFile']),
		invokedBy: text(row['invokedBy']),
		sessionCreated: text(row['sessionCreated']),
		sessionIssuer: text(row['sessionIssuer']),
		fromConsole: text(row['fromConsole']),
		mfaAuthenticated: typeof row['mfaAuthenticated'] === 'boolean' ? row['mfaAuthenticated'] : null,
		sourceIdentity: text(row['sourceIdentity']),
		issuedAccessKeyId: text(row['issuedAccessKeyId']),
		roleArn: text(row['roleArn']),
		roleSessionName: text(row['roleSessionName']),
		sharedEventID: text(row['sharedEventID']),
		isIdentityEvent: row['isIdentityEvent'] === true,
	};
}

/** Runs one query: on a case file or connection, or a reader lane's query (the screen). */
export type RunQuery = (query: SqlQuery) => Promise<Row[]>;

function runner(db: CaseFile | DuckDBConnection | RunQuery): RunQuery {
	return typeof db === 'function' ? db : query => read(db, query);
}

/** The walk's lookup on a case file. */
export function lineageLookup(db: CaseFile | DuckDBConnection | RunQuery): LineageLookup {
	const run = runner(db);
	return {issuers: async key => (await run(issuersQuery(key))).map(lineageRecord)};
}

/** The lineage of each eventID, in the order given; `missing` lists the eventIDs the case file does not hold. */
export async function readLineages(
	db: CaseFile | DuckDBConnection | RunQuery,
	eventIDs: readonly string[],
): Promise<{lineages: Lineage[]; missing: string[]}> {
	const rows = await runner(db)(lineageEventsQuery([...new Set(eventIDs)]));
	const byID = new Map<string, LineageRecord>();
	for (const row of rows) {
		const record = lineageRecord(row);
		if (!byID.has(record.eventID)) byID.set(record.eventID, record);
	}
	const lookup = lineageLookup(db);
	const lineages: Lineage[] = [];
	const missing: string[] = [];
	for (const id of eventIDs) {
		const event = byID.get(id);
		if (event) lineages.push(await traceLineage(event, lookup));
		else missing.push(id);
	}
	return {lineages, missing};
}

/** The sessions list: one row per access key seen on IoT 1-Click events. */
export async function readSessions(db: CaseFile | DuckDBConnection | RunQuery): Promise<Row[]> {
	return runner(db)(sessionsQuery());
}
