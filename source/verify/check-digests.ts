/**
 * The first pass of `clicktrail verify`'s checks: each digest on its own (readable, where it was written, signed) and
 * the hashes of the log files it lists.
 */
import {parseDigest, type DigestDocument} from './digest-format.js';
import {chainOf, digestKeyTime, layoutKey} from './keys.js';
import {HOUR, sha256, time, type KeyIndex, type Ledger, type Read} from './check-shared.js';
import type {CheckOptions} from './check.js';
import {stringToSign, verifySignature} from './signature.js';
import type {DigestInput, FindingStatus, LogInput} from './types.js';

/** What the first pass found besides the ledger's reasons. */
export type DigestPass = {reads: Read[]; listed: Set<string>; signaturesChecked: number; notChecked: Set<string>};

/** Reads and checks every digest; records each log file a digest lists (in `listed`) with its hash check. */
export function checkDigests(
	digests: readonly DigestInput[],
	logIndex: KeyIndex<LogInput>,
	ledger: Ledger,
	options: CheckOptions,
): DigestPass {
	const listed = new Set<string>();
	let signaturesChecked = 0;
	const notChecked = new Set<string>();
	const reads: Read[] = digests.map(input => {
		const keyMs = digestKeyTime(input.key) ?? Number.NaN;
		const chain = chainOf(input.key);
		const read: Read = {input, endMs: keyMs, startMs: keyMs - HOUR, ...(chain ? {chain} : {})};
		if (!Buffer.isBuffer(input.content)) {
			ledger.add(input.key, 'digest', 'tampered', `unreadable: ${input.content.error}`);
			return read;
		}
		read.bytes = input.content;
		read.sha256 = sha256(input.content);
		const doc = parseDigest(input.content);
		if (typeof doc === 'string') {
			ledger.add(input.key, 'digest', 'tampered', `invalid digest format: ${doc}`);
			return read;
		}
		read.doc = doc;
		read.endMs = Number.isNaN(time(doc.digestEndTime)) ? keyMs : time(doc.digestEndTime);
		read.startMs = Number.isNaN(time(doc.digestStartTime)) ? read.endMs - HOUR : time(doc.digestStartTime);
		if (doc.digestS3Object !== input.key && layoutKey(doc.digestS3Object) !== layoutKey(input.key)) {
			ledger.add(
				input.key,
				'digest',
				'tampered',
				`moved from its original location: it says it is ${doc.digestS3Object}`,
			);
		}
		if (options.bucket !== undefined && doc.digestS3Bucket !== options.bucket) {
			ledger.add(
				input.key,
				'digest',
				'tampered',
				`it says it was written to bucket ${doc.digestS3Bucket}, not ${options.bucket}`,
			);
		}
		const signature = checkSignature(read, doc, options);
		if (signature.checked) signaturesChecked++;
		else notChecked.add(signature.reason);
		ledger.add(input.key, 'digest', signature.status, signature.text);

		for (const entry of doc.logFiles) {
			const log = logIndex.find(entry.s3Object);
			const name = log?.key ?? entry.s3Object;
			listed.add(name);
			if (!log) {
				ledger.add(name, 'log', 'missing', `listed in digest ${input.key} but not in the copy`);
			} else if ('error' in log) {
				ledger.add(name, 'log', 'tampered', `unreadable (${log.error}); listed in digest ${input.key}`);
			} else if (entry.hashAlgorithm.toUpperCase().replace('-', '') !== 'SHA256') {
				ledger.add(name, 'log', 'not-checked', `digest ${input.key} uses hash algorithm ${entry.hashAlgorithm}`);
			} else if (log.sha256.toLowerCase() !== entry.hashValue.toLowerCase()) {
				ledger.add(
					name,
					'log',
					'tampered',
					`SHA-256 of its content is ${log.sha256}, digest ${input.key} recorded ${entry.hashValue}`,
				);
			} else {
				ledger.add(name, 'log', 'valid', `SHA-256 matches digest ${input.key}`);
			}
		}
		return read;
	});

	return {reads, listed, signaturesChecked, notChecked};
}

/** The signature check of one readable digest. */
function checkSignature(
	read: Read,
	doc: DigestDocument,
	options: CheckOptions,
): {checked: boolean; status: FindingStatus; text: string; reason: string} {
	const unchecked = (reason: string) => ({
		checked: false,
		status: 'not-checked' as const,
		text: `signature not checked: ${reason}`,
		reason,
	});
	const signature = read.input.signature;
	if (signature === undefined) return unchecked(options.noSignaturesReason ?? 'no signature for it');
	const algorithm = read.input.signatureAlgorithm ?? doc.digestSignatureAlgorithm ?? 'SHA256withRSA';
	if (algorithm !== 'SHA256withRSA') return unchecked(`unsupported signature algorithm ${algorithm}`);
	if (!options.publicKeys || options.publicKeys.size === 0) return unchecked('no public keys (--public-keys)');
	const key = options.publicKeys.get(doc.digestPublicKeyFingerprint.toLowerCase());
	if (!key) return unchecked(`no public key with fingerprint ${doc.digestPublicKeyFingerprint}`);
	const valid = verifySignature(key, stringToSign(doc, read.bytes as Buffer), signature);
	return valid
		? {checked: true, status: 'valid', text: 'signature valid', reason: ''}
		: {checked: true, status: 'signature-invalid', text: 'signature verification failed', reason: ''};
}
