/** Types of `clicktrail verify`: what is checked, and what it found. */

/**
 * What verification concluded about one file:
 * - valid: checked, and everything checked holds;
 * - tampered: the bytes are not what the digest recorded (or a digest is unreadable or not where it was written);
 * - missing: a digest names the file but the copy does not hold it;
 * - unlisted: a log file that no digest lists;
 * - signature-invalid: a digest's signature does not verify, or differs from the one the next digest chains;
 * - chain-gap: the digest chain breaks at this digest (a digest before or after it is missing, or the chain restarts);
 * - not-checked: nothing could be checked (e.g. no signature or no public key for a digest; the hashes of its logs and
 *   its links were still checked and are reported on their own files).
 */
export type FindingStatus =
	'valid' | 'tampered' | 'missing' | 'unlisted' | 'signature-invalid' | 'chain-gap' | 'not-checked';

/** Statuses that are problems (exit status 4), most severe first; a file with several problems shows the first. */
export const PROBLEM_STATUSES: readonly FindingStatus[] = [
	'tampered',
	'missing',
	'signature-invalid',
	'chain-gap',
	'unlisted',
];

/** All statuses, most severe first. */
export const STATUS_ORDER: readonly FindingStatus[] = [...PROBLEM_STATUSES, 'not-checked', 'valid'];

/** One file's finding. */
export type Finding = {
	/** The file: its S3 key (or, for a local copy, the key as the copy's layout gives it). */
	file: string;
	kind: 'log' | 'digest';
	status: FindingStatus;
	/** Why, in words; every reason when there are several. */
	detail: string;
};

/** Counts of a verification. */
export type VerifySummary = {
	/** What was verified: the folder or s3:// URI. */
	source: string;
	digests: number;
	logFiles: number;
	chains: number;
	/** Findings by status. */
	byStatus: Record<FindingStatus, number>;
	/** Digests whose signature was verified (valid or not). */
	signaturesChecked: number;
	/** Why signatures were not checked, when some were not. */
	signaturesNote?: string;
	/** True when every finding is valid or not-checked. */
	ok: boolean;
};

/** The whole report: `verify --format json` prints it. */
export type VerifyReport = {summary: VerifySummary; findings: Finding[]};

/** A file of the copy: its key in the bucket's layout, where it is, and its name for the user. */
export type TreeEntry = {
	/** The S3 key (for a local copy: the path relative to the copy, from its AWSLogs/ folder on). */
	key: string;
	/** The local file. */
	path: string;
	/** Names of this file in a case file's ledger (its local path, and its s3:// URI when known). */
	ledgerNames: string[];
	/**
	 * Files that may hold a digest's signature metadata, first found wins: the S3 cache's record of the object,
	 * and for a local copy `<path>.meta.json` (what caches before the current layout kept). Default: the latter.
	 */
	signatureFiles?: string[];
};

/** A digest as read from the copy. */
export type DigestInput = TreeEntry & {
	/** The decompressed bytes, or why they could not be read. */
	content: Buffer | {error: string};
	/** The hex signature from S3 metadata or --signatures, when known. */
	signature?: string;
	/** x-amz-meta-signature-algorithm, when known. */
	signatureAlgorithm?: string;
};

/** A log file as read from the copy: the SHA-256 of its decompressed bytes, or why it could not be read. */
export type LogInput = (TreeEntry & {sha256: string}) | (TreeEntry & {error: string});
