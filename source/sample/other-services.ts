/**
 * Other services' management events mixed into the trail (IoT Core, S3, STS, EC2, Lambda), including some that
 * mention iot1click outside eventSource, so that a naive string filter would count them wrongly.
 */
import {awsService, type IdentityProfile} from './identities.js';
import type {CallScope, OperationCall} from './iot-operations.js';

/** One other-service operation. */
export type OtherOperation = {
	eventSource: string;
	name: string;
	readOnly: boolean;
	weight: number;
	/** The CLI command, for aws-cli userAgents. */
	cli: string;
	/** The endpoint host. */
	host(region: string): string;
	/** When set, the identity that makes this call (instead of one from the account's pool). */
	identity?(scope: CallScope): IdentityProfile;
	build(scope: CallScope, timeMs: number): OperationCall;
};

const regional = (service: string) => (region: string) => `${service}.${region}.amazonaws.com`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** STS's expiration format: "Dec 3, 2024, 11:59:59 PM" (UTC). */
function stsTime(ms: number): string {
	const d = new Date(ms);
	const h = d.getUTCHours();
	const two = (n: number) => String(n).padStart(2, '0');
	return `${MONTHS[d.getUTCMonth()] as string} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function credentials(
	scope: CallScope,
	roleArn: string,
	sessionName: string,
	expiresMs: number,
): Record<string, unknown> {
	const {rng} = scope;
	const roleId = `AROA${rng.upperAlnum(17)}`;
	const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
	return {
		credentials: {
			accessKeyId: `ASIA${rng.upperAlnum(16)}`,
			sessionToken: `IQoJb3JpZ2luX2VjE${rng.alnum(40)}`,
			expiration: stsTime(expiresMs),
		},
		assumedRoleUser: {
			assumedRoleId: `${roleId}:${sessionName}`,
			arn: `arn:aws:sts::${scope.account}:assumed-role/${roleName}/${sessionName}`,
		},
	};
}

/** All other-service operations. */
export const OTHER_OPERATIONS: readonly OtherOperation[] = [
	{
		eventSource: 'iot.amazonaws.com',
		name: 'DescribeEndpoint',
		readOnly: true,
		weight: 6,
		cli: 'iot.describe-endpoint',
		host: regional('iot'),
		build: () => ({requestParameters: {endpointType: 'iot:Data-ATS'}, responseElements: null}),
	},
	{
		eventSource: 'iot.amazonaws.com',
		name: 'ListThings',
		readOnly: true,
		weight: 6,
		cli: 'iot.list-things',
		host: regional('iot'),
		build: ({rng}) => ({requestParameters: {maxResults: rng.pick([50, 100, 250])}, responseElements: null}),
	},
	{
		eventSource: 'iot.amazonaws.com',
		name: 'GetTopicRule',
		readOnly: true,
		weight: 3,
		cli: 'iot.get-topic-rule',
		host: regional('iot'),
		build: ({rng}) => ({
			requestParameters: {ruleName: rng.pick(['button_clicks_to_sns', 'fleet_telemetry'])},
			responseElements: null,
		}),
	},
	{
		eventSource: 's3.amazonaws.com',
		name: 'ListBuckets',
		readOnly: true,
		weight: 5,
		cli: 's3api.list-buckets',
		host: () => 's3.amazonaws.com',
		build: () => ({requestParameters: {Host: 's3.amazonaws.com'}, responseElements: null}),
	},
	{
		eventSource: 's3.amazonaws.com',
		name: 'GetBucketLocation',
		readOnly: true,
		weight: 4,
		cli: 's3api.get-bucket-location',
		host: region => `s3.${region}.amazonaws.com`,
		build: ({world, region}) => ({
			requestParameters: {bucketName: world.bucket, Host: `${world.bucket}.s3.${region}.amazonaws.com`, location: ''},
			responseElements: null,
		}),
	},
	{
		eventSource: 's3.amazonaws.com',
		name: 'GetBucketPolicy',
		readOnly: true,
		weight: 2,
		cli: 's3api.get-bucket-policy',
		host: region => `s3.${region}.amazonaws.com`,
		build: ({world, region}) => ({
			requestParameters: {bucketName: world.bucket, Host: `${world.bucket}.s3.${region}.amazonaws.com`, policy: ''},
			responseElements: null,
		}),
	},
	{
		eventSource: 'sts.amazonaws.com',
		name: 'AssumeRole',
		readOnly: true,
		weight: 6,
		cli: 'sts.assume-role',
		host: regional('sts'),
		build: (scope, timeMs) => {
			const roleArn = `arn:aws:iam::${scope.account}:role/IoTFleetOperator`;
			const sessionName = `botocore-session-${1730000000 + scope.rng.int(0, 3_000_000)}`;
			return {
				requestParameters: {roleArn, roleSessionName: sessionName, durationSeconds: 3600},
				responseElements: credentials(scope, roleArn, sessionName, Math.floor(timeMs / 1000) * 1000 + 3_600_000),
			};
		},
	},
	{
		// The IoT 1-Click service assuming the role a project uses to invoke Lambda: eventSource is sts, but
		// userIdentity.invokedBy, sourceIPAddress, userAgent and requestParameters all say iot1click.
		eventSource: 'sts.amazonaws.com',
		name: 'AssumeRole',
		readOnly: true,
		weight: 3,
		cli: 'sts.assume-role',
		host: regional('sts'),
		identity: ({account}) => awsService(account, 'iot1click.amazonaws.com'),
		build: (scope, timeMs) => {
			const roleArn = `arn:aws:iam::${scope.account}:role/service-role/iot1click-project-invoke-role`;
			const sessionName = `iot1click-${scope.rng.hex(12)}`;
			return {
				requestParameters: {
					roleArn,
					roleSessionName: sessionName,
					externalId: `iot1click.amazonaws.com:${scope.account}`,
				},
				responseElements: credentials(scope, roleArn, sessionName, Math.floor(timeMs / 1000) * 1000 + 3_600_000),
			};
		},
	},
	{
		eventSource: 'ec2.amazonaws.com',
		name: 'DescribeInstances',
		readOnly: true,
		weight: 6,
		cli: 'ec2.describe-instances',
		host: regional('ec2'),
		build: ({rng}) => ({
			requestParameters: {
				instancesSet: {},
				filterSet: rng.chance(0.5) ? {items: [{name: 'tag:team', valueSet: {items: [{value: 'iot'}]}}]} : {},
			},
			responseElements: null,
		}),
	},
	{
		eventSource: 'ec2.amazonaws.com',
		name: 'DescribeSecurityGroups',
		readOnly: true,
		weight: 3,
		cli: 'ec2.describe-security-groups',
		host: regional('ec2'),
		build: () => ({
			requestParameters: {securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {}},
			responseElements: null,
		}),
	},
	{
		eventSource: 'lambda.amazonaws.com',
		name: 'ListFunctions20150331',
		readOnly: true,
		weight: 4,
		cli: 'lambda.list-functions',
		host: regional('lambda'),
		build: () => ({requestParameters: null, responseElements: null}),
	},
	{
		// A Lambda call whose function name mentions iot1click.
		eventSource: 'lambda.amazonaws.com',
		name: 'GetFunction20150331v2',
		readOnly: true,
		weight: 3,
		cli: 'lambda.get-function',
		host: regional('lambda'),
		build: ({rng}) => ({
			requestParameters: {functionName: rng.pick(['button-handler', 'iot1click-button-handler'])},
			responseElements: null,
		}),
	},
	{
		eventSource: 'lambda.amazonaws.com',
		name: 'UpdateFunctionConfiguration20150331v2',
		readOnly: false,
		weight: 1,
		cli: 'lambda.update-function-configuration',
		host: regional('lambda'),
		build: ({rng}) => ({
			requestParameters: {
				functionName: 'iot1click-button-handler',
				environment: {variables: {EVENT_SOURCE: 'iot1click.amazonaws.com', TOPIC: 'buttons'}},
				timeout: rng.pick([10, 30]),
			},
			responseElements: {functionName: 'iot1click-button-handler', runtime: 'nodejs20.x', state: 'Active'},
		}),
	},
];
