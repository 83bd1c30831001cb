/** The S3 client, configured as the aws CLI's --profile, --region and --endpoint-url would. */

import './sdk-env.js';
import {S3Client} from '@aws-sdk/client-s3';
import {S3SourceError} from './errors.js';

/** Connection options, spelled as the aws CLI spells them. */
export type S3ClientOptions = {
	/** AWS region (--region); otherwise AWS_REGION or the profile's region. */
	region?: string;
	/** Named profile from ~/.aws/config and ~/.aws/credentials (--profile). */
	profile?: string;
	/** Another endpoint, e.g. an S3-compatible server (--endpoint-url); implies path-style addressing. */
	endpointUrl?: string;
	/** How long to wait on S3 (default: {@link timeoutsFromEnv}). */
	timeouts?: S3Timeouts;
};

/**
 * How long a request may wait on S3 before it fails (and is retried, see {@link maxAttempts}):
 * - connectMs: to open the connection;
 * - responseMs: from sending the request to the response's headers;
 * - idleMs: with no byte moving on an open connection (a body that stalls).
 */
export type S3Timeouts = {connectMs: number; responseMs: number; idleMs: number};

/**
 * Defaults for real S3: it opens connections in milliseconds and answers a GetObject or a page of ListObjectsV2
 * in well under a second, so 10 s to connect and 30 s of silence are far past a healthy answer, while a server
 * that accepts and never answers fails a request after 30 s (an object after its 6 attempts, about 3 minutes).
 */
export const defaultTimeouts: S3Timeouts = {connectMs: 10_000, responseMs: 30_000, idleMs: 30_000};

/** The environment variable that sets the response and idle timeouts, in seconds (e.g. 120, or 0.5). */
export const timeoutVariable = 'CLICKTRAIL_S3_TIMEOUT';

/**
 * The timeouts $CLICKTRAIL_S3_TIMEOUT asks for (seconds, for both the response and idle timeouts; the connect
 * timeout is the same but at most 10 s), else the defaults. Throws an {@link S3SourceError} naming the variable on a bad value.
 */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): S3Timeouts {
	const text = env[timeoutVariable];
	if (text === undefined || text.trim() === '') {
		return defaultTimeouts;
	}

	const seconds = Number(text);
	if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
		throw new S3SourceError(
			`${timeoutVariable} must be a number of seconds between 0 and 86400, not ${JSON.stringify(text)}`,
		);
	}

	const ms = Math.max(1, Math.round(seconds * 1000));
	return {connectMs: Math.min(defaultTimeouts.connectMs, ms), responseMs: ms, idleMs: ms};
}

/**
 * Attempts per request (the first try included). The SDK's standard retry strategy retries throttling
 * (503 SlowDown), 5xx and connection errors (ECONNRESET, EPIPE, ETIMEDOUT) with exponential backoff
 * and jitter; its default of 3 is short for thousands of requests against a throttled bucket.
 */
export const maxAttempts = 6;

/**
 * Build an S3 client. Credentials come from the SDK's default chain (environment, the profile's
 * credentials, SSO, process, web identity, container and instance metadata); `profile` selects the
 * profile as AWS_PROFILE would. Without `region`, the SDK reads AWS_REGION or the profile's region.
 */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
	const {region, profile, endpointUrl} = options;
	const timeouts = options.timeouts ?? timeoutsFromEnv();
	return new S3Client({
		...(profile === undefined ? {} : {profile}),
		...(region === undefined ? {} : {region}),
		...(endpointUrl === undefined
			? // A bucket in another region answers 301 PermanentRedirect: retry there once, as the CLI does.
				{followRegionRedirects: true}
			: {endpoint: endpointUrl, forcePathStyle: true}),
		retryMode: 'standard',
		maxAttempts,
		// Without these, the SDK adds checksum framing to uploads and validates checksums that
		// S3-compatible servers and older objects lack.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
		// Without timeouts, a server that accepts the connection and never answers hangs the load forever.
		// A timeout fails the request with a TimeoutError, which the retry strategy retries as a transient error;
		// the idle timeout also cuts a body that stops arriving (download.ts then retries the object).
		requestHandler: {
			connectionTimeout: timeouts.connectMs,
			requestTimeout: timeouts.responseMs,
			throwOnRequestTimeout: true,
			socketTimeout: timeouts.idleMs,
		},
	});
}
