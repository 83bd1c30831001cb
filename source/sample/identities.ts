/**
 * Who makes the calls: a pool of identity profiles per account, one or more of every userIdentity type CloudTrail
 * writes, each with its principal decided here, where the identity is built (see DESIGN.md for the rule).
 */
import type {Random} from './random.js';
import {isoSeconds} from './time.js';
import type {UserIdentity} from './types.js';

/** The client a person or program calls from; decides the userAgent. */
export type ToolKind = 'cli' | 'boto3' | 'console' | 'jssdk' | 'java' | 'terraform';

/** A client and its version, fixed per identity as in real life. */
export type Tool = {kind: ToolKind; version: string};

/** An identity that makes calls, with its habits. */
export type IdentityProfile = {
	type: string;
	principal: string;
	account: string;
	/** userIdentity as written, less the per-event session attributes. */
	template: UserIdentity;
	/** True when each event gets sessionContext.attributes (creationDate, mfaAuthenticated). */
	session: boolean;
	/** Addresses it calls from (for AWSService: the service name). */
	sourceIPs: string[];
	/** Clients it uses (empty for AWSService: the userAgent is the service name). */
	tools: Tool[];
	/** Relative weight within its type. */
	weight: number;
};

/** How often each userIdentity.type makes a call, roughly as in real trails. */
export const IDENTITY_TYPE_WEIGHTS: Record<string, number> = {
	AssumedRole: 44,
	IAMUser: 24,
	IdentityCenterUser: 6,
	AWSService: 5,
	SAMLUser: 5,
	FederatedUser: 3,
	AWSAccount: 3,
	WebIdentityUser: 3,
	Root: 2,
	Role: 2,
	Unknown: 1,
};

/** Every userIdentity.type the generator writes. */
export const IDENTITY_TYPES: readonly string[] = Object.keys(IDENTITY_TYPE_WEIGHTS);

export const CORPORATE_IPS = [
	'198.51.100.14',
	'198.51.100.23',
	'198.51.100.47',
	'198.51.100.112',
	'198.51.100.201',
	'192.0.2.10',
	'192.0.2.77',
	'192.0.2.145',
	'2001:db8:4a2::17',
	'2001:db8:4a2::9c',
];

export const PEOPLE = [
	'alice.ng',
	'bram.devries',
	'chen.wei',
	'dana.okafor',
	'eli.schwartz',
	'fatima.zahra',
	'gus.lindqvist',
	'hana.sato',
];

export function accessKey(rng: Random, prefix: 'AKIA' | 'ASIA'): string {
	return prefix + rng.upperAlnum(16);
}

export function uniqueId(rng: Random, prefix: 'AIDA' | 'AROA' | 'AIPA'): string {
	return prefix + rng.upperAlnum(17);
}

export function tools(rng: Random, count: number, allowConsole = true): Tool[] {
	const kinds: ToolKind[] = allowConsole
		? ['cli', 'boto3', 'console', 'jssdk', 'java', 'terraform']
		: ['cli', 'boto3', 'jssdk', 'java', 'terraform'];
	const out: Tool[] = [];
	for (let i = 0; i < count; i++) {
		const kind = rng.weighted(kinds, k => ({cli: 5, boto3: 5, console: 4, jssdk: 2, java: 1, terraform: 1})[k]);
		out.push({kind, version: toolVersion(rng, kind)});
	}
	return out;
}

export function toolVersion(rng: Random, kind: ToolKind): string {
	switch (kind) {
		case 'cli':
			return `2.${rng.int(13, 22)}.${rng.int(0, 40)}`;
		case 'boto3':
			return `1.${rng.int(33, 35)}.${rng.int(0, 80)}`;
		case 'jssdk':
			return `3.${rng.int(500, 690)}.0`;
		case 'java':
			return `2.${rng.int(20, 29)}.${rng.int(1, 60)}`;
		case 'terraform':
			return `5.${rng.int(40, 78)}.${rng.int(0, 4)}`;
		case 'console':
			return '';
	}
}

export function ips(rng: Random, count: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < count; i++) out.push(rng.pick(CORPORATE_IPS));
	return out;
}

/** An AssumedRole profile for a role and session. */
export function assumedRole(args: {
	rng: Random;
	account: string;
	roleName: string;
	rolePath?: string;
	sessionName: string;
	sourceIPs: string[];
	tools: Tool[];
	weight?: number;
}): IdentityProfile {
	const {rng, account, roleName, sessionName} = args;
	const roleId = uniqueId(rng, 'AROA');
	const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
	return {
		type: 'AssumedRole',
		principal: arn,
		account,
		session: true,
		template: {
			type: 'AssumedRole',
			principalId: `${roleId}:${sessionName}`,
			arn,
			accountId: account,
			accessKeyId: accessKey(rng, 'ASIA'),
			sessionContext: {
				sessionIssuer: {
					type: 'Role',
					principalId: roleId,
					arn: `arn:aws:iam::${account}:role/${args.rolePath ?? ''}${roleName}`,
					accountId: account,
					userName: roleName,
				},
				webIdFederationData: {},
			},
		},
		sourceIPs: args.sourceIPs,
		tools: args.tools,
		weight: args.weight ?? 1,
	};
}

/** The AWSService profile for a service principal. */
export function awsService(account: string, service: string, weight = 1): IdentityProfile {
	return {
		type: 'AWSService',
		principal: service,
		account,
		session: false,
		template: {type: 'AWSService', invokedBy: service},
		sourceIPs: [service],
		tools: [],
		weight,
	};
}

/** The userIdentity of one event: the template plus, for sessions, attributes with a creation date before the event. */
export function identityFor(profile: IdentityProfile, eventMs: number, rng: Random): UserIdentity {
	if (!profile.session) return profile.template;
	const context = profile.template.sessionContext ?? {};
	return {
		...profile.template,
		sessionContext: {
			...context,
			attributes: {
				creationDate: isoSeconds(eventMs - rng.int(30, 3500) * 1000),
				mfaAuthenticated: profile.tools.some(t => t.kind === 'console') ? 'true' : 'false',
			},
		},
	};
}
