/**
 * Planted behaviours for the detection rules (opt-in: SampleOptions.huntScenarios), each with its truth: who did
 * it and the eventIDs of the calls a rule should report. All in the first account, us-east-1: a little history on
 * 2024-11-02 for the identities involved (so that "new for the caller" has a baseline), then the behaviours on
 * 2024-12-10. The planted incident of every sample (a dozen devices disabled by a new session from a new address)
 * is the plant for mass disable and the first-seen rules.
 */
import type {IdentityProfile} from './identities.js';
import {iotHost, iotOperation, IOT_SOURCE, type CallScope} from './iot-operations.js';
import {buildRecord, type RecordInput} from './record.js';
import {parseIso} from './time.js';
import type {BuiltRecord, CloudTrailRecord} from './types.js';
import {kebab} from './user-agents.js';

/** The behaviours planted, by name. */
export type HuntPlant =
	| 'massDisassociate'
	| 'unclaim'
	| 'enumeration'
	| 'accessDenied'
	| 'crossAccountCallback'
	| 'invokeUnusualClient'
	| 'rootUse'
	| 'consoleLoginWithoutMfa'
	| 'assumeRoleNewAddress'
	| 'assumeRoleNewClient';

/** What was planted: per behaviour, the principal and the eventIDs of its calls. */
export type HuntTruth = Record<HuntPlant, {principal: string; eventIDs: string[]}>;

const SECOND = 1000;

/** When the history and the behaviours happen. */
export const HUNT_HISTORY_START = parseIso('2024-11-02T12:00:00Z');
export const HUNT_SCENARIO_START = parseIso('2024-12-10T14:00:00Z');

/** The account a Lambda callback of the cross-account plant points to. */
export const FOREIGN_ACCOUNT = '444455556666';
/** The new address and clients of the plants. */
export const NEW_ADDRESS = '203.0.113.99';
export const UNUSUAL_CLIENT = 'python-requests/2.31.0';
export const NEW_STS_CLIENT = 'aws-sdk-go/1.44.0 (go1.20; linux; amd64)';

/** Builds the history records and the behaviours' records, with their truth. */
export function huntScenarioRecords(scope: CallScope): {
	history: BuiltRecord[];
	scenario: BuiltRecord[];
	truth: HuntTruth;
} {
	const profiles = scope.world.identitiesByAccount.get(scope.account) ?? [];
	const ofType = (type: string) => profiles.filter(p => p.type === type);
	const [operator, caller] = ofType('IAMUser') as [IdentityProfile, IdentityProfile];
	const [fleet] = ofType('AssumedRole') as [IdentityProfile];
	const ci = profiles.find(p => p.principal.includes('github-actions-deploy'))!;
	const web = ofType('WebIdentityUser')[0]!;
	const root = ofType('Root')[0]!;
	let t = HUNT_SCENARIO_START;
	const at = (step = 20) => (t += step * SECOND);
	const iot = (profile: IdentityProfile, name: string, timeMs: number, extra: Partial<RecordInput> = {}) => {
		const op = iotOperation(name);
		return buildRecord({
			scope,
			timeMs,
			profile,
			eventSource: IOT_SOURCE,
			eventName: op.name,
			readOnly: op.readOnly,
			host: iotHost(op, scope.region),
			cli: `iot1click-${op.api}.${kebab(op.name)}`,
			call: op.build(scope),
			iot: true,
			error: false,
			...extra,
		});
	};
	const usual = (profile: IdentityProfile) => profile.sourceIPs[0]!;

	const history: BuiltRecord[] = [];
	[operator, caller, fleet, ci, web].forEach((profile, i) => {
		for (let k = 0; k < 3; k++)
			history.push(
				iot(profile, 'DescribeDevice', HUNT_HISTORY_START + (i * 3 + k) * 60 * SECOND, {
					sourceIPAddress: usual(profile),
				}),
			);
		history.push(
			assumeRole(scope, caller, HUNT_HISTORY_START + (20 + i) * 60 * SECOND, {sourceIPAddress: usual(caller)}),
		);
	});

	const plant = (profile: IdentityProfile, records: BuiltRecord[]) => ({
		principal: profile.principal,
		eventIDs: records.map(r => r.meta.eventID),
		records,
	});
	const plants = {
		massDisassociate: plant(
			operator,
			Array.from({length: 6}, () =>
				iot(operator, 'DisassociateDeviceFromPlacement', at(60), {sourceIPAddress: usual(operator)}),
			),
		),
		unclaim: plant(operator, [unclaim(scope, operator, at())]),
		enumeration: plant(ci, enumeration(scope, ci, at(), iot)),
		accessDenied: plant(
			web,
			Array.from({length: 6}, () => denied(iot(web, 'ListProjects', at(30)))),
		),
		crossAccountCallback: plant(operator, [
			crossAccount(iot(operator, 'UpdateProject', at(), {sourceIPAddress: usual(operator)})),
		]),
		invokeUnusualClient: plant(fleet, [
			iot(fleet, 'InvokeDeviceMethod', at(), {userAgent: UNUSUAL_CLIENT, sourceIPAddress: usual(fleet)}),
		]),
		rootUse: plant(root, [consoleLogin(scope, root, at(), 'Yes')]),
		consoleLoginWithoutMfa: plant(operator, [consoleLogin(scope, operator, at(), 'No')]),
		assumeRoleNewAddress: plant(caller, [assumeRole(scope, caller, at(), {sourceIPAddress: NEW_ADDRESS})]),
		assumeRoleNewClient: plant(caller, [
			assumeRole(scope, caller, at(), {sourceIPAddress: usual(caller), userAgent: NEW_STS_CLIENT}),
		]),
	};
	const truth = Object.fromEntries(
		Object.entries(plants).map(([name, p]) => [name, {principal: p.principal, eventIDs: p.eventIDs}]),
	) as HuntTruth;
	return {history, scenario: Object.values(plants).flatMap(p => p.records), truth};
}

type Iot = (profile: IdentityProfile, name: string, timeMs: number, extra?: Partial<RecordInput>) => BuiltRecord;

/** 40 reads of every kind within 50 seconds. */
function enumeration(scope: CallScope, profile: IdentityProfile, start: number, iot: Iot): BuiltRecord[] {
	const reads = [
		'ListProjects',
		'DescribeProject',
		'ListPlacements',
		'DescribePlacement',
		'GetDevicesInPlacement',
		'ListDevices',
		'DescribeDevice',
		'GetDeviceMethods',
	];
	return Array.from({length: 40}, (_, i) =>
		iot(profile, reads[i % reads.length]!, start + Math.floor(i * 1.25 * SECOND), {
			sourceIPAddress: profile.sourceIPs[0]!,
		}),
	);
}

function denied(built: BuiltRecord): BuiltRecord {
	built.record.errorCode = 'AccessDenied';
	built.record.errorMessage = `User: ${built.meta.principal} is not authorized to perform: iot1click:${built.meta.eventName}`;
	built.record.responseElements = null;
	built.meta.error = true;
	return built;
}

function crossAccount(built: BuiltRecord): BuiltRecord {
	const template = (built.record.requestParameters?.['placementTemplate'] ?? {}) as {
		deviceTemplates?: Record<string, {callbackOverrides?: Record<string, string>}>;
	};
	const button = template.deviceTemplates?.['button'];
	if (button)
		button.callbackOverrides = {
			onClickSingle: `arn:aws:lambda:${built.record.awsRegion}:${FOREIGN_ACCOUNT}:function:button-handler`,
		};
	return built;
}

function unclaim(scope: CallScope, profile: IdentityProfile, timeMs: number): BuiltRecord {
	const device = scope.world.devicesByScope.get(`${scope.account}/${scope.region}`)![0]!;
	return buildRecord({
		scope,
		timeMs,
		profile,
		eventSource: IOT_SOURCE,
		eventName: 'UnclaimDevice',
		readOnly: false,
		host: `devices.iot1click.${scope.region}.amazonaws.com`,
		cli: 'iot1click-devices.unclaim-device',
		call: {
			requestParameters: {deviceId: device.deviceId},
			responseElements: {state: 'UNCLAIMED'},
			deviceId: device.deviceId,
		},
		iot: true,
		error: false,
		sourceIPAddress: profile.sourceIPs[0]!,
	});
}

function consoleLogin(scope: CallScope, profile: IdentityProfile, timeMs: number, mfa: 'Yes' | 'No'): BuiltRecord {
	const built = buildRecord({
		scope,
		timeMs,
		profile,
		eventSource: 'signin.amazonaws.com',
		eventName: 'ConsoleLogin',
		readOnly: false,
		host: 'signin.aws.amazon.com',
		cli: '',
		call: {requestParameters: null, responseElements: {ConsoleLogin: 'Success'}},
		iot: false,
		error: false,
		userAgent:
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
		sourceIPAddress: profile.sourceIPs[0]!,
	});
	const record = built.record as CloudTrailRecord & {additionalEventData?: Record<string, string>};
	record.eventType = 'AwsConsoleSignIn';
	record.additionalEventData = {
		LoginTo: 'https://console.aws.amazon.com/console/home',
		MobileVersion: 'No',
		MFAUsed: mfa,
	};
	return built;
}

function assumeRole(
	scope: CallScope,
	profile: IdentityProfile,
	timeMs: number,
	extra: Partial<RecordInput>,
): BuiltRecord {
	const roleArn = `arn:aws:iam::${scope.account}:role/IoTFleetOperator`;
	return buildRecord({
		scope,
		timeMs,
		profile,
		eventSource: 'sts.amazonaws.com',
		eventName: 'AssumeRole',
		readOnly: true,
		host: `sts.${scope.region}.amazonaws.com`,
		cli: 'sts.assume-role',
		call: {requestParameters: {roleArn, roleSessionName: 'maintenance', durationSeconds: 3600}, responseElements: null},
		iot: false,
		error: false,
		...extra,
	});
}
