/**
 * argv -> one typed, validated options object. Commands read this, never argv.
 */
import {athenaOptions} from './athena/options.js';
import {COMMAND_NAMES, type Command, type Flags, type Options, type OutputFormat} from './cli/option-types.js';
import {
	FORMATS,
	isValidZone,
	looksLikeCommand,
	outputFormat,
	positive,
	sizeInBytes,
	time,
	usage,
} from './cli/option-values.js';
import {inventoryOptions, lineageOptions, viewsOptions} from './cli/subcommand-options.js';
import {marksOptions, reportOptions} from './report/options.js';

export type * from './cli/option-types.js';
export {joinTimeValues, sizeInBytes} from './cli/option-values.js';

/**
 * DuckDB's memory limit while loading. DuckDB's process grows about 0.5 GB past its limit (JSON parsing and string
 * heaps are not counted in it): measured on one 650 MB JSON lines file, 512MB gave a peak RSS of 0.9 GB, 768MB
 * 1.24 GB, 1GB 1.48-1.69 GB; 768MB keeps a 2 GB file under 1.5 GB.
 */
export const DEFAULT_MEMORY_LIMIT = '768MB';

const COMMANDS = new Set<string>(COMMAND_NAMES);

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
			if (flags.fresh) options.fresh = true;
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
