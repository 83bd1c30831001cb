/**
 * `clicktrail verify`'s engine: read a copy of a trail (local folder or S3 cache) and check it offline. The checks
 * themselves are pure (check.ts); this file does the reading.
 */
import {checkArchive, type CheckOptions} from './check.js';
import {hashLog, mapLimit, readDigest, type SignatureMap, type Tree} from './tree.js';
import type {Finding, VerifyReport} from './types.js';

export {localTree, s3Tree, signatureMap, cacheUri, type Tree, type SignatureMap} from './tree.js';
export {loadPublicKeys, parsePublicKeys, fingerprintOf, type PublicKeys} from './public-keys.js';
export {checkArchive, type CheckOptions, type CheckResult} from './check.js';
export {formatText} from './report.js';
export {
	PROBLEM_STATUSES,
	STATUS_ORDER,
	type Finding,
	type FindingStatus,
	type VerifyReport,
	type VerifySummary,
} from './types.js';

/** Options of {@link verifyTree}. */
export type VerifyTreeOptions = CheckOptions & {
	/** Signatures by digest key (--signatures); digests not in it fall back to their .meta.json sidecar. */
	signatures?: SignatureMap;
	/** Files read at once (default 8). */
	concurrency?: number;
};

/** A log file's verdict for the case file's ledger: its names there and its status. */
export type LedgerVerdict = {names: string[]; status: Finding['status']};

/** Verifies a tree; returns the report, and the verdict of each log file under the names a ledger may hold. */
export async function verifyTree(
	tree: Tree,
	options: VerifyTreeOptions = {},
): Promise<{report: VerifyReport; ledger: LedgerVerdict[]}> {
	const concurrency = options.concurrency ?? 8;
	const digests = await mapLimit(tree.digests, concurrency, entry => readDigest(entry, options.signatures));
	const logs = await mapLimit(tree.logs, concurrency, hashLog);
	const noSignaturesReason = digests.some(digest => digest.signature !== undefined)
		? undefined
		: 'no signatures (pass --signatures FILE, or fetch with --with-digests to keep S3 metadata)';
	const result = checkArchive(digests, logs, {...options, ...(noSignaturesReason ? {noSignaturesReason} : {})});
	const byKey = new Map(tree.logs.map(entry => [entry.key, entry]));
	const ledger = result.findings
		.filter(finding => finding.kind === 'log')
		.map(finding => ({
			names: (byKey.get(finding.file) ?? tree.locate(finding.file)).ledgerNames,
			status: finding.status,
		}));
	return {report: {summary: {source: tree.source, ...result.summary}, findings: result.findings}, ledger};
}
