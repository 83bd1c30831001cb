/**
 * The typed options object every command reads (never argv), and the flags meow parses argv into.
 */
import type {AthenaFlags, AthenaOptions} from '../athena/options.js';
import type {ExportFormat} from '../query/export-sql.js';
import type {MarksOptions, ReportFlags, ReportOptions} from '../report/options.js';

/** The commands (argv's first word); anything else opens the screen on it. One list for options and --help. */
export const COMMAND_NAMES = [
	'demo',
	'load',
	'query',
	'sample',
	'verify',
	'views',
	'inventory',
	'device',
	'lineage',
	'sessions',
	'hunt',
	'athena',
	'report',
	'marks',
] as const;

export type Command = 'screen' | (typeof COMMAND_NAMES)[number];
export type OutputFormat = 'table' | 'csv' | 'json' | 'ndjson';

export type S3Options = {
	profile?: string;
	/** The bucket's region, for the client. */
	bucketRegion?: string;
	endpointUrl?: string;
	accounts: string[];
	regions: string[];
	cacheDir?: string;
	withDigests: boolean;
	/** Every object under the s3:// prefix is a file to load (athena run's records), not a trail layout. */
	wholePrefix?: boolean;
};

/** views: the subcommand, the view's name, and for export the file and format. */
export type ViewsOptions =
	| {action: 'list'}
	| {action: 'show'; name: string; dialect?: 'athena'; database?: string}
	| {action: 'delete'; name: string}
	| {action: 'run'; name: string}
	| {action: 'export'; name: string; out: string; format: ExportFormat; overwrite: boolean};

/** verify: what to check and with what. */
export type VerifyOptions = {
	/** A local folder (a copy of the trail's tree) or s3://BUCKET[/PREFIX]. */
	source: string;
	/** --public-keys files: list-public-keys JSON, PEM or DER. */
	publicKeys: string[];
	/** --signatures FILE: a JSON object mapping digest S3 keys to hex signatures. */
	signatures?: string;
	/** --bucket NAME: the bucket the copy came from; each digest's digestS3Bucket must name it. */
	bucket?: string;
	/** The case file whose ledger records the result, when --db or $CLICKTRAIL_DB names one. */
	recordDb?: string;
	format: 'text' | 'json';
};

export type Options = {
	command: Command;
	/** Case file path. */
	db: string;
	/** load / screen: sources to load. */
	sources: string[];
	/** query: the SQL text. */
	sql?: string;
	format?: OutputFormat;
	/** query, views run/list: --wide (tables show every value whole) and --max-rows N. */
	wide?: boolean;
	maxRows?: number;
	since?: Date;
	until?: Date;
	allServices: boolean;
	force: boolean;
	quiet: boolean;
	/** sample */
	out?: string;
	events?: number;
	seed?: number;
	badFiles: boolean;
	/** sample --public-keys-out: write the test public key (list-public-keys JSON) here. */
	publicKeysOut?: string;
	/** sample --signatures-out: write the digests' signatures (JSON by key) here. */
	signaturesOut?: string;
	/** verify */
	verify?: VerifyOptions;
	/** views */
	views?: ViewsOptions;
	/** screen --view NAME: open on a saved view. */
	view?: string;
	/** screen --fresh: open without the session kept from the last time (filters, zoom, focus, cursor). */
	fresh?: boolean;
	/** query --save NAME [--description TEXT]: also save the SQL as a view. */
	save?: {name: string; description?: string};
	s3: S3Options;
	/** Display zone for times. */
	tz: string;
	/** inventory --at TIME: the instant the inventory is as of (default: after the newest event). */
	at?: Date;
	/** hunt --rules DIR (repeatable): folders of the user's Sigma rules, run with the shipped ones. */
	rules?: string[];
	/** device DEVICE_ID: the device whose dossier to print. */
	deviceId?: string;
	/** lineage EVENT_ID...: the events to trace, and how to print them. */
	lineage?: {eventIDs: string[]; format: 'text' | 'json' | 'ndjson'};
	/** athena plan|run */
	athena?: AthenaOptions;
	/** report --out FILE (source/report/options.ts) */
	report?: ReportOptions;
	/** marks list|add|delete */
	marks?: MarksOptions;
	/** Files per load batch (one transaction each); $CLICKTRAIL_BATCH_FILES, for tuning and tests. */
	batchFiles?: number;
	/** DuckDB's memory limit while loading: --memory-limit, $CLICKTRAIL_MEMORY_LIMIT, default DEFAULT_MEMORY_LIMIT. */
	memoryLimit: string;
	/** Largest decompressed size of one input file, in bytes: --max-file-size, $CLICKTRAIL_MAX_FILE_SIZE, default 4GB. */
	maxFileBytes?: number;
};

export type Flags = AthenaFlags &
	ReportFlags & {
		db?: string;
		dialect?: string;
		since?: string;
		until?: string;
		allServices: boolean;
		force: boolean;
		quiet: boolean;
		format?: string;
		wide?: boolean;
		maxRows?: number;
		out?: string;
		events?: number;
		seed?: number;
		badFiles: boolean;
		profile?: string;
		region?: string[];
		bucketRegion?: string;
		endpointUrl?: string;
		account?: string[];
		cacheDir?: string;
		withDigests: boolean;
		tz?: string;
		publicKeys?: string[];
		signatures?: string;
		publicKeysOut?: string;
		signaturesOut?: string;
		view?: string;
		fresh?: boolean;
		save?: string;
		description?: string;
		overwrite?: boolean;
		memoryLimit?: string;
		maxFileSize?: string;
		at?: string;
		rules?: string[];
	};
