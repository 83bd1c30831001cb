/**
 * argv -> one typed, validated options object. Commands read this, never argv.
 */
import {existsSync} from 'node:fs';
import {athenaOptions, type AthenaFlags, type AthenaOptions} from './athena/options.js';
import {EXIT, UserError} from './exit-codes.js';
import {exportFormatFor, isExportFormat, type ExportFormat} from './query/export-sql.js';
import {parseTime} from './query/time.js';
import {
	marksOptions,
	reportOptions,
	type MarksOptions,
	type ReportFlags,
	type ReportOptions,
} from './report/options.js';

export type Command =
	| 'screen'
	| 'demo'
	| 'load'
	| 'query'
	| 'sample'
	| 'verify'
	| 'views'
	| 'inventory'
	| 'device'
	| 'lineage'
	| 'sessions'
	| 'hunt'
	| 'athena'
	| 'report'
	| 'marks';
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
		save?: string;
		description?: string;
		overwrite?: boolean;
		memoryLimit?: string;
		maxFileSize?: string;
		at?: string;
		rules?: string[];
	};

/**
 * DuckDB's memory limit while loading. DuckDB's process grows about 0.5 GB past its limit (JSON parsing and string
 * heaps are not counted in it): measured on one 650 MB JSON lines file, 512MB gave a peak RSS of 0.9 GB, 768MB
 * 1.24 GB, 1GB 1.48-1.69 GB; 768MB keeps a 2 GB file under 1.5 GB.
 */
export const DEFAULT_MEMORY_LIMIT = '768MB';

const COMMANDS = new Set<string>([
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
]);
const FORMATS = new Set<string>(['table', 'csv', 'json', 'ndjson']);

/** Validate argv; throws UserError (exit status 2) for anything wrong. */
export function buildOptions(input: string[], flags: Flags, env: NodeJS.ProcessEnv, now = new Date()): Options {
	const [first, ...rest] = input;
	const command: Command = first !== undefined && COMMANDS.has(first) ? (first as Command) : 'screen';
	const args = command === 'screen' ? input : rest;

	const options: Options = {
		command,
		db: flags.db ?? env['CLICKTRAIL_DB'] ?? 'clicktrail.duckdb',
		sources: [],
		allServices: flags.allServices,
		force: flags.force,
		quiet: flags.quiet,
		badFiles: flags.badFiles,
		s3: {
			profile: flags.profile,
			bucketRegion:
				flags.bucketRegion ??
				env['AWS_REGION'] ??
				env['AWS_DEFAULT_REGION'] ??
				(flags.profile || env['AWS_PROFILE'] ? undefined : 'us-east-1'),
			endpointUrl: flags.endpointUrl,
			accounts: flags.account ?? [],
			regions: flags.region ?? [],
			cacheDir: flags.cacheDir,
			withDigests: flags.withDigests,
		},
		tz: flags.tz ?? 'UTC',
		memoryLimit: DEFAULT_MEMORY_LIMIT,
	};
	const memoryLimit = flags.memoryLimit ?? env['CLICKTRAIL_MEMORY_LIMIT'] ?? DEFAULT_MEMORY_LIMIT;
	const memoryBytes = sizeInBytes(memoryLimit);
	if (memoryBytes === undefined || memoryBytes < 64 * 1024 * 1024) {
		throw usage(`--memory-limit must be a size of at least 64MB, such as 1GB or 4GB, not "${memoryLimit}"`);
	}
	options.memoryLimit = memoryLimit.replaceAll(/\s+/g, '');
	const maxFileSize = flags.maxFileSize ?? env['CLICKTRAIL_MAX_FILE_SIZE'];
	if (maxFileSize !== undefined) {
		const bytes = sizeInBytes(maxFileSize);
		if (bytes === undefined) throw usage(`--max-file-size must be a size such as 4GB or 500MB, not "${maxFileSize}"`);
		options.maxFileBytes = bytes;
	}
	const batchFiles = env['CLICKTRAIL_BATCH_FILES'];
	if (batchFiles !== undefined) options.batchFiles = positive('CLICKTRAIL_BATCH_FILES', Number(batchFiles));
	if (options.db.trim() === '') throw usage('--db needs a path');

	if (flags.wide) options.wide = true;
	if (flags.maxRows !== undefined) options.maxRows = positive('--max-rows', flags.maxRows);
	if (flags.since !== undefined) options.since = time('--since', flags.since, now, false);
	if (flags.until !== undefined) options.until = time('--until', flags.until, now, true);
	if (options.since && options.until && options.since >= options.until) {
		throw usage(`--since (${options.since.toISOString()}) must be before --until (${options.until.toISOString()})`);
	}
	if (!isValidZone(options.tz))
		throw usage(`--tz: unknown time zone "${flags.tz}" (use an IANA name such as Europe/Berlin, or UTC)`);

	switch (command) {
		case 'load':
			if (args.length === 0) throw usage('load needs at least one SOURCE (a file, directory, glob or s3:// URI)');
			options.sources = args;
			break;
		case 'screen':
			if (first !== undefined && looksLikeCommand(first)) {
				throw usage(`unknown command "${first}" (commands: ${[...COMMANDS].join(', ')}; clicktrail --help lists them)`);
			}
			options.sources = args;
			if (flags.view !== undefined) {
				if (flags.view.trim() === '') throw usage('--view needs the name of a saved view');
				options.view = flags.view;
			}
			break;
		case 'views': {
			options.views = viewsOptions(args, flags);
			if (options.views.action !== 'export') {
				const format = flags.format ?? 'table';
				if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
				options.format = format as OutputFormat;
			}
			break;
		}
		case 'query': {
			if (args.length !== 1) {
				throw usage(
					args.length === 0
						? 'query needs SQL, e.g. clicktrail query "SELECT count(*) FROM events"'
						: 'query takes one SQL argument: quote it',
				);
			}
			options.sql = args[0];
			const format = flags.format ?? 'table';
			if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
			options.format = format as OutputFormat;
			if (flags.description !== undefined && flags.save === undefined)
				throw usage('--description goes with --save NAME');
			if (flags.save !== undefined) {
				if (flags.save.trim() === '') throw usage('--save needs a name for the view');
				options.save = {name: flags.save, ...(flags.description === undefined ? {} : {description: flags.description})};
			}
			break;
		}
		case 'sample':
			if (!flags.out) throw usage('sample needs --out DIR');
			if (args.length > 0) throw usage(`sample takes no arguments (got "${args[0]}")`);
			options.out = flags.out;
			options.events = positive('--events', flags.events ?? 5000);
			options.seed = Math.trunc(flags.seed ?? 1);
			if (flags.publicKeysOut !== undefined) options.publicKeysOut = flags.publicKeysOut;
			if (flags.signaturesOut !== undefined) options.signaturesOut = flags.signaturesOut;
			break;
		case 'verify': {
			if (args.length !== 1)
				throw usage(
					args.length === 0
						? 'verify needs a SOURCE: a folder copied off S3, or s3://BUCKET[/PREFIX]'
						: 'verify takes one SOURCE',
				);
			const format = flags.format ?? 'text';
			if (format !== 'text' && format !== 'json') throw usage(`verify --format must be text or json, not "${format}"`);
			const recordDb = flags.db ?? env['CLICKTRAIL_DB'];
			options.verify = {
				source: args[0]!,
				publicKeys: flags.publicKeys ?? [],
				format,
				...(flags.signatures === undefined ? {} : {signatures: flags.signatures}),
				...(flags.bucket === undefined ? {} : {bucket: flags.bucket}),
				...(recordDb === undefined ? {} : {recordDb}),
			};
			break;
		}
		case 'inventory':
		case 'device':
			inventoryOptions(options, command, args, flags, now);
			break;
		case 'lineage':
		case 'sessions':
			lineageOptions(options, command, args, flags);
			break;
		case 'hunt':
			if (args.length > 0) throw usage(`hunt takes no arguments (got "${args[0]}"); rule folders are --rules DIR`);
			if ((flags.rules ?? []).some(dir => dir.trim() === '')) throw usage('--rules needs a folder');
			options.rules = flags.rules ?? [];
			options.format = outputFormat(flags);
			break;
		case 'athena':
			options.athena = athenaOptions(args, flags, options);
			break;
		case 'report':
			options.report = reportOptions(args, flags);
			break;
		case 'marks':
			options.marks = marksOptions(args, flags);
			options.format = outputFormat(flags);
			break;
		case 'demo':
			if (args.length > 0) throw usage(`demo takes no arguments (got "${args[0]}")`);
			options.events = positive('--events', flags.events ?? 5000);
			options.seed = Math.trunc(flags.seed ?? 1);
			break;
	}
	return options;
}

/** inventory [--at TIME] and device DEVICE_ID: --format table, csv, json or ndjson. */
function inventoryOptions(
	options: Options,
	command: 'inventory' | 'device',
	args: string[],
	flags: Flags,
	now: Date,
): void {
	if (command === 'inventory' && args.length > 0)
		throw usage(`inventory takes no arguments (got "${args[0]}"); the instant is --at TIME`);
	if (command === 'device') {
		if (args.length !== 1 || args[0]!.trim() === '')
			throw usage('device needs one DEVICE_ID, e.g. clicktrail device G030PM0123456789');
		options.deviceId = args[0]!;
	}
	if (flags.at !== undefined) {
		if (command === 'device') throw usage('--at goes with inventory');
		options.at = time('--at', flags.at, now, false);
	}
	const format = flags.format ?? 'table';
	if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
	options.format = format as OutputFormat;
}

/** lineage EVENT_ID... [--format text|json|ndjson]; sessions [--format table|csv|json|ndjson]. */
function lineageOptions(options: Options, command: 'lineage' | 'sessions', args: string[], flags: Flags): void {
	if (command === 'sessions') {
		if (args.length > 0) throw usage(`sessions takes no arguments (got "${args[0]}")`);
		const format = flags.format ?? 'table';
		if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
		options.format = format as OutputFormat;
		return;
	}
	const eventIDs = args.filter(id => id.trim() !== '');
	if (eventIDs.length === 0) throw usage('lineage needs one or more EVENT_IDs, e.g. clicktrail lineage 3f1c...');
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json' && format !== 'ndjson')
		throw usage(`lineage --format must be text, json or ndjson, not "${format}"`);
	options.lineage = {eventIDs, format};
}

function outputFormat(flags: Flags): OutputFormat {
	const format = flags.format ?? 'table';
	if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
	return format as OutputFormat;
}

const VIEWS_USAGE =
	'views list | views show NAME | views run NAME [--format FMT] | views export NAME --out FILE [--format csv|json|jsonl|parquet] | views delete NAME';

function viewsOptions(args: string[], flags: Flags): ViewsOptions {
	const [action, name, ...extra] = args;
	if (action === undefined) throw usage(`views needs a subcommand: ${VIEWS_USAGE}`);
	if (action === 'list') {
		if (name !== undefined) throw usage('views list takes no arguments');
		return {action};
	}
	if (!['show', 'run', 'export', 'delete'].includes(action))
		throw usage(`unknown views subcommand "${action}": ${VIEWS_USAGE}`);
	if (name === undefined || name.trim() === '') throw usage(`views ${action} needs the NAME of a view`);
	if (extra.length > 0) throw usage(`views ${action} takes one NAME (quote a name with spaces)`);
	switch (action) {
		case 'export': {
			if (!flags.out) throw usage('views export needs --out FILE');
			const given = flags.format === 'ndjson' ? 'jsonl' : flags.format;
			if (given !== undefined && !isExportFormat(given))
				throw usage(`views export --format must be csv, json, jsonl or parquet, not "${given}"`);
			const format = given ?? exportFormatFor(flags.out);
			if (!format)
				throw usage(
					`cannot tell the format from "${flags.out}": name it .csv, .json, .jsonl or .parquet, or pass --format`,
				);
			return {action, name, out: flags.out, format, overwrite: flags.overwrite ?? false};
		}
		case 'run':
			return {action, name};
		case 'show':
			if (flags.dialect !== undefined && flags.dialect !== 'athena')
				throw usage(`views show --dialect: only athena, not "${flags.dialect}"`);
			return flags.dialect === undefined
				? {action, name}
				: {action, name, dialect: 'athena', ...(flags.database === undefined ? {} : {database: flags.database})};
		default:
			return {action: 'delete', name};
	}
}

function usage(message: string): UserError {
	return new UserError(message, EXIT.usage);
}

function time(flag: string, value: string, now: Date, end: boolean): Date {
	try {
		return parseTime(value, {now, end});
	} catch (error) {
		throw usage(`${flag}: ${(error as Error).message}`);
	}
}

/**
 * A first argument that names no file, folder, glob or bucket and could be a command: `qeury`, `help`. Treating it
 * as a source would create a case file for nothing.
 */
function looksLikeCommand(arg: string): boolean {
	return /^[a-z][a-z-]*$/i.test(arg) && !existsSync(arg);
}

/** "1GB", "512 MB", "4g", "1048576" -> bytes (powers of 1024); undefined if it is not a size. */
export function sizeInBytes(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text);
	if (!match) return undefined;
	const power = ['', 'k', 'm', 'g', 't'].indexOf(match[2]!.toLowerCase());
	const bytes = Math.floor(Number(match[1]) * 1024 ** power);
	return bytes > 0 ? bytes : undefined;
}

/**
 * `--since -7d` as `--since=-7d`: a value that starts with '-' would otherwise be read as a flag. Only for the
 * options that take a time, and only for a value that is a relative time.
 */
export function joinTimeValues(argv: readonly string[]): string[] {
	const joined: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const next = argv[i + 1];
		if ((arg === '--since' || arg === '--until') && next !== undefined && /^-\s*\d/.test(next)) {
			joined.push(`${arg}=${next}`);
			i++;
		} else joined.push(arg);
	}
	return joined;
}

function positive(flag: string, value: number): number {
	if (!Number.isFinite(value) || value < 1) throw usage(`${flag} must be a positive number`);
	return Math.trunc(value);
}

function isValidZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', {timeZone: zone});
		return true;
	} catch {
		return false;
	}
}
