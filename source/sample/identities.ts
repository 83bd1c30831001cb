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

const CORPORATE_IPS = [
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

const PEOPLE = [
	'alice.ng',
	'bram.devries',
	'chen.wei',
	'dana.okafor',
	'eli.schwartz',
	'fatima.zahra',
	'gus.lindqvist',
	'hana.sato',
];

function accessKey(rng: Random, prefix: 'AKIA' | 'ASIA'): string {
	return prefix + rng.upperAlnum(16);
}

function uniqueId(rng: Random, prefix: 'AIDA' | 'AROA' | 'AIPA'): string {
	return prefix + rng.upperAlnum(17);
}

function tools(rng: Random, count: number, allowConsole = true): Tool[] {
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

function toolVersion(rng: Random, kind: ToolKind): string {
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

function ips(rng: Random, count: number): string[] {
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

/** Builds one account's pool of identities: every type, AssumedRole and IAMUser most numerous. */
export function buildIdentities(rng: Random, account: string, partnerAccount: string): IdentityProfile[] {
	const out: IdentityProfile[] = [];
	const people = rng.shuffle([...PEOPLE]);

	// IAMUser: named users, a CI user, and one with an arn but no userName or access key.
	for (const userName of [people[0] as string, people[1] as string, 'ci-deploy', 'button-provisioner']) {
		const arn = `arn:aws:iam::${account}:user/${userName}`;
		out.push({
			type: 'IAMUser',
			principal: arn,
			account,
			session: false,
			template: {
				type: 'IAMUser',
				principalId: uniqueId(rng, 'AIDA'),
				arn,
				accountId: account,
				accessKeyId: accessKey(rng, 'AKIA'),
				userName,
			},
			sourceIPs: ips(rng, 2),
			tools: tools(rng, userName === 'ci-deploy' ? 1 : 2, userName !== 'ci-deploy'),
			weight: userName === 'ci-deploy' ? 3 : 2,
		});
	}
	const bareArn = `arn:aws:iam::${account}:user/legacy/integration-user`;
	out.push({
		type: 'IAMUser',
		principal: bareArn,
		account,
		session: false,
		template: {type: 'IAMUser', principalId: uniqueId(rng, 'AIDA'), arn: bareArn, accountId: account},
		sourceIPs: ips(rng, 1),
		tools: tools(rng, 1, false),
		weight: 0.5,
	});

	// AssumedRole: operators, SSO permission sets, a Lambda execution role, CI via OIDC.
	const ssoRole = `AWSReservedSSO_AdministratorAccess_${rng.hex(16)}`;
	const ssoReadOnly = `AWSReservedSSO_ReadOnlyAccess_${rng.hex(16)}`;
	const roles: {roleName: string; rolePath?: string; sessionName: string; weight: number; console: boolean}[] = [
		{roleName: 'IoTFleetOperator', sessionName: people[2] as string, weight: 3, console: true},
		{roleName: 'IoTFleetOperator', sessionName: people[3] as string, weight: 2, console: true},
		{
			roleName: ssoRole,
			rolePath: 'aws-reserved/sso.amazonaws.com/',
			sessionName: `${people[4] as string}@example.com`,
			weight: 2,
			console: true,
		},
		{
			roleName: ssoReadOnly,
			rolePath: 'aws-reserved/sso.amazonaws.com/',
			sessionName: `${people[5] as string}@example.com`,
			weight: 2,
			console: true,
		},
		{
			roleName: 'button-handler-exec',
			rolePath: 'service-role/',
			sessionName: 'button-handler',
			weight: 2,
			console: false,
		},
		{roleName: 'github-actions-deploy', sessionName: 'GitHubActions', weight: 1, console: false},
		{
			roleName: 'IoTFleetOperator',
			sessionName: `botocore-session-${1730000000 + rng.int(0, 3_000_000)}`,
			weight: 1,
			console: false,
		},
	];
	for (const role of roles) {
		out.push(
			assumedRole({
				rng,
				account,
				roleName: role.roleName,
				rolePath: role.rolePath,
				sessionName: role.sessionName,
				sourceIPs: ips(rng, 2),
				tools: tools(rng, role.console ? 2 : 1, role.console),
				weight: role.weight,
			}),
		);
	}

	// Root.
	out.push({
		type: 'Root',
		principal: `arn:aws:iam::${account}:root`,
		account,
		session: false,
		template: {
			type: 'Root',
			principalId: account,
			arn: `arn:aws:iam::${account}:root`,
			accountId: account,
			accessKeyId: accessKey(rng, 'ASIA'),
		},
		sourceIPs: ips(rng, 1),
		tools: [{kind: 'console', version: ''}],
		weight: 1,
	});

	// FederatedUser (GetFederationToken).
	const fedName = 'partner-support';
	const fedArn = `arn:aws:sts::${account}:federated-user/${fedName}`;
	out.push({
		type: 'FederatedUser',
		principal: fedArn,
		account,
		session: true,
		template: {
			type: 'FederatedUser',
			principalId: `${account}:${fedName}`,
			arn: fedArn,
			accountId: account,
			accessKeyId: accessKey(rng, 'ASIA'),
			sessionContext: {
				sessionIssuer: {
					type: 'IAMUser',
					principalId: uniqueId(rng, 'AIDA'),
					arn: `arn:aws:iam::${account}:user/federation-broker`,
					accountId: account,
					userName: 'federation-broker',
				},
				webIdFederationData: {},
			},
		},
		sourceIPs: ips(rng, 1),
		tools: tools(rng, 1, false),
		weight: 1,
	});

	// Role (a role acting directly, as some services log it).
	const roleArn = `arn:aws:iam::${account}:role/iot-inventory-sync`;
	out.push({
		type: 'Role',
		principal: roleArn,
		account,
		session: false,
		template: {type: 'Role', principalId: uniqueId(rng, 'AROA'), arn: roleArn, accountId: account},
		sourceIPs: ips(rng, 1),
		tools: tools(rng, 1, false),
		weight: 1,
	});

	// AWSService.
	out.push(awsService(account, 'iot1click.amazonaws.com', 2), awsService(account, 'lambda.amazonaws.com', 1));

	// AWSAccount: a partner account calling through a resource policy or role.
	out.push({
		type: 'AWSAccount',
		principal: partnerAccount,
		account,
		session: false,
		template: {type: 'AWSAccount', principalId: uniqueId(rng, 'AIDA'), accountId: partnerAccount},
		sourceIPs: ips(rng, 1),
		tools: tools(rng, 1, false),
		weight: 1,
	});

	// IdentityCenterUser.
	const storeId = `d-${rng.digits(10)}`;
	for (let i = 0; i < 2; i++) {
		const userId = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
		out.push({
			type: 'IdentityCenterUser',
			principal: userId,
			account,
			session: false,
			template: {
				type: 'IdentityCenterUser',
				accountId: account,
				onBehalfOf: {userId, identityStoreArn: `arn:aws:identitystore::${account}:identitystore/${storeId}`},
				credentialId: rng.alnum(20),
			},
			sourceIPs: ips(rng, 1),
			tools: [{kind: 'console', version: ''}],
			weight: 1,
		});
	}

	// SAMLUser.
	const samlProvider = `${rng.alnum(20)}=`;
	const samlUser = `${people[6] as string}@example.com`;
	out.push({
		type: 'SAMLUser',
		principal: `${samlUser} (${samlProvider})`,
		account,
		session: false,
		template: {
			type: 'SAMLUser',
			principalId: `${samlProvider}:${samlUser}`,
			userName: samlUser,
			identityProvider: samlProvider,
		},
		sourceIPs: ips(rng, 1),
		tools: tools(rng, 1),
		weight: 1,
	});

	// WebIdentityUser.
	const webUser = rng.digits(21);
	out.push({
		type: 'WebIdentityUser',
		principal: `${webUser} (accounts.google.com)`,
		account,
		session: false,
		template: {
			type: 'WebIdentityUser',
			principalId: `accounts.google.com:${rng.digits(12)}-${rng.lowerAlnum(32)}.apps.googleusercontent.com:${webUser}`,
			userName: webUser,
			identityProvider: 'accounts.google.com',
		},
		sourceIPs: ips(rng, 1),
		tools: [{kind: 'jssdk', version: toolVersion(rng, 'jssdk')}],
		weight: 1,
	});

	// A type CloudTrail does not document here: only a principalId.
	const unknownId = `AIDA${rng.upperAlnum(17)}`;
	out.push({
		type: 'Unknown',
		principal: unknownId,
		account,
		session: false,
		template: {type: 'Unknown', principalId: unknownId},
		sourceIPs: ips(rng, 1),
		tools: tools(rng, 1, false),
		weight: 1,
	});
	return out;
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
