/**
 * argv -> one typed, validated options object. Commands read this, never argv.
 */
import {EXIT, UserError} from './exit-codes.js';
import {parseTime} from './query/time.js';

export type Command = 'screen' | 'demo' | 'load' | 'query' | 'sample';
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
	s3: S3Options;
	/** Display zone for times. */
	tz: string;
	/** Files per load batch (one transaction each); $CLICKTRAIL_BATCH_FILES, for tuning and tests. */
	batchFiles?: number;
};

export type Flags = {
	db?: string;
	since?: string;
	until?: string;
	allServices: boolean;
	force: boolean;
	quiet: boolean;
	format?: string;
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
};

const COMMANDS = new Set<string>(['demo', 'load', 'query', 'sample']);
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
			bucketRegion: flags.bucketRegion ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? (flags.profile || env['AWS_PROFILE'] ? undefined : 'us-east-1'),
			endpointUrl: flags.endpointUrl,
			accounts: flags.account ?? [],
			regions: flags.region ?? [],
			cacheDir: flags.cacheDir,
			withDigests: flags.withDigests,
		},
		tz: flags.tz ?? 'UTC',
	};
	const batchFiles = env['CLICKTRAIL_BATCH_FILES'];
	if (batchFiles !== undefined) options.batchFiles = positive('CLICKTRAIL_BATCH_FILES', Number(batchFiles));
	if (options.db.trim() === '') throw usage('--db needs a path');

	if (flags.since !== undefined) options.since = time('--since', flags.since, now, false);
	if (flags.until !== undefined) options.until = time('--until', flags.until, now, true);
	if (options.since && options.until && options.since >= options.until) {
		throw usage(`--since (${options.since.toISOString()}) must be before --until (${options.until.toISOString()})`);
	}
	if (!isValidZone(options.tz)) throw usage(`--tz: unknown time zone "${flags.tz}" (use an IANA name such as Europe/Berlin, or UTC)`);

	switch (command) {
		case 'load':
			if (args.length === 0) throw usage('load needs at least one SOURCE (a file, directory, glob or s3:// URI)');
			options.sources = args;
			break;
		case 'screen':
			options.sources = args;
			break;
		case 'query': {
			if (args.length !== 1) {
				throw usage(args.length === 0 ? 'query needs SQL, e.g. clicktrail query "SELECT count(*) FROM events"' : 'query takes one SQL argument: quote it');
			}
			options.sql = args[0];
			const format = flags.format ?? 'table';
			if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
			options.format = format as OutputFormat;
			break;
		}
		case 'sample':
			if (!flags.out) throw usage('sample needs --out DIR');
			if (args.length > 0) throw usage(`sample takes no arguments (got "${args[0]}")`);
			options.out = flags.out;
			options.events = positive('--events', flags.events ?? 5000);
			options.seed = Math.trunc(flags.seed ?? 1);
			break;
		case 'demo':
			if (args.length > 0) throw usage(`demo takes no arguments (got "${args[0]}")`);
			options.events = positive('--events', flags.events ?? 5000);
			options.seed = Math.trunc(flags.seed ?? 1);
			break;
	}
	return options;
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
