/**
 * One account's cast: the pool of identity profiles the generator draws callers from, every userIdentity type with
 * AssumedRole and IAMUser most numerous (the profile shapes and helpers are in identities.ts).
 */
import {
	accessKey,
	assumedRole,
	awsService,
	ips,
	PEOPLE,
	tools,
	toolVersion,
	uniqueId,
	type IdentityProfile,
} from './identities.js';
import type {Random} from './random.js';

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
