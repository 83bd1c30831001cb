/** A CloudTrail-Digest file's JSON, read and checked for the fields validation needs. Pure. */

/** One log file a digest lists. */
export type DigestLogFile = {s3Bucket: string; s3Object: string; hashValue: string; hashAlgorithm: string};

/** The fields of a digest that verification reads. */
export type DigestDocument = {
	digestStartTime: string;
	digestEndTime: string;
	digestS3Bucket: string;
	digestS3Object: string;
	digestPublicKeyFingerprint: string;
	digestSignatureAlgorithm: string | null;
	previousDigestS3Bucket: string | null;
	previousDigestS3Object: string | null;
	previousDigestHashValue: string | null;
	previousDigestHashAlgorithm: string | null;
	previousDigestSignature: string | null;
	logFiles: DigestLogFile[];
};

/** The keys aws-cli's validate-logs requires before it validates a digest. */
const REQUIRED = [
	'digestPublicKeyFingerprint',
	'digestS3Bucket',
	'digestS3Object',
	'previousDigestSignature',
	'digestEndTime',
	'digestStartTime',
] as const;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Parses a digest's decompressed bytes; a string says why it is not a digest. */
export function parseDigest(bytes: Buffer): DigestDocument | string {
	let data: unknown;
	try {
		data = JSON.parse(bytes.toString('utf8'));
	} catch {
		return 'not JSON';
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
	const record = data as Record<string, unknown>;
	const absent = REQUIRED.filter(key => !(key in record));
	if (absent.length > 0) return `no ${absent.join(', ')}`;
	for (const key of [
		'digestStartTime',
		'digestEndTime',
		'digestS3Bucket',
		'digestS3Object',
		'digestPublicKeyFingerprint',
	] as const) {
		if (typeof record[key] !== 'string') return `${key} is not a string`;
	}
	const logFiles: DigestLogFile[] = [];
	if (!Array.isArray(record['logFiles'])) return 'logFiles is not a list';
	for (const item of record['logFiles'] as unknown[]) {
		const log = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
		const s3Object = text(log['s3Object']);
		const hashValue = text(log['hashValue']);
		if (s3Object === null || hashValue === null) return 'a logFiles entry has no s3Object or hashValue';
		logFiles.push({
			s3Bucket: text(log['s3Bucket']) ?? '',
			s3Object,
			hashValue,
			hashAlgorithm: text(log['hashAlgorithm']) ?? 'SHA-256',
		});
	}
	return {
		digestStartTime: record['digestStartTime'] as string,
		digestEndTime: record['digestEndTime'] as string,
		digestS3Bucket: record['digestS3Bucket'] as string,
		digestS3Object: record['digestS3Object'] as string,
		digestPublicKeyFingerprint: record['digestPublicKeyFingerprint'] as string,
		digestSignatureAlgorithm: text(record['digestSignatureAlgorithm']),
		previousDigestS3Bucket: text(record['previousDigestS3Bucket']),
		previousDigestS3Object: text(record['previousDigestS3Object']),
		previousDigestHashValue: text(record['previousDigestHashValue']),
		previousDigestHashAlgorithm: text(record['previousDigestHashAlgorithm']),
		previousDigestSignature: text(record['previousDigestSignature']),
		logFiles,
	};
}
