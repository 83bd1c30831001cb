/**
 * The lineage walk: event.userIdentity.accessKeyId -> the identity event that issued that key -> that event's own
 * key -> ... until an identity that holds no issued key (a long-term key, a sign-in, root, an AWS service, a SAML
 * or web identity) or a key whose issuance is not in the evidence. Cycles and depth are bounded. Pure: the store is
 * behind {@link LineageLookup}.
 */
import type {Hop, Lineage, LineageLookup, LineageRecord, Origin} from './types.js';

/** Hops followed at most (real chains are 2 to 5 hops; role chaining is capped by AWS at one hour, not by length). */
export const MAX_HOPS = 16;

function origin(record: LineageRecord, kind: Origin['kind'], complete: boolean, reason: string): Origin {
	return {principal: record.principal, principalType: record.principalType, kind, complete, reason};
}

/** The origin when `record`'s identity starts a chain (holds no issued key), or undefined to follow its key. */
export function originOf(record: LineageRecord): Origin | undefined {
	const key = record.accessKeyId ?? '';
	if (record.eventSource === 'signin.amazonaws.com' && record.eventName === 'ConsoleLogin')
		return origin(record, 'console-sign-in', true, 'console sign-in');
	if (record.eventSource === 'sso.amazonaws.com' && record.eventName === 'GetRoleCredentials')
		return origin(record, 'sso-sign-in', true, 'IAM Identity Center (SSO) sign-in');
	if (record.principalType === 'AWSService' || (record.invokedBy && key === ''))
		return {...origin(record, 'aws-service', true, 'an AWS service'), principal: record.invokedBy ?? record.principal};
	if (record.principalType === 'Root') return origin(record, 'root', true, 'the account root user');
	if (key.startsWith('AKIA')) return origin(record, 'long-term-key', true, `long-term access key ${key}`);
	if (record.principalType === 'SAMLUser') return origin(record, 'saml', true, 'SAML federation (identity provider)');
	if (record.principalType === 'WebIdentityUser')
		return origin(record, 'web-identity', true, 'web identity federation (OIDC provider)');
	if (key !== '') return undefined;
	if (record.principalType === 'AWSAccount') {
		return origin(
			record,
			'cross-account-caller',
			false,
			`called from account ${record.accountId ?? '?'}: the caller's copy of ${record.eventName ?? 'the event'} is not in the loaded logs: load sts events of account ${record.accountId ?? '?'}, region ${record.awsRegion ?? '?'} around ${record.eventTime}`,
		);
	}
	return origin(record, 'no-access-key', false, 'the event names no access key');
}

/** The origin when the issuance of `record`'s key is not in the case file. */
function missing(record: LineageRecord, key: string): Origin {
	if (record.fromConsole === 'true' && (record.principalType === 'IAMUser' || record.principalType === 'Root'))
		return origin(record, 'console-sign-in', true, `console session of ${record.principal} (key ${key})`);
	const account = record.sessionIssuer?.split(':')[4] || record.accountId || record.recipientAccountId || '?';
	const around = record.sessionCreated ?? record.eventTime;
	return origin(
		record,
		'missing-issuance',
		false,
		`issuance of ${key} not in the loaded logs: load sts events of account ${account}, region ${record.awsRegion ?? '?'} around ${around}`,
	);
}

/**
 * Of the events that issued a key and their copies, the one to follow: a successful call, the copy that names the
 * caller's own key (the caller's account's copy of a cross-account call), the oldest.
 */
export function pickIssuer(issuers: readonly LineageRecord[]): LineageRecord | undefined {
	const rank = (r: LineageRecord) => (r.errorCode ? 2 : 0) + (r.accessKeyId ? 0 : 1);
	return [...issuers].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			a.eventTime.localeCompare(b.eventTime) ||
			(a.eventID < b.eventID ? -1 : a.eventID > b.eventID ? 1 : 0),
	)[0];
}

/** The lineage of one event. */
export async function traceLineage(event: LineageRecord, lookup: LineageLookup): Promise<Lineage> {
	const chain: Hop[] = [];
	const seen = new Set<string>();
	let current = event;
	for (let depth = 0; depth <= MAX_HOPS; depth++) {
		const stop = originOf(current);
		if (stop) return {event, chain, origin: stop};
		const key = current.accessKeyId!;
		if (seen.has(key))
			return {event, chain, origin: origin(current, 'cycle', false, `the chain loops back to key ${key}`)};
		if (depth === MAX_HOPS) break;
		seen.add(key);
		const issuer = pickIssuer(await lookup.issuers(key));
		chain.push({accessKeyId: key, issuedBy: issuer ?? null});
		if (!issuer) return {event, chain, origin: missing(current, key)};
		current = issuer;
	}
	return {event, chain, origin: origin(current, 'too-deep', false, `stopped after ${MAX_HOPS} hops`)};
}
