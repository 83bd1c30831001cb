/**
 * CloudTrail's public keys, by fingerprint: the JSON `aws cloudtrail list-public-keys` prints, or PEM / DER key files.
 * Parsing is pure (bytes in, keys out); loadPublicKeys reads the files.
 */
import {createHash, createPublicKey, type KeyObject} from 'node:crypto';
import {readFile} from 'node:fs/promises';

/** Public keys by lower-case hex fingerprint. */
export type PublicKeys = Map<string, KeyObject>;

/** The fingerprint of a key given as a file: hex MD5 of its PKCS#1 DER form (what ListPublicKeys' Value holds). */
export function fingerprintOf(key: KeyObject): string {
	return createHash('md5')
		.update(key.export({type: 'pkcs1', format: 'der'}))
		.digest('hex');
}

/** A DER public key: PKCS#1 (as ListPublicKeys returns it) or SubjectPublicKeyInfo. */
function derKey(der: Buffer): KeyObject {
	try {
		return createPublicKey({key: der, format: 'der', type: 'pkcs1'});
	} catch {
		return createPublicKey({key: der, format: 'der', type: 'spki'});
	}
}

/**
 * Keys from one file's bytes. JSON: {"PublicKeyList": [{"Value": base64 DER, "Fingerprint": hex, ...}]}, keyed by the
 * listed Fingerprint as aws-cli does; PEM (one or more keys) and DER: keyed by {@link fingerprintOf}.
 * Throws an Error naming what is wrong.
 */
export function parsePublicKeys(bytes: Buffer): PublicKeys {
	const keys: PublicKeys = new Map();
	const textForm = bytes.toString('utf8').trim();
	if (textForm.startsWith('{')) {
		const data = JSON.parse(textForm) as {PublicKeyList?: unknown};
		if (!Array.isArray(data.PublicKeyList))
			throw new Error('JSON without a PublicKeyList (expected the output of aws cloudtrail list-public-keys)');
		for (const item of data.PublicKeyList as {Value?: unknown; Fingerprint?: unknown}[]) {
			if (typeof item.Value !== 'string') throw new Error('a PublicKeyList entry has no Value');
			const key = derKey(Buffer.from(item.Value, 'base64'));
			const fingerprint = typeof item.Fingerprint === 'string' ? item.Fingerprint : fingerprintOf(key);
			keys.set(fingerprint.toLowerCase(), key);
		}
		return keys;
	}
	if (textForm.includes('-----BEGIN')) {
		const blocks = textForm.match(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g) ?? [];
		for (const block of blocks) {
			const key = createPublicKey(block);
			keys.set(fingerprintOf(key), key);
		}
		if (keys.size === 0) throw new Error('no PEM key in it');
		return keys;
	}
	const key = derKey(bytes);
	keys.set(fingerprintOf(key), key);
	return keys;
}

/** Reads and merges key files; throws an Error naming the file that could not be used. */
export async function loadPublicKeys(files: readonly string[]): Promise<PublicKeys> {
	const keys: PublicKeys = new Map();
	for (const file of files) {
		let parsed: PublicKeys;
		try {
			parsed = parsePublicKeys(await readFile(file));
		} catch (error) {
			throw new Error(`--public-keys ${file}: ${error instanceof Error ? error.message : String(error)}`, {
				cause: error,
			});
		}
		for (const [fingerprint, key] of parsed) keys.set(fingerprint, key);
	}
	return keys;
}
