/**
 * The second pass of `clicktrail verify`'s checks: the chains. Each digest names its previous one; every link is
 * checked and every break reported (aws-cli reports one of two consecutive deleted digests, aws-cli#7054).
 */
import {digestKeyTime, type ChainId} from './keys.js';
import {iso, type KeyIndex, type Ledger, type Read} from './check-shared.js';
import type {DigestInput} from './types.js';

/** A break where a named digest is missing: the window it leaves uncovered, for the third pass's inference. */
export type ChainBreak = {chain: ChainId; after?: Read; missingKey: string; missingEnd: number; before: Read};

/** Checks every link of every chain; returns the number of chains and the breaks with a named missing digest. */
export function checkChains(
	reads: readonly Read[],
	digestIndex: KeyIndex<DigestInput>,
	ledger: Ledger,
): {chains: number; breaks: ChainBreak[]} {
	const chains = new Map<string, Read[]>();
	for (const read of reads) {
		const id = read.chain?.id ?? 'outside the layout';
		chains.set(id, [...(chains.get(id) ?? []), read]);
	}
	const readByKey = new Map(reads.map(read => [read.input.key, read]));
	/** Uncovered windows where a named missing digest sits: [start, end] per chain, for the inference below. */
	const breaks: ChainBreak[] = [];
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

	return {chains: chains.size, breaks};
}
