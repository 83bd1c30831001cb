/**
 * Gathers a report's data from the case file through the store's reads: the selected events, their files and
 * integrity, findings, lineage of each principal's keys, IoT 1-Click changes and marks. It reads an open case file
 * (`clicktrail report`) or a reader lane's query (the screen's `R`, on the file the screen holds).
 */
import type {SqlQuery} from '../query/sql.js';
import type {Row} from '../store/database.js';
import {readLineages} from '../store/lineage.js';
import {
	type ReportSource,
	readReportChanges,
	readReportEvents,
	readReportFiles,
	readReportFindings,
	readReportKeys,
	readReportMarks,
} from '../store/report.js';
import type {Change, Count, PrincipalLineage, Report, ReportEvent} from './model.js';

/** How many eventIDs a count cites (then "and N more"). */
export const CITED = 3;

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** The ledger's integrity status as the report names it. */
export function integrityLabel(value: unknown): string {
	if (value === null || value === undefined || value === '') return 'unverified';
	return value === 'valid' ? 'verified' : String(value);
}

export type GatherInput = {
	caseFile: string;
	where: SqlQuery;
	filter: string[];
	version: string;
	now?: Date;
	/** Told what is being read, step by step (the screen shows it while it works). */
	progress?: (step: string) => void;
};

/** The report's data, read from a case file or a reader lane (the screen's `R`). */
export async function gatherReport(db: ReportSource, input: GatherInput): Promise<Report> {
	const {where} = input;
	const step = input.progress ?? (() => undefined);
	step('reading the events');
	const events: ReportEvent[] = (await readReportEvents(db, where)).map((row, index) => ({
		eventID: text(row['eventID']),
		anchor: `e${index + 1}`,
		time: row['eventTime'] as Date,
		eventName: text(row['eventName']),
		principal: text(row['principal']),
		accountId: text(row['accountId']),
		awsRegion: text(row['awsRegion']),
		deviceId: text(row['deviceId']),
		sourceIPAddress: text(row['sourceIPAddress']),
		userAgent: text(row['userAgent']),
		errorCode: text(row['errorCode']),
		sourceFile: text(row['sourceFile']),
		integrity: integrityLabel(row['integrity']),
	}));
	step(`reading the files of ${events.length.toLocaleString('en-US')} events`);
	const files = (await readReportFiles(db, where)).map(row => ({
		path: text(row['path']),
		status: text(row['status']) || 'not in the ledger',
		integrity: integrityLabel(row['integrity']),
		events: Number(row['events']),
		firstEventID: text(row['firstEventID']),
	}));
	const integrity: Record<string, number> = {};
	for (const file of files) integrity[file.integrity] = (integrity[file.integrity] ?? 0) + 1;
	step('reading the findings');
	const findings = (await readReportFindings(db, where)).map(row => ({
		ruleId: text(row['ruleId']),
		title: text(row['title']),
		severity: text(row['severity']),
		principal: text(row['principal']),
		start: row['startTime'] as Date,
		end: row['endTime'] as Date,
		triage: text(row['triage']),
		eventIDs: (row['eventIDs'] as unknown[]).map(text),
	}));
	step('tracing the lineage of the principals');
	const lineage = await gatherLineage(db, where);
	step('reading the changes and the marks');
	const changes = (await readReportChanges(db, where)).map(change);
	const marks = (await readReportMarks(db, where)).map(row => ({
		eventID: text(row['eventID']),
		note: text(row['note']),
		time: row['eventTime'] as Date,
		eventName: text(row['eventName']),
		principal: text(row['principal']),
	}));
	return {
		generated: input.now ?? new Date(),
		version: input.version,
		caseFile: input.caseFile,
		filter: input.filter,
		timeZone: 'UTC',
		events,
		files,
		integrity,
		accounts: distinct(events.map(event => event.accountId)),
		regions: distinct(events.map(event => event.awsRegion)),
		span: events.length === 0 ? null : {from: events[0]!.time, to: events.at(-1)!.time},
		summary: [
			{title: 'eventName', counts: countBy(events, event => event.eventName)},
			{title: 'principal', counts: countBy(events, event => event.principal)},
			{title: 'deviceId', counts: countBy(events, event => event.deviceId)},
			{title: 'errorCode', counts: countBy(events, event => event.errorCode)},
		],
		findings,
		lineage,
		changes,
		marks,
	};
}

function distinct(values: string[]): string[] {
	return [...new Set(values.filter(Boolean))].sort();
}

/** Counts by a key (empty values left out), largest first, each citing its first events. */
function countBy(events: readonly ReportEvent[], key: (event: ReportEvent) => string): Count[] {
	const counts = new Map<string, Count>();
	for (const event of events) {
		const value = key(event);
		if (value === '') continue;
		let count = counts.get(value);
		if (!count) counts.set(value, (count = {value, count: 0, eventIDs: []}));
		count.count++;
		if (count.eventIDs.length < CITED) count.eventIDs.push(event.eventID);
	}
	return [...counts.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

async function gatherLineage(db: ReportSource, where: SqlQuery): Promise<PrincipalLineage[]> {
	const keys = await readReportKeys(db, where);
	const {lineages} = await readLineages(
		db,
		keys.map(row => text(row['eventID'])),
	);
	const byPrincipal = new Map<string, PrincipalLineage>();
	for (const [index, lineage] of lineages.entries()) {
		const row = keys.find(key => text(key['eventID']) === lineage.event.eventID) ?? keys[index]!;
		const principal = lineage.event.principal;
		let entry = byPrincipal.get(principal);
		if (!entry) byPrincipal.set(principal, (entry = {principal, keys: []}));
		entry.keys.push({
			accessKeyId: lineage.event.accessKeyId ?? '',
			eventID: lineage.event.eventID,
			events: Number(row['events']),
			hops: lineage.chain.map(hop => ({
				accessKeyId: hop.accessKeyId,
				eventID: hop.issuedBy?.eventID ?? null,
				eventName: hop.issuedBy?.eventName ?? '',
				principal: hop.issuedBy?.principal ?? '',
			})),
			origin: lineage.origin.principal,
			originKind: lineage.origin.kind,
			complete: lineage.origin.complete,
			reason: lineage.origin.reason,
		});
	}
	return [...byPrincipal.values()];
}

function change(row: Row): Change {
	const name = text(row['eventName']);
	const device = text(row['deviceId']);
	const placement = `${text(row['projectName'])}/${text(row['placementName'])}`;
	const base = {eventID: text(row['eventID']), time: row['eventTime'] as Date, principal: text(row['principal'])};
	const state = (value: unknown) => (value === 'true' ? 'enabled' : value === 'false' ? 'disabled' : 'unknown');
	switch (name) {
		case 'UpdateDeviceState': {
			const after = state(row['enabled']);
			const verb = after === 'disabled' ? 'disabled' : after === 'enabled' ? 're-enabled' : 'state set';
			return {...base, what: `device ${device} ${verb}`, before: state(row['before']), after};
		}
		case 'DisassociateDeviceFromPlacement':
			return {
				...base,
				what: `device ${device} taken out of placement ${placement}`,
				before: 'in placement',
				after: 'not in placement',
			};
		case 'DeletePlacement':
			return {...base, what: `placement ${placement} deleted (emptied)`, before: 'active', after: 'deleted'};
		default:
			return {...base, what: `project ${text(row['projectName'])} deleted`, before: 'active', after: 'deleted'};
	}
}
