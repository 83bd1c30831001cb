/** CloudTrail's digest signature, as aws-cli's validate-logs checks it (awscli/customizations/cloudtrail/validation.py). */
import {createHash, verify, type KeyObject} from 'node:crypto';
import type {DigestDocument} from './digest-format.js';

/**
 * The string CloudTrail signs: digestEndTime, then digestS3Bucket/digestS3Object, then the hex SHA-256 of the
 * decompressed digest file, then previousDigestSignature ('null' for the first digest of a chain), joined with
 * newlines. Bucket and key are the digest's own fields (aws-cli also requires them to match where it found the file).
 */
export function stringToSign(digest: DigestDocument, decompressed: Buffer): string {
	const hash = createHash('sha256').update(decompressed).digest('hex');
	return `${digest.digestEndTime}\n${digest.digestS3Bucket}/${digest.digestS3Object}\n${hash}\n${digest.previousDigestSignature ?? 'null'}`;
}

/** True when `signatureHex` is a SHA256withRSA (PKCS#1 v1.5) signature of `text` by `key`. */
export function verifySignature(key: KeyObject, text: string, signatureHex: string): boolean {
	if (!/^(?:[\da-f]{2})+$/i.test(signatureHex)) return false;
	try {
		return verify('sha256', Buffer.from(text, 'utf8'), key, Buffer.from(signatureHex, 'hex'));
	} catch {
		return false;
	}
}
