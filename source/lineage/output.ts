/**
 * A lineage as the CLI prints it: the JSON object of `clicktrail lineage --format json|ndjson`, and the text form,
 * where every value from the logs goes through inert() (attacker-controlled text never reaches the terminal raw).
 */
import {inert} from '../text/inert.js';
import {escapeInvisible} from '../text/json-text.js';
import {jsonValue} from '../text/values.js';
import type {Lineage, LineageRecord} from './types.js';

/** The JSON shape of one lineage (the issue's contract: keys and order fixed). */
export type LineageJson = {
	event: {eventID: string; eventTime: string; eventName: string | null; principal: string; accessKeyId: string | null};
	chain: Array<{
		accessKeyId: string;
		issuedBy: {
			eventID: string;
			eventTime: string;
			eventSource: string | null;
			eventName: string | null;
			principal: string;
			principalType: string | null;
			accessKeyId: string | null;
			sourceIPAddress: string | null;
			userAgent: string | null;
			sourceFile: string | null;
		} | null;
	}>;
	origin: {principal: string; principalType: string | null; kind: string; complete: boolean; reason: string};
};

export function lineageJson(lineage: Lineage): LineageJson {
	const {event, chain, origin} = lineage;
	return {
		event: {
			eventID: event.eventID,
			eventTime: event.eventTime,
			eventName: event.eventName,
			principal: event.principal,
			accessKeyId: event.accessKeyId,
		},
		chain: chain.map(hop => ({
			accessKeyId: hop.accessKeyId,
			issuedBy: hop.issuedBy && {
				eventID: hop.issuedBy.eventID,
				eventTime: hop.issuedBy.eventTime,
				eventSource: hop.issuedBy.eventSource,
				eventName: hop.issuedBy.eventName,
				principal: hop.issuedBy.principal,
				principalType: hop.issuedBy.principalType,
				accessKeyId: hop.issuedBy.accessKeyId,
				sourceIPAddress: hop.issuedBy.sourceIPAddress,
				userAgent: hop.issuedBy.userAgent,
				sourceFile: hop.issuedBy.sourceFile,
			},
		})),
		origin: {
			principal: origin.principal,
			principalType: origin.principalType,
			kind: origin.kind,
			complete: origin.complete,
			reason: origin.reason,
		},
	};
}

/** JSON text (control and invisible characters escaped), pretty or on one line. */
export function lineageJsonText(lineages: readonly Lineage[], format: 'json' | 'ndjson'): string {
	if (format === 'ndjson') return lineages.map(lineage => `${jsonValue(lineageJson(lineage))}\n`).join('');
	const value = lineages.length === 1 ? lineageJson(lineages[0]!) : lineages.map(lineage => lineageJson(lineage));
	return `${escapeInvisible(JSON.stringify(value, null, 2))}\n`;
}

const show = (value: string | null | undefined) => inert(value ?? '-');

function who(record: LineageRecord): string {
	return `${show(record.principal)}${record.principalType ? ` (${inert(record.principalType)})` : ''}`;
}

function details(record: LineageRecord, indent: string): string[] {
	const session = record.roleSessionName ? ` · session ${inert(record.roleSessionName)}` : '';
	const mfa = record.mfaAuthenticated === null ? '' : ` · MFA ${record.mfaAuthenticated ? 'yes' : 'no'}`;
	const identity = record.sourceIdentity ? ` · sourceIdentity ${inert(record.sourceIdentity)}` : '';
	return [
		`${indent}by ${who(record)} with key ${show(record.accessKeyId)}`,
		`${indent}from ${show(record.sourceIPAddress)} · ${show(record.userAgent)}${session}${mfa}${identity}`,
		`${indent}event ${show(record.eventID)} in ${show(record.sourceFile)}`,
	];
}

/** The text form: the event, each hop (the key, the event that issued it), the origin. */
export function lineageText(lineage: Lineage): string {
	const {event, chain, origin} = lineage;
	const lines = [
		`${show(event.eventTime)} ${show(event.eventName)} ${show(event.eventID)}`,
		`  by ${who(event)} with key ${show(event.accessKeyId)}`,
	];
	for (const hop of chain) {
		const by = hop.issuedBy;
		lines.push(
			by
				? `  <- ${show(hop.accessKeyId)} issued ${show(by.eventTime)} by ${show(by.eventSource)} ${show(by.eventName)}${by.errorCode ? ` (failed: ${inert(by.errorCode)})` : ''}`
				: `  <- ${show(hop.accessKeyId)} issued by: not in the loaded logs`,
		);
		if (by) lines.push(...details(by, '       '));
	}
	lines.push(
		`  origin: ${who({...event, principal: origin.principal, principalType: origin.principalType})} · ${inert(origin.kind)} · ${origin.complete ? 'complete' : 'INCOMPLETE'}`,
		`          ${inert(origin.reason)}`,
	);
	return `${lines.join('\n')}\n`;
}
