/**
 * generateLineage: a seeded archive of role sessions whose keys were issued by identity events in the archive, for
 * testing credential lineage against a known truth (lineage-truth.ts). Chains planted: an IAM user's long-term key
 * -> AssumeRole -> AssumeRole (2 hops); an IAM user of another account -> cross-account AssumeRole (logged in both
 * accounts, sharing sharedEventID) -> AssumeRole -> AssumeRole (3 hops); AssumeRoleWithSAML -> AssumeRole (2 hops);
 * AssumeRoleWithWebIdentity (1 hop, a hostile subject); a role session whose AssumeRole is not in the archive. Each
 * last key makes IoT 1-Click calls, among background records. A separate function: generateSample is unchanged.
 */
import {ArchiveWriter} from './archive-writer.js';
import {RecordFactory} from './factory.js';
import type {IdentityProfile} from './identities.js';
import type {CallScope} from './iot-operations.js';
import {logFileKey} from './layout.js';
import type {LineageTruth, PlantedChain} from './lineage-truth.js';
import {Random} from './random.js';
import {MINUTE, isoSeconds, parseIso} from './time.js';
import type {BuiltRecord, CloudTrailRecord, UserIdentity} from './types.js';
import {buildWorld} from './world.js';

export type LineageOptions = {outDir: string; seed?: number; background?: number; start?: string};

/** A subject with control characters and a bidi override: must stay inert when printed. */
export const HOSTILE_SUBJECT = 'repo:acme/buttons:\u001b]0;owned\u0007\u001b[31mref:main\u202e';

type Session = {key: string; identity: UserIdentity; principal: string};

/** Writes the archive and returns its truth. Same options, same bytes. */
export async function generateLineage(options: LineageOptions): Promise<LineageTruth> {
	const seed = options.seed ?? 1;
	const world = buildWorld(seed);
	const rng = new Random(seed, 91);
	const [a, b] = world.accounts as [string, string];
	const region = world.regions[0]!;
	let t = parseIso(options.start ?? '2024-12-02T08:00:00Z');
	const byFile = new Map<string, BuiltRecord[]>();
	const add = (account: string, built: BuiltRecord) => byFile.set(account, [...(byFile.get(account) ?? []), built]);
	const identityEventIDs: string[] = [];
	const chains: PlantedChain[] = [];
	const asia = () => `ASIA${rng.upperAlnum(16)}`;
	const ip = () => `198.51.100.${rng.int(2, 250)}`;

	const record = (account: string, identity: UserIdentity, eventName: string, extra: Partial<CloudTrailRecord>) => {
		t += rng.int(20, 300) * 1000;
		const eventID = rng.uuid();
		const built: BuiltRecord = {
			record: {
				eventVersion: '1.08',
				userIdentity: identity,
				eventTime: isoSeconds(t),
				eventSource: 'sts.amazonaws.com',
				eventName,
				awsRegion: region,
				sourceIPAddress: ip(),
				userAgent: 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8',
				requestParameters: {},
				responseElements: null,
				requestID: rng.uuid(),
				eventID,
				readOnly: true,
				eventType: 'AwsApiCall',
				managementEvent: true,
				recipientAccountId: account,
				eventCategory: 'Management',
				...extra,
			} as CloudTrailRecord,
			meta: {eventID, iot: false, eventName, principal: '', principalType: identity.type, error: false, timeMs: t},
		};
		add(account, built);
		identityEventIDs.push(eventID);
		return built;
	};

	/** An AssumeRole-like call by `caller` into `roleAccount`'s role: the session it opens, and its event. */
	const assume = (
		caller: UserIdentity,
		roleAccount: string,
		roleName: string,
		sessionName: string,
		eventName = 'AssumeRole',
		extra: {sourceIdentity?: string; mfa?: boolean; requestParameters?: Record<string, unknown>} = {},
	): {session: Session; event: BuiltRecord} => {
		const key = asia();
		const roleArn = `arn:aws:iam::${roleAccount}:role/${roleName}`;
		const arn = `arn:aws:sts::${roleAccount}:assumed-role/${roleName}/${sessionName}`;
		const event = record(roleAccount, caller, eventName, {
			requestParameters: {roleArn, roleSessionName: sessionName, durationSeconds: 3600, ...extra.requestParameters},
			responseElements: {
				credentials: {
					accessKeyId: key,
					sessionToken: `IQoJb3JpZ2luX2Vj${rng.alnum(40)}`,
					expiration: 'Dec 2, 2024, 11:59:59 PM',
				},
				assumedRoleUser: {assumedRoleId: `AROA${rng.upperAlnum(17)}:${sessionName}`, arn},
				...(extra.sourceIdentity ? {sourceIdentity: extra.sourceIdentity} : {}),
			},
		});
		const identity: UserIdentity = {
			type: 'AssumedRole',
			principalId: `AROA${rng.upperAlnum(17)}:${sessionName}`,
			arn,
			accountId: roleAccount,
			accessKeyId: key,
			sessionContext: {
				sessionIssuer: {
					type: 'Role',
					principalId: `AROA${rng.upperAlnum(17)}`,
					arn: roleArn,
					accountId: roleAccount,
					userName: roleName,
				},
				attributes: {creationDate: event.record.eventTime, mfaAuthenticated: String(extra.mfa ?? false)},
				...(extra.sourceIdentity ? {sourceIdentity: extra.sourceIdentity} : {}),
			},
		};
		return {session: {key, identity, principal: arn}, event};
	};

	const factory = new RecordFactory(world, 1, false);
	const scope = (account: string): CallScope => ({rng, world, account, region});
	const callsWithKey = (session: Session, account: string, count: number): string[] => {
		const profile: IdentityProfile = {
			type: session.identity.type,
			principal: session.principal,
			account,
			template: session.identity,
			session: false,
			sourceIPs: [ip()],
			tools: [{kind: 'cli', version: '2.15.30'}],
			weight: 1,
		};
		return Array.from({length: count}, () => {
			t += rng.int(5, 90) * 1000;
			const built = factory.iot(scope(account), t, {profile});
			add(account, built);
			return built.meta.eventID;
		});
	};
	const iamUser = (account: string, userName: string): UserIdentity => ({
		type: 'IAMUser',
		principalId: `AIDA${rng.upperAlnum(17)}`,
		arn: `arn:aws:iam::${account}:user/${userName}`,
		accountId: account,
		accessKeyId: `AKIA${rng.upperAlnum(16)}`,
		userName,
	});
	const hop = (session: Session, event: BuiltRecord) => ({
		accessKeyId: session.key,
		issuedByEventID: event.meta.eventID,
		eventName: event.record.eventName,
	});

	// 1. alice's long-term key -> Deployer -> ButtonOps/mallory: 2 hops.
	{
		const alice = iamUser(a, 'alice.ng');
		// alice's Deployer session was opened with MFA: the call that issues the next key shows it.
		const one = assume(alice, a, 'Deployer', 'alice-deploy', 'AssumeRole', {sourceIdentity: 'alice.ng', mfa: true});
		const two = assume(one.session.identity, a, 'ButtonOps', 'mallory', 'AssumeRole', {
			sourceIdentity: 'alice.ng',
		});
		chains.push({
			name: 'two-hop',
			iotEventIDs: callsWithKey(two.session, a, 6),
			hops: [hop(two.session, two.event), hop(one.session, one.event)],
			origin: {principal: alice.arn!, principalType: 'IAMUser', kind: 'long-term-key', complete: true},
		});
	}
	// 2. bob in account b -> cross-account Auditor in a (two copies) -> FleetAdmin -> ButtonOps/night-shift: 3 hops.
	{
		const bob = iamUser(b, 'bob.ops');
		const cross = assume(bob, a, 'CrossAccountAuditor', 'bob-audit');
		const sharedEventID = rng.uuid();
		cross.event.record.sharedEventID = sharedEventID;
		// The caller's account logs its own copy, with the caller's full identity; here without the credentials, so
		// only sharedEventID links it to the key.
		const callerCopy = record(b, bob, 'AssumeRole', {
			requestParameters: cross.event.record.requestParameters,
			sharedEventID,
			recipientAccountId: b,
			eventTime: cross.event.record.eventTime,
			sourceIPAddress: cross.event.record.sourceIPAddress,
		});
		cross.event.record.userIdentity = {type: 'AWSAccount', principalId: bob.principalId!, accountId: b};
		const two = assume(cross.session.identity, a, 'FleetAdmin', 'bob-fleet');
		const three = assume(two.session.identity, a, 'ButtonOps', 'night-shift');
		chains.push({
			name: 'three-hop-cross-account',
			iotEventIDs: callsWithKey(three.session, a, 6),
			hops: [
				hop(three.session, three.event),
				hop(two.session, two.event),
				{accessKeyId: cross.session.key, issuedByEventID: callerCopy.meta.eventID, eventName: 'AssumeRole'},
			],
			origin: {principal: bob.arn!, principalType: 'IAMUser', kind: 'long-term-key', complete: true},
			crossAccount: {callerCopy: callerCopy.meta.eventID, roleCopy: cross.event.meta.eventID, sharedEventID},
		});
	}
	// 3. carol via SAML -> SamlOperators -> ButtonOps/carol-buttons: 2 hops.
	{
		const idp = `arn:aws:iam::${a}:saml-provider/CorpIdP`;
		const carol: UserIdentity = {
			type: 'SAMLUser',
			principalId: `${rng.alnum(28)}=:carol@corp.example`,
			userName: 'carol@corp.example',
			identityProvider: idp,
		};
		const one = assume(carol, a, 'SamlOperators', 'carol@corp.example', 'AssumeRoleWithSAML', {
			requestParameters: {principalArn: idp},
		});
		const two = assume(one.session.identity, a, 'ButtonOps', 'carol-buttons');
		chains.push({
			name: 'saml',
			iotEventIDs: callsWithKey(two.session, a, 5),
			hops: [hop(two.session, two.event), hop(one.session, one.event)],
			origin: {principal: `carol@corp.example (${idp})`, principalType: 'SAMLUser', kind: 'saml', complete: true},
		});
	}
	// 4. a CI job via web identity (a hostile subject) -> GitHubDeploy: 1 hop.
	{
		const provider = 'token.actions.githubusercontent.com';
		const ci: UserIdentity = {
			type: 'WebIdentityUser',
			principalId: `${provider}:sts.amazonaws.com:${HOSTILE_SUBJECT}`,
			userName: HOSTILE_SUBJECT,
			identityProvider: provider,
		};
		const one = assume(ci, a, 'GitHubDeploy', 'gha-run-4711', 'AssumeRoleWithWebIdentity');
		chains.push({
			name: 'web-identity',
			iotEventIDs: callsWithKey(one.session, a, 5),
			hops: [hop(one.session, one.event)],
			origin: {
				principal: `${HOSTILE_SUBJECT} (${provider})`,
				principalType: 'WebIdentityUser',
				kind: 'web-identity',
				complete: true,
			},
		});
	}
	// 5. a session whose AssumeRole is not in the archive.
	{
		const ghost = assume(iamUser(a, 'ghost'), a, 'ButtonOps', 'unknown-origin');
		const removed = byFile.get(a)!.pop()!;
		identityEventIDs.pop();
		const issued = removed.record.eventTime;
		chains.push({
			name: 'missing-issuance',
			iotEventIDs: callsWithKey(ghost.session, a, 5),
			hops: [{accessKeyId: ghost.session.key, issuedByEventID: null, eventName: null}],
			origin: {
				principal: ghost.session.principal,
				principalType: 'AssumedRole',
				kind: 'missing-issuance',
				complete: false,
				reason: `issuance of ${ghost.session.key} not in the loaded logs: load sts events of account ${a}, region ${region} around ${issued}`,
			},
		});
	}

	// Background: other identities' calls of both accounts, around the planted ones.
	const background = Math.max(0, Math.floor(options.background ?? 1000));
	const noise = new RecordFactory(world, 0.5, false);
	const startMs = parseIso(options.start ?? '2024-12-02T08:00:00Z');
	for (let i = 0; i < background; i++) {
		const account = i % 2 === 0 ? a : b;
		add(
			account,
			noise.next(scope(account), startMs + rng.int(0, Math.max(1, Math.floor((t - startMs) / 1000))) * 1000),
		);
	}

	const writer = new ArchiveWriter(options.outDir, 1);
	const logFiles: string[] = [];
	let iotEvents = 0;
	let records = 0;
	for (const [account, built] of byFile) {
		for (let start = 0; start < built.length; start += 250) {
			const part = built.slice(start, start + 250);
			rng.shuffle(part);
			const key = logFileKey({account, region, deliveryMs: t + MINUTE * (logFiles.length + 1), rng});
			await writer.writeGzip(key, JSON.stringify({Records: part.map(x => x.record)}));
			logFiles.push(key);
			records += part.length;
			iotEvents += part.filter(x => x.meta.iot).length;
		}
	}
	await writer.flush();
	return {seed, chains, identityEventIDs, iotEvents, records, logFiles: logFiles.sort()};
}
