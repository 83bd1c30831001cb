/** One-line messages for S3 failures, naming the bucket, the prefix or key, and the permission. */

/** A fatal S3 source failure (bad URI, listing refused, no credentials); `message` is one line for the user. */
export class S3SourceError extends Error {
	override name = 'S3SourceError';

	constructor(message: string, options?: {cause?: unknown}) {
		super(message, options);
	}
}

/** What was being done when an error happened. */
export type S3Operation =
	{action: 'list'; bucket: string; prefix: string} | {action: 'get'; bucket: string; key: string};

type ErrorLike = {
	name?: string;
	code?: string;
	message?: string;
	Code?: string;
	Region?: string;
	Endpoint?: string;
	$metadata?: {httpStatusCode?: number; attempts?: number};
	$response?: {headers?: Record<string, string | undefined>};
};

const credentialsRejected = new Set([
	'InvalidAccessKeyId',
	'SignatureDoesNotMatch',
	'ExpiredToken',
	'TokenRefreshRequired',
	'InvalidToken',
	'ExpiredTokenException',
	'UnrecognizedClientException',
]);
const unreachable = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ETIMEDOUT',
	'ECONNRESET',
]);

const asErrorLike = (error: unknown): ErrorLike =>
	typeof error === 'object' && error !== null ? (error as ErrorLike) : {message: String(error)};

/** The region S3 says the bucket is in, from a redirect's header or error body. */
function bucketRegion(error: ErrorLike): string | undefined {
	const header = error.$response?.headers?.['x-amz-bucket-region'];
	if (header) {
		return header;
	}

	if (error.Region) {
		return error.Region;
	}

	// Endpoint: bucket.s3.eu-west-1.amazonaws.com or bucket.s3-eu-west-1.amazonaws.com
	const match = /s3[.-]([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws/.exec(error.Endpoint ?? '');
	return match?.[1];
}

/** The S3 URI an operation concerns. */
export function operationUri(operation: S3Operation): string {
	return `s3://${operation.bucket}/${operation.action === 'list' ? operation.prefix : operation.key}`;
}

/** The error's code: S3's error code, else Node's system error code. */
export function errorCode(error: unknown): string {
	const like = asErrorLike(error);
	return (
		like.Code ?? (like.name !== undefined && like.name !== 'Error' ? like.name : undefined) ?? like.code ?? 'Error'
	);
}

/** A one-line message for a failed S3 operation. */
export function describeS3Error(error: unknown, operation: S3Operation): string {
	const like = asErrorLike(error);
	const code = errorCode(error);
	const status = like.$metadata?.httpStatusCode;
	const uri = operationUri(operation);
	const message = (like.message ?? '').split('\n')[0] ?? '';

	if (code === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
		return (
			'no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ' +
			`run aws sso login, or pass --profile${/profile/i.test(message) ? ` (${message})` : ''}`
		);
	}

	if (/region is missing/i.test(message)) {
		return 'no AWS region: pass --region or set AWS_REGION';
	}

	if (code === 'NoSuchBucket') {
		return `no such bucket: s3://${operation.bucket} (NoSuchBucket)`;
	}

	if (code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed' || status === 301) {
		const region = bucketRegion(like);
		return region === undefined
			? `bucket ${operation.bucket} is in another region (${code}): pass its region with --region`
			: `bucket ${operation.bucket} is in region ${region} (${code}): pass --region ${region}`;
	}

	if (credentialsRejected.has(code)) {
		return `AWS credentials rejected by S3 (${code}) for ${uri}: refresh them or pass another --profile`;
	}

	if (code === 'AccessDenied' || status === 403) {
		return operation.action === 'list'
			? `access denied listing ${uri}: needs s3:ListBucket`
			: `access denied reading ${uri}: needs s3:GetObject (and kms:Decrypt if the trail uses SSE-KMS)`;
	}

	if (code === 'NoSuchKey') {
		return `object gone: ${uri} (NoSuchKey)`;
	}

	if (like.name === 'TimeoutError') {
		// The HTTP handler's words, without its package name: which timeout ran out, and after how long.
		const why = message.replace(/^@smithy\/node-http-handler - (\[ERROR\] )?/, '').replace(/\.$/, '');
		const attempts = like.$metadata?.attempts;
		return (
			`no answer from S3 ${operation.action === 'list' ? 'listing' : 'reading'} ${uri}: ${why}` +
			(attempts === undefined ? '' : ` (${attempts} attempt${attempts === 1 ? '' : 's'})`)
		);
	}

	if (unreachable.has(code) || unreachable.has(like.code ?? '')) {
		return `cannot reach S3 for ${uri}: ${like.code ?? code}${message === '' ? '' : ` (${message})`}`;
	}

	const verb = operation.action === 'list' ? 'listing' : 'reading';
	return `error ${verb} ${uri}: ${code}${status === undefined ? '' : ` (HTTP ${status})`}${message === '' || message === code ? '' : `: ${message}`}`;
}
