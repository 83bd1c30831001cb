/**
 * A DigestSigner with the sample's TEST key: signs each digest as CloudTrail does (SHA256withRSA over the string
 * aws-cli's validate-logs rebuilds), so generated archives verify with `clicktrail verify`.
 */
import type {DigestSigner} from './digest.js';
import {SAMPLE_TEST_KEY_FINGERPRINT, signWithTestKey} from './test-key.js';

/**
 * The string CloudTrail signs for a digest: digestEndTime, digestS3Bucket/digestS3Object, the hex SHA-256 of the
 * decompressed digest, and previousDigestSignature ('null' for the first of a chain), joined with newlines.
 */
export function digestSigningString(input: {
	endTime: string;
	bucket: string;
	key: string;
	digestSha256: string;
	previousSignature: string | null;
}): string {
	return `${input.endTime}\n${input.bucket}/${input.key}\n${input.digestSha256}\n${input.previousSignature ?? 'null'}`;
}

/** Signs digests with the sample's test key (deterministic: PKCS#1 v1.5). */
export const testKeySigner: DigestSigner = {
	fingerprint: SAMPLE_TEST_KEY_FINGERPRINT,
	sign: input => signWithTestKey(digestSigningString(input)),
};
