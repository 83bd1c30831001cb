/** The S3 client, configured as the aws CLI's --profile, --region and --endpoint-url would. */

import './sdk-env.js';
import {S3Client} from '@aws-sdk/client-s3';

/** Connection options, spelled as the aws CLI spells them. */
export type S3ClientOptions = {
	/** AWS region (--region); otherwise AWS_REGION or the profile's region. */
	region?: string;
	/** Named profile from ~/.aws/config and ~/.aws/credentials (--profile). */
	profile?: string;
	/** Another endpoint, e.g. an S3-compatible server (--endpoint-url); implies path-style addressing. */
	endpointUrl?: string;
};

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
	return new S3Client({
		...(profile === undefined ? {} : {profile}),
		...(region === undefined ? {} : {region}),
		...(endpointUrl === undefined
			// A bucket in another region answers 301 PermanentRedirect: retry there once, as the CLI does.
			? {followRegionRedirects: true}
			: {endpoint: endpointUrl, forcePathStyle: true}),
		retryMode: 'standard',
		maxAttempts,
		// Without these, the SDK adds checksum framing to uploads and validates checksums that
		// S3-compatible servers and older objects lack.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
	});
}
