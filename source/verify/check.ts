/**
 * The checks of `clicktrail verify`, with no I/O: digests (bytes and signatures) and log hashes in, findings out.
 * The same checks as aws-cli's `cloudtrail validate-logs` (signature, log hashes, links between digests), made
 * offline, plus what it does not report: every break in a chain (it reports one of two consecutive deleted digests,
 * aws-cli#7054) and log files no digest lists.
 */
import {createHash} from 'node:crypto';
import {parseDigest, type DigestDocument} from './digest-format.js';
import {chainOf, digestKeyTime, digestPlace, layoutKey, logPlace, type ChainId} from './keys.js';
import type {PublicKeys} from './public-keys.js';
import {stringToSign, verifySignature} from './signature.js';
import {
	STATUS_ORDER,
	type DigestInput,
	type Finding,
	type FindingStatus,
	type LogInput,
	type VerifySummary,
} from './types.js';

/** Options of {@link checkArchive}. */
export type CheckOptions = {
	/** Public keys by fingerprint; undefined when none were given. */
	publicKeys?: PublicKeys;
	/** The bucket the copy came from (--bucket): each digest's digestS3Bucket must name it. */
	bucket?: string;
	/** Why digests have no signature, for the report (e.g. 'no --signatures file and no .meta.json sidecars'). */
	noSignaturesReason?: string;
};

/** Findings and counts (summary.source is the caller's to fill). */
export type CheckResult = {findings: Finding[]; summary: Omit<VerifySummary, 'source'>};

const HOUR = 3_600_000;

/** Accumulates reasons per file; the most severe status wins. */
class Ledger {
	private readonly files = new Map<
		string,
		{kind: 'log' | 'digest'; reasons: {status: FindingStatus; text: string}[]}
	>();

	add(file: string, kind: 'log' | 'digest', status: FindingStatus, text: string): void {
		const entry = this.files.get(file) ?? {kind, reasons: []};
		this.files.set(file, entry);
		entry.reasons.push({status, text});
	}

	findings(): Finding[] {
		const out: Finding[] = [];
		for (const [file, {kind, reasons}] of this.files) {
			const rank = (status: FindingStatus) => STATUS_ORDER.indexOf(status);
			const worst = reasons.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
			// Problems first, then the rest, each reason once.
			const texts = [...new Set([...reasons].sort((a, b) => rank(a.status) - rank(b.status)).map(r => r.text))];
			out.push({file, kind, status: worst.status, detail: texts.join('; ')});
		}
		return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	}
}

/** A digest of the copy, read. */
type Read = {
	input: DigestInput;
	doc?: DigestDocument;
	bytes?: Buffer;
	sha256?: string;
	chain?: ChainId;
	/** digestEndTime (else the key's time), epoch ms, for ordering. */
	endMs: number;
	startMs: number;
};

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const time = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** Finds a file of the copy by key: the exact key, else the same key from AWSLogs/ on (a copy without the trail prefix). */
class KeyIndex<T extends {key: string}> {
	private readonly exact = new Map<string, T>();
	private readonly byLayout = new Map<string, T[]>();

	constructor(items: readonly T[]) {
		for (const item of items) {
			this.exact.set(item.key, item);
			const layout = layoutKey(item.key);
			this.byLayout.set(layout, [...(this.byLayout.get(layout) ?? []), item]);
		}
	}

	find(key: string): T | undefined {
		const exact = this.exact.get(key);
		if (exact) return exact;
		const candidates = this.byLayout.get(layoutKey(key)) ?? [];
		return candidates.length === 1 ? candidates[0] : undefined;
	}
}

/** Checks a copy of a trail: every digest, every log file, every chain. */
export function checkArchive(
	digests: readonly DigestInput[],
	logs: readonly LogInput[],
	options: CheckOptions = {},
): CheckResult {
	const ledger = new Ledger();
	const logIndex = new KeyIndex(logs);
	const digestIndex = new KeyIndex(digests);
	const listed = new Set<string>();
	let signaturesChecked = 0;
	const notChecked = new Set<string>();

	// Each digest on its own: readable, where it was written, signed, and its log files' hashes.
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

	// Chains: each digest names its previous one; every link is checked and every break reported.
	const chains = new Map<string, Read[]>();
	for (const read of reads) {
		const id = read.chain?.id ?? 'outside the layout';
		chains.set(id, [...(chains.get(id) ?? []), read]);
	}
	const readByKey = new Map(reads.map(read => [read.input.key, read]));
	/** Uncovered windows where a named missing digest sits: [start, end] per chain, for the inference below. */
	const breaks: {chain: ChainId; after?: Read; missingKey: string; missingEnd: number; before: Read}[] = [];
	for (const chain of chains.values()) {
		chain.sort((a, b) => a.endMs - b.endMs || (a.input.key < b.input.key ? -1 : 1));
		const successors = new Map<Read, Read>();
		for (const [index, read] of chain.entries()) {
			const doc = read.doc;
			if (!doc) continue;
			const previousKey = doc.previousDigestS3Object;
			const earlier = index > 0 ? chain[index - 1] : undefined;
			if (previousKey === null) {
				if (earlier) {
					ledger.add(
						read.input.key,
						'digest',
						'chain-gap',
						`the chain starts anew here (no previous digest) after ${earlier.input.key}: nothing vouches for ${iso(earlier.endMs)} to ${doc.digestStartTime} (CloudTrail restarts a chain when logging or log file validation was turned off)`,
					);
				}
				continue;
			}
			const found = digestIndex.find(previousKey);
			const previous = found ? readByKey.get(found.key) : undefined;
			if (!previous && !earlier) {
				// The copy starts after the chain does (a partial copy, or --since): nothing says a file was removed.
				ledger.add(
					read.input.key,
					'digest',
					'not-checked',
					`link not checked: its previous digest ${previousKey} is older than anything in the copy`,
				);
				continue;
			}
			if (!previous) {
				ledger.add(
					previousKey,
					'digest',
					'missing',
					`not in the copy; digest ${read.input.key} names it as its previous digest`,
				);
				ledger.add(read.input.key, 'digest', 'chain-gap', `its previous digest ${previousKey} is missing`);
				if (read.chain) {
					breaks.push({
						chain: read.chain,
						...(earlier ? {after: earlier} : {}),
						missingKey: previousKey,
						missingEnd: digestKeyTime(previousKey) ?? read.startMs,
						before: read,
					});
				}
				continue;
			}
			const other = successors.get(previous);
			if (other) {
				ledger.add(
					read.input.key,
					'digest',
					'chain-gap',
					`it and ${other.input.key} both name ${previous.input.key} as their previous digest`,
				);
			}
			successors.set(previous, read);
			if (
				previous.sha256 !== undefined &&
				doc.previousDigestHashValue !== null &&
				previous.sha256 !== doc.previousDigestHashValue.toLowerCase()
			) {
				ledger.add(
					previous.input.key,
					'digest',
					'tampered',
					`its SHA-256 (${previous.sha256}) differs from previousDigestHashValue in the next digest ${read.input.key}`,
				);
			}
			const chained = doc.previousDigestSignature;
			if (
				previous.input.signature !== undefined &&
				chained !== null &&
				chained.toLowerCase() !== previous.input.signature.toLowerCase()
			) {
				ledger.add(
					previous.input.key,
					'digest',
					'signature-invalid',
					`its signature differs from the one the next digest ${read.input.key} chains (previousDigestSignature)`,
				);
			}
		}
		// A digest nothing links back to, before the chain's newest: the digest(s) after it are gone.
		for (const [index, read] of chain.entries()) {
			const later = chain[index + 1];
			if (!later || successors.has(read)) continue;
			if (later.doc?.previousDigestS3Object === null) continue; // a restart, reported on `later`
			ledger.add(
				read.input.key,
				'digest',
				'chain-gap',
				`no digest in the copy names it as its previous digest: the digest after it is missing (the chain resumes at ${later.input.key})`,
			);
		}
	}

	// Log files no digest lists; those inside a break, outside the missing digest named there, reveal more missing
	// digests (CloudTrail writes one an hour): one finding per hour.
	const inferred = new Map<string, {chain: ChainId; hourMs: number; logs: string[]}>();
	const newestByPlace = new Map<string, number>();
	for (const read of reads) {
		const place = digestPlace(read.input.key);
		if (place !== undefined && !Number.isNaN(read.endMs))
			newestByPlace.set(place, Math.max(newestByPlace.get(place) ?? 0, read.endMs));
	}
	for (const log of logs) {
		if (listed.has(log.key)) continue;
		const where = logPlace(log.key);
		const at = where?.deliveredAt;
		let text = 'no digest in the copy lists it';
		const newest = where ? newestByPlace.get(where.place) : undefined;
		if (at !== undefined && newest !== undefined && at >= newest) {
			text += ` (delivered after the newest digest of its chain, ${iso(newest)}: its digest may not have been written yet when the copy was made, or it was deleted)`;
		}
		const inBreak =
			at === undefined || !where
				? undefined
				: breaks.find(
						gap =>
							digestPlace(gap.before.input.key) === where.place &&
							at >= (gap.after?.endMs ?? Number.NEGATIVE_INFINITY) &&
							at < gap.missingEnd - HOUR,
					);
		if (inBreak && at !== undefined) {
			const hourMs = Math.floor(at / HOUR) * HOUR;
			const id = `${inBreak.chain.id}|${hourMs}`;
			const entry = inferred.get(id) ?? {chain: inBreak.chain, hourMs, logs: []};
			inferred.set(id, entry);
			entry.logs.push(log.key);
			text += `; delivered inside the break before ${inBreak.missingKey}`;
		}
		ledger.add(log.key, 'log', 'unlisted', text);
	}
	for (const {chain, hourMs, logs: hourLogs} of inferred.values()) {
		const end = new Date(hourMs + HOUR).toISOString();
		const stamp = `${end.slice(0, 4)}${end.slice(5, 7)}${end.slice(8, 10)}T${end.slice(11, 13)}`;
		const file = `${chain.folder}/${end.slice(0, 4)}/${end.slice(5, 7)}/${end.slice(8, 10)}/${chain.account}_CloudTrail-Digest_${chain.region}_${chain.trail}_${chain.homeRegion}_${stamp}*.json.gz`;
		ledger.add(
			file,
			'digest',
			'missing',
			`not in the copy (name inferred): ${hourLogs.length} log file(s) delivered ${iso(hourMs)} to ${iso(hourMs + HOUR)} are in no digest, inside a break in the chain, e.g. ${hourLogs[0]}`,
		);
	}

	const findings = ledger.findings();
	const byStatus = Object.fromEntries(STATUS_ORDER.map(status => [status, 0])) as Record<FindingStatus, number>;
	for (const finding of findings) byStatus[finding.status]++;
	const problems = findings.some(f => f.status !== 'valid' && f.status !== 'not-checked');
	const reasons = [...notChecked];
	return {
		findings,
		summary: {
			digests: digests.length,
			logFiles: logs.length,
			chains: [...chains.keys()].length,
			byStatus,
			signaturesChecked,
			...(reasons.length > 0
				? {
						signaturesNote: `${digests.length - signaturesChecked} of ${digests.length} digest signatures not checked: ${reasons.join('; ')}`,
					}
				: {}),
			ok: !problems,
		},
	};
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
