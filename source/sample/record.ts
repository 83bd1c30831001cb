/** Assembles one CloudTrail record, with CloudTrail's field order, and its truth. */
import {identityFor, type IdentityProfile} from './identities.js';
import type {CallScope, OperationCall} from './iot-operations.js';
import {isoSeconds} from './time.js';
import type {BuiltRecord, CloudTrailRecord} from './types.js';
import {userAgentFor} from './user-agents.js';

/** What a record is made of. */
export type RecordInput = {
	scope: CallScope;
	timeMs: number;
	profile: IdentityProfile;
	eventSource: string;
	eventName: string;
	readOnly: boolean;
	/** Endpoint host, for tlsDetails.clientProvidedHostHeader. */
	host: string;
	/** CLI command, for aws-cli userAgents. */
	cli: string;
	call: OperationCall;
	iot: boolean;
	/** Overrides the userAgent the identity's client would send. */
	userAgent?: string;
	/** Overrides the source address. */
	sourceIPAddress?: string;
	/** 'auto' (default): about 3% fail; true or false forces it. */
	error?: boolean | 'auto';
};

/** Share of calls that fail. */
export const ERROR_RATE = 0.03;

const ERRORS: readonly {code: string; message: (op: string, arn: string) => string; weight: number}[] = [
	{
		code: 'AccessDenied',
		message: (op, arn) =>
			`User: ${arn} is not authorized to perform: ${op} because no identity-based policy allows the ${op} action`,
		weight: 5,
	},
	{code: 'ResourceNotFoundException', message: () => 'The requested resource does not exist.', weight: 3},
	{
		code: 'InvalidRequestException',
		message: () => "1 validation error detected: Value at 'maxResults' failed to satisfy constraint",
		weight: 2,
	},
	{code: 'ResourceConflictException', message: () => 'The resource is in use by another request.', weight: 1},
	{code: 'TooManyRequestsException', message: () => 'Rate exceeded', weight: 1},
	{code: 'InternalFailureException', message: () => 'An internal error occurred.', weight: 0.5},
];

const TLS13_CIPHERS = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'];
const TLS12_CIPHERS = ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'];

/** Builds a record and its truth. */
export function buildRecord(input: RecordInput): BuiltRecord {
	const {scope, profile, timeMs} = input;
	const {rng} = scope;
	const service = profile.type === 'AWSService';
	const userIdentity = identityFor(profile, timeMs, rng);
	const tool = service ? undefined : rng.pick(profile.tools);
	const userAgent =
		input.userAgent ?? (tool ? userAgentFor(tool, input.cli) : (profile.template.invokedBy ?? 'AWS Internal'));
	const sourceIPAddress = input.sourceIPAddress ?? rng.pick(profile.sourceIPs);
	const fails = input.error === 'auto' || input.error === undefined ? !service && rng.chance(ERROR_RATE) : input.error;
	const eventVersion = rng.chance(0.7) ? '1.09' : '1.08';
	const eventTime = isoSeconds(timeMs);
	const requestID = input.eventSource === 's3.amazonaws.com' ? rng.upperAlnum(16) : rng.uuid();
	const eventID = rng.uuid();

	const record: CloudTrailRecord = {
		eventVersion,
		userIdentity,
		eventTime,
		eventSource: input.eventSource,
		eventName: input.eventName,
		awsRegion: scope.region,
		sourceIPAddress,
		userAgent,
	} as CloudTrailRecord;
	if (fails) {
		const error = rng.weighted(ERRORS, e => e.weight);
		const action = `${input.eventSource.slice(0, input.eventSource.indexOf('.'))}:${input.eventName}`;
		record.errorCode = error.code;
		record.errorMessage = error.message(action, profile.template.arn ?? profile.principal);
	}
	record.requestParameters = input.call.requestParameters;
	record.responseElements = fails ? null : input.call.responseElements;
	record.requestID = requestID;
	record.eventID = eventID;
	record.readOnly = input.readOnly;
	record.eventType = 'AwsApiCall';
	record.managementEvent = true;
	record.recipientAccountId = scope.account;
	record.eventCategory = 'Management';
	if (!service) {
		const tls13 = rng.chance(0.8);
		record.tlsDetails = {
			tlsVersion: tls13 ? 'TLSv1.3' : 'TLSv1.2',
			cipherSuite: tls13 ? rng.pick(TLS13_CIPHERS) : rng.pick(TLS12_CIPHERS),
			clientProvidedHostHeader: input.host,
		};
	}
	if (tool?.kind === 'console' && profile.session) record.sessionCredentialFromConsole = 'true';

	return {
		record,
		meta: {
			eventID,
			iot: input.iot,
			eventName: input.eventName,
			principal: profile.principal,
			principalType: profile.type,
			...(input.call.deviceId === undefined ? {} : {deviceId: input.call.deviceId}),
			error: fails,
			timeMs,
		},
	};
}
