/**
 * CloudTrail-Digest files: one an hour per account and region with log deliveries in that hour, chained by the
 * previous digest's hash, in CloudTrail's digest format. Signing is a seam: pass a DigestSigner (e.g. RSA with a
 * test key) and each digest's signature is returned and chained into the next; without one, digests are unsigned
 * (previousDigestSignature null, a placeholder fingerprint).
 */
import {createHash} from 'node:crypto';
import {digestFileKey} from './layout.js';
import {HOUR, isoSeconds} from './time.js';

/** What digests need to know about a log file. */
export type LogFileEntry = {
	key: string;
	account: string;
	region: string;
	organizationId?: string;
	deliveryMs: number;
	oldestMs: number;
	newestMs: number;
	/** sha256 hex of the decompressed file. */
	sha256: string;
};

/** Signs digests; the signature travels in S3 metadata (x-amz-meta-signature), not in the file. */
export type DigestSigner = {
	/** Hex MD5 fingerprint of the public key (digestPublicKeyFingerprint). */
	fingerprint: string;
	/** Hex signature of a digest (CloudTrail signs a string built from the digest's metadata and its hash). */
	sign(input: {
		key: string;
		bucket: string;
		endTime: string;
		digestSha256: string;
		previousSignature: string | null;
	}): string;
};

/** One digest file to write. */
export type DigestFile = {key: string; json: string; signature: string | null; account: string; region: string};

/** Fingerprint placeholder of unsigned digests. */
export const UNSIGNED_FINGERPRINT = createHash('md5').update('clicktrail-sample-unsigned').digest('hex');

/** Builds every digest for the given log files, in chain order per account and region. */
export function buildDigests(args: {
	logs: readonly LogFileEntry[];
	bucket: string;
	trailName: string;
	signer?: DigestSigner;
}): DigestFile[] {
	const chains = new Map<string, Map<number, LogFileEntry[]>>();
	for (const log of args.logs) {
		const chainKey = `${log.organizationId ?? ''}|${log.account}|${log.region}`;
		const hours = chains.get(chainKey) ?? new Map<number, LogFileEntry[]>();
		chains.set(chainKey, hours);
		const hour = Math.floor(log.deliveryMs / HOUR) * HOUR;
		hours.set(hour, [...(hours.get(hour) ?? []), log]);
	}
	const out: DigestFile[] = [];
	for (const chainKey of [...chains.keys()].sort()) {
		const hours = chains.get(chainKey) as Map<number, LogFileEntry[]>;
		let previous: {key: string; sha256: string; signature: string | null} | undefined;
		for (const hour of [...hours.keys()].sort((a, b) => a - b)) {
			const logs = (hours.get(hour) as LogFileEntry[]).sort(
				(a, b) => a.deliveryMs - b.deliveryMs || (a.key < b.key ? -1 : 1),
			);
			const first = logs[0] as LogFileEntry;
			const endMs = hour + HOUR;
			const key = digestFileKey({
				account: first.account,
				region: first.region,
				endMs,
				trailName: args.trailName,
				organizationId: first.organizationId,
			});
			const digest = {
				awsAccountId: first.account,
				digestStartTime: isoSeconds(hour),
				digestEndTime: isoSeconds(endMs),
				digestS3Bucket: args.bucket,
				digestS3Object: key,
				digestPublicKeyFingerprint: args.signer?.fingerprint ?? UNSIGNED_FINGERPRINT,
				digestSignatureAlgorithm: 'SHA256withRSA',
				newestEventTime: isoSeconds(Math.max(...logs.map(l => l.newestMs))),
				oldestEventTime: isoSeconds(Math.min(...logs.map(l => l.oldestMs))),
				previousDigestS3Bucket: previous ? args.bucket : null,
				previousDigestS3Object: previous ? previous.key : null,
				previousDigestHashValue: previous ? previous.sha256 : null,
				previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
				previousDigestSignature: previous ? previous.signature : null,
				logFiles: logs.map(l => ({
					s3Bucket: args.bucket,
					s3Object: l.key,
					hashValue: l.sha256,
					hashAlgorithm: 'SHA-256',
					newestEventTime: isoSeconds(l.newestMs),
					oldestEventTime: isoSeconds(l.oldestMs),
				})),
			};
			const json = JSON.stringify(digest);
			const sha256 = createHash('sha256').update(json).digest('hex');
			const signature = args.signer
				? args.signer.sign({
						key,
						bucket: args.bucket,
						endTime: digest.digestEndTime,
						digestSha256: sha256,
						previousSignature: previous?.signature ?? null,
					})
				: null;
			out.push({key, json, signature, account: first.account, region: first.region});
			previous = {key, sha256, signature};
		}
	}
	return out;
}
