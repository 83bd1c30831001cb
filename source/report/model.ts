/** What a report holds: plain data, gathered from the case file (gather.ts), rendered by html.ts and markdown.ts. */

/** One selected event as its row in the report. Strings are log text: render them through escape.ts. */
export type ReportEvent = {
	eventID: string;
	/** The row's anchor (`e1`, `e2`, ...): safe whatever the eventID holds. */
	anchor: string;
	time: Date;
	eventName: string;
	principal: string;
	accountId: string;
	awsRegion: string;
	deviceId: string;
	sourceIPAddress: string;
	userAgent: string;
	errorCode: string;
	sourceFile: string;
	/** verified, unverified, tampered, missing, unlisted, signature-invalid, chain-gap, not-checked. */
	integrity: string;
};

/** A counted value and the events it counts (cited: the first few, and how many in all). */
export type Count = {value: string; count: number; eventIDs: string[]};

export type ReportFile = {path: string; status: string; integrity: string; events: number; firstEventID: string};

export type ReportFinding = {
	ruleId: string;
	title: string;
	severity: string;
	principal: string;
	start: Date;
	end: Date;
	triage: string;
	eventIDs: string[];
};

export type LineageHop = {accessKeyId: string; eventID: string | null; eventName: string; principal: string};

/** One access key of a principal traced to its origin. */
export type KeyLineage = {
	accessKeyId: string;
	eventID: string;
	events: number;
	hops: LineageHop[];
	origin: string;
	originKind: string;
	complete: boolean;
	reason: string;
};

export type PrincipalLineage = {principal: string; keys: KeyLineage[]};

export type Change = {eventID: string; time: Date; principal: string; what: string; before: string; after: string};

export type ReportMark = {eventID: string; note: string; time: Date; eventName: string; principal: string};

export type Report = {
	generated: Date;
	version: string;
	caseFile: string;
	/** The filter, as chip labels (empty: the whole case). */
	filter: string[];
	timeZone: 'UTC';
	events: ReportEvent[];
	files: ReportFile[];
	/** Files by integrity status: verified, unverified, tampered, missing, ... */
	integrity: Record<string, number>;
	accounts: string[];
	regions: string[];
	span: {from: Date; to: Date} | null;
	summary: {title: string; counts: Count[]}[];
	findings: ReportFinding[];
	lineage: PrincipalLineage[];
	changes: Change[];
	marks: ReportMark[];
};
