/** The pure parts of verify: the string CloudTrail signs, public key files, and a chain checked in memory. */
import {createHash, createPublicKey} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {
	SAMPLE_TEST_KEY_FINGERPRINT,
	SAMPLE_TEST_PUBLIC_KEY_PEM,
	sampleTestPublicKeyDer,
	sampleTestPublicKeys,
} from '../../source/sample/index.js';
import {parseDigest} from '../../source/verify/digest-format.js';
import {checkArchive, parsePublicKeys} from '../../source/verify/index.js';
import {stringToSign} from '../../source/verify/signature.js';
import type {DigestInput} from '../../source/verify/types.js';

describe('verify: pure checks', () => {
	it('builds the string to sign as aws-cli validate-logs does', () => {
		const bytes = Buffer.from(
			JSON.stringify({
				digestStartTime: '2024-12-03T22:00:00Z',
				digestEndTime: '2024-12-03T23:00:00Z',
				digestS3Bucket: 'b',
				digestS3Object: 'AWSLogs/k.json.gz',
				digestPublicKeyFingerprint: 'f',
				previousDigestSignature: null,
				logFiles: [],
			}),
		);
		const doc = parseDigest(bytes);
		if (typeof doc === 'string') throw new Error(doc);
		const hash = createHash('sha256').update(bytes).digest('hex');
		expect(stringToSign(doc, bytes)).toBe(`2024-12-03T23:00:00Z\nb/AWSLogs/k.json.gz\n${hash}\nnull`);
	});

	it('reads keys from list-public-keys JSON, PEM and DER, by fingerprint', () => {
		const fromJson = parsePublicKeys(Buffer.from(JSON.stringify(sampleTestPublicKeys())));
		expect([...fromJson.keys()]).toEqual([SAMPLE_TEST_KEY_FINGERPRINT]);
		expect([...parsePublicKeys(Buffer.from(SAMPLE_TEST_PUBLIC_KEY_PEM)).keys()]).toEqual([SAMPLE_TEST_KEY_FINGERPRINT]);
		const spki = createPublicKey(SAMPLE_TEST_PUBLIC_KEY_PEM).export({type: 'spki', format: 'pem'});
		expect([...parsePublicKeys(Buffer.from(spki)).keys()]).toEqual([SAMPLE_TEST_KEY_FINGERPRINT]);
		expect([...parsePublicKeys(sampleTestPublicKeyDer()).keys()]).toEqual([SAMPLE_TEST_KEY_FINGERPRINT]);
		expect(() => parsePublicKeys(Buffer.from('{"nope":1}'))).toThrow(/PublicKeyList/);
	});

	it('reports an unreadable digest as tampered and a digest moved elsewhere as tampered', () => {
		const key =
			'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/12/03/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20241203T230000Z.json.gz';
		const moved = Buffer.from(
			JSON.stringify({
				digestStartTime: '2024-12-03T22:00:00Z',
				digestEndTime: '2024-12-03T23:00:00Z',
				digestS3Bucket: 'b',
				digestS3Object: key.replace('T230000Z', 'T220000Z'),
				digestPublicKeyFingerprint: 'f',
				previousDigestSignature: null,
				previousDigestS3Object: null,
				logFiles: [],
			}),
		);
		const digests: DigestInput[] = [
			{key, path: '/x', ledgerNames: [], content: moved},
			{
				key: key.replace('us-east-1/2024', 'eu-west-1/2024').replaceAll('_us-east-1_', '_eu-west-1_'),
				path: '/y',
				ledgerNames: [],
				content: {error: 'not valid gzip'},
			},
		];
		const {findings, summary} = checkArchive(digests, []);
		expect(findings.map(f => f.status)).toEqual(['tampered', 'tampered']);
		expect(findings.find(f => f.file === key)?.detail).toMatch(/moved from its original location/);
		expect(summary.ok).toBe(false);
	});
});
