#!/usr/bin/env node
/**
 * Entry point: meow parses argv into one typed options object; commands never read argv.
 */
import './quiet-aws-sdk.js';
import {writeSync} from 'node:fs';
import meow from 'meow';
import {EXIT, UserError} from './exit-codes.js';
import {commandHelp, helpRequest} from './help.js';
import {buildOptions, joinTimeValues, type Options} from './options.js';

const HELP = `
	Usage
	  $ clicktrail demo                      open the screen on a built-in generated sample (no AWS needed)
	  $ clicktrail [SOURCE...]               load SOURCEs (if any) into the case file and open the screen
	  $ clicktrail load SOURCE...            load CloudTrail logs into the case file
	  $ clicktrail query SQL                 run SQL on the case file (read-only)
	  $ clicktrail views list|show|run|export|delete [NAME]   the case file's saved views
	  $ clicktrail sample --out DIR          write a generated CloudTrail archive (S3 layout) to DIR
	  $ clicktrail verify SOURCE             check log files against CloudTrail's signed digest files (offline)
	  $ clicktrail inventory [--at TIME]     IoT 1-Click projects, placements and devices as of TIME, replayed
	  $ clicktrail device DEVICE_ID          every event that touched a device, with its state after each
	  $ clicktrail lineage EVENT_ID...       who really did it: each event's access key traced to its origin
	  $ clicktrail sessions                  one row per access key used on IoT 1-Click events, with its issuer
	  $ clicktrail hunt [--rules DIR]        run the detection rules (Sigma) over the case file; keep the findings
	  $ clicktrail athena plan|run ...       find the events in a whole trail with Athena, load only those
	  $ clicktrail report --out FILE.html    the incident report (HTML or .md), every statement citing its events
	  $ clicktrail marks list|add|delete     events marked in the screen (m) or here, with their notes

	SOURCE is a file, a directory (walked recursively), a glob, or s3://BUCKET[/PREFIX].
	Files: CloudTrail logs ({"Records":[...]}, .json or .json.gz), JSON lines, and the console's
	Event history JSON and CSV exports. Digest and Insights files are skipped.

	Case file
	  --db PATH               DuckDB case file (default ./clicktrail.duckdb, or $CLICKTRAIL_DB)

	Load
	  --since TIME            keep events at or after TIME (ISO 8601, a date, or relative: -2h, -7d)
	  --until TIME            keep events before TIME
	  --all-services          keep every service's events, not only iot1click.amazonaws.com
	  --force                 reload files the case file already holds unchanged
	  --memory-limit SIZE     DuckDB's memory while loading (default 768MB, or $CLICKTRAIL_MEMORY_LIMIT)
	  --max-file-size SIZE    largest a file may be once decompressed (default 4GB, or
	                          $CLICKTRAIL_MAX_FILE_SIZE); a larger one fails unread
	  --quiet, -q             print only errors

	S3 (load s3://...)
	  --profile NAME          AWS profile (default chain: environment, config files, SSO, instance role)
	  --endpoint-url URL      an S3-compatible server (MinIO, ...); path-style addressing
	  --account ID            only this account's logs (repeatable)
	  --region REGION         only this region's logs (repeatable)
	  --bucket-region REGION  the bucket's own region (default: $AWS_REGION, the profile's, or us-east-1;
	                          a wrong one is corrected by following S3's redirect)
	  --cache-dir DIR         where downloaded objects are kept (default: the user cache directory)
	  --with-digests          also download digest files and their signatures

	Query
	  --format FMT            table (default), csv, json or ndjson
	  --wide                  tables show every value whole (default: fitted to the terminal, cut with …)
	  --max-rows N            rows written at most (default 1000 for a table, every row otherwise)
	  --save NAME             also save the SQL as a view named NAME (opens the case file for writing)
	  --description TEXT      with --save: what the view is for

	Views (saved in the case file: by the screen, or query --save)
	  views list              every saved view
	  views show NAME         what a view holds, and the SQL it runs
	  views run NAME          run it (--format table, csv, json or ndjson; --wide, --max-rows N)
	  views export NAME --out FILE [--format csv|json|jsonl|parquet] [--overwrite]
	                          write its rows to FILE (format from the extension unless given);
	                          CSV text cells starting with = + - @ are prefixed with ' (formula injection);
	                          an existing FILE is replaced only with --overwrite (never the case file
	                          or an input file)
	  views delete NAME       delete it

	Sample
	  --out DIR               where to write the archive
	  --events N              records to generate (default 5000)
	  --seed S                random seed (default 1)
	  --bad-files             also write a set of bad files under DIR/bad/
	  --signatures-out FILE   write the digests' signatures (JSON, by S3 key) to FILE, outside DIR
	  --public-keys-out FILE  write the sample's TEST public key (list-public-keys JSON) to FILE

	Verify (SOURCE: a folder copied off S3, or s3://BUCKET[/PREFIX] with the S3 options above)
	  --public-keys FILE      CloudTrail public keys: the JSON of aws cloudtrail list-public-keys, or PEM/DER
	                          files (repeatable). Fetching them online is not built in (it would need
	                          @aws-sdk/client-cloudtrail): run aws cloudtrail list-public-keys --start-time ...
	  --signatures FILE       digest signatures: a JSON object of digest S3 key -> hex signature (a copy made
	                          with aws s3 sync has none; load/verify s3:// keep them in the cache)
	  --bucket NAME           the bucket the copy came from (each digest must name it)
	  --format FMT            text (default) or json
	  --db PATH               also record each log file's integrity in this case file's ledger

	Inventory (replayed from the successful calls in the case file; failed calls change nothing)
	  --at TIME               as of TIME: every event at or before it (default: after the newest event)
	  --format FMT            table (default: one row per fact, with the event that set it), csv,
	                          json (projects, placements, devices) or ndjson; --wide, --max-rows N

	Lineage (needs the identity events every load keeps: STS, sign-in, SSO, IAM access keys)
	  --format FMT            lineage: text (default), json (an array for several IDs) or ndjson;
	                          sessions: table (default), csv, json or ndjson; --wide, --max-rows N
	Hunt (the shipped rules, plus Sigma rules of your own; findings are kept in the case file)
	  --rules DIR             also run the .yml/.yaml Sigma rules in DIR (repeatable)
	  --since TIME, --until TIME   only events in that window
	  --format FMT            table (default), csv, json ({"rules": [...], "findings": [...]}) or ndjson
	Athena (plan prints the SQL; run sends it, then loads the records into the case file)
	  --bucket B              the trail's bucket; --prefix P its key prefix (before AWSLogs/)
	  --org-id o-...          an organization trail (AWSLogs/o-.../ACCOUNT/...)
	  --account ID            an account to search (repeatable, at least one)
	  --region REGION         a region to search (repeatable, at least one)
	  --since/--until TIME    the events' time window (both needed)
	  --output s3://R/P/      records go to P/records/ (must be empty), Athena's files to P/athena/
	  --database NAME         the Glue database for the tables (default clicktrail)
	  --workgroup NAME        run: the Athena workgroup (default primary)
	  --athena-region REGION  run: the Athena API's region (default $AWS_REGION or the profile's)
	  --profile NAME          run: AWS profile; the S3 options apply to loading the records
	  views show NAME --dialect athena [--database NAME]   a view's SQL for Athena

	Report (the case file is only read; every statement links the eventIDs it rests on)
	  --out FILE              FILE.html (one file, no scripts, no external resource) or FILE.md (the
	                          timeline beside it as FILE.timeline.svg); an existing FILE needs --overwrite
	  --view NAME             only the events a saved filter view selects (default: the whole case)
	  --since/--until TIME    only events in that window
	  --principal P           only events by P (repeatable)
	  marks list              every marked event with its note (--format table, csv, json or ndjson)
	  marks add EVENT_ID [--note TEXT]   mark an event (again: replace its note)
	  marks delete EVENT_ID   remove its mark

	Screen
	  --tz ZONE               show times in ZONE (IANA name, default UTC)
	  --view NAME             open on a saved view (a filter view sets the filters; a SQL view opens
	                          the console with its result). In the screen: : SQL console, S the
	                          filters as SQL, V saved views, w save the filters, X export; ? lists all keys
	  --fresh                 open without restoring the last session on this case file (its filters,
	                          zoom, focused pane and cursor, kept under $XDG_STATE_HOME/clicktrail/)

	Exit status: 0 done, 1 error, 2 usage, 3 some inputs failed to load (the rest loaded),
	4 verify found problems (tampered, missing, unlisted, bad signature, chain gap),
	5 hunt found findings of high or critical severity.

	Examples
	  $ clicktrail load ~/cases/acme/AWSLogs --since 2024-12-01
	  $ clicktrail query "SELECT eventName, count(*) n FROM events GROUP BY ALL ORDER BY n DESC"
	  $ clicktrail query --format csv "SELECT * FROM events WHERE errorCode IS NOT NULL" > errors.csv
	  $ clicktrail query "SELECT * FROM events WHERE errorCode IS NOT NULL" --save failures
	  $ clicktrail views export failures --out failures.parquet
	  $ clicktrail inventory --at 2024-12-03T23:30Z --format json
	  $ clicktrail device G030PM0123456789
	  $ clicktrail lineage 3f1c9a52-7d0e-4b8e-9a51-2c6f0e9d1b7a --format json
	  $ clicktrail hunt --rules ./my-rules --format json
	  $ clicktrail report --out incident.html --since 2024-12-03T23:00Z --until 2024-12-04
	  $ clicktrail marks add 3f1c9a52-7d0e-4b8e-9a51-2c6f0e9d1b7a --note "first disable"
	  $ clicktrail athena run --bucket org-trail --org-id o-a1b2c3d4e5 --account 111122223333 --region us-east-1 --since 2024-12-01 --until 2024-12-05 --output s3://athena-results/case-42/
`;

// COMMAND --help and -h: that command's help, status 0 (before meow, which would parse the command's arguments).
const helpFor = helpRequest(process.argv.slice(2));
if (helpFor !== undefined) {
	try {
		writeSync(1, commandHelp(HELP, helpFor));
	} catch {
		// A closed pipe: nothing more to say.
	}
	process.exit(EXIT.ok);
}

// Output piped into a command that stopped reading (| head): exit quietly; the exit hooks remove temporary folders.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code !== 'EPIPE') throw error;
	process.exit(EXIT.ok);
});

const cli = meow(HELP, {
	importMeta: import.meta,
	argv: joinTimeValues(process.argv.slice(2)),
	allowUnknownFlags: false,
	flags: {
		db: {type: 'string'},
		since: {type: 'string'},
		until: {type: 'string'},
		allServices: {type: 'boolean', default: false},
		force: {type: 'boolean', default: false},
		quiet: {type: 'boolean', shortFlag: 'q', default: false},
		format: {type: 'string'},
		wide: {type: 'boolean'},
		maxRows: {type: 'number'},
		out: {type: 'string'},
		events: {type: 'number'},
		seed: {type: 'number'},
		badFiles: {type: 'boolean', default: false},
		profile: {type: 'string'},
		region: {type: 'string', isMultiple: true},
		bucketRegion: {type: 'string'},
		endpointUrl: {type: 'string'},
		account: {type: 'string', isMultiple: true},
		cacheDir: {type: 'string'},
		withDigests: {type: 'boolean', default: false},
		tz: {type: 'string'},
		view: {type: 'string'},
		fresh: {type: 'boolean', default: false},
		save: {type: 'string'},
		description: {type: 'string'},
		overwrite: {type: 'boolean', default: false},
		memoryLimit: {type: 'string'},
		maxFileSize: {type: 'string'},
		publicKeys: {type: 'string', isMultiple: true},
		signatures: {type: 'string'},
		bucket: {type: 'string'},
		publicKeysOut: {type: 'string'},
		signaturesOut: {type: 'string'},
		at: {type: 'string'},
		rules: {type: 'string', isMultiple: true},
		prefix: {type: 'string'},
		orgId: {type: 'string'},
		output: {type: 'string'},
		workgroup: {type: 'string'},
		database: {type: 'string'},
		athenaRegion: {type: 'string'},
		dialect: {type: 'string'},
		principal: {type: 'string', isMultiple: true},
		note: {type: 'string'},
	},
});

async function main(): Promise<number> {
	let options: Options;
	try {
		options = buildOptions(cli.input, cli.flags, process.env);
	} catch (error) {
		if (error instanceof UserError) {
			process.stderr.write(`clicktrail: ${error.message}\nRun clicktrail --help for usage.\n`);
			return EXIT.usage;
		}
		throw error;
	}
	switch (options.command) {
		case 'load':
			return (await import('./commands/load.js')).runLoad(options);
		case 'query':
			return (await import('./commands/query.js')).runQuery(options);
		case 'sample':
			return (await import('./commands/sample.js')).runSample(options);
		case 'demo':
			return (await import('./commands/demo.js')).runDemo(options);
		case 'screen':
			return (await import('./commands/screen.js')).runScreen(options);
		case 'views':
			return (await import('./commands/views.js')).runViews(options);
		case 'verify':
			return (await import('./commands/verify.js')).runVerify(options);
		case 'inventory':
			return (await import('./commands/inventory.js')).runInventory(options);
		case 'device':
			return (await import('./commands/inventory.js')).runDevice(options);
		case 'lineage':
			return (await import('./commands/lineage.js')).runLineage(options);
		case 'sessions':
			return (await import('./commands/lineage.js')).runSessions(options);
		case 'hunt':
			return (await import('./commands/hunt.js')).runHunt(options);
		case 'athena':
			return (await import('./commands/athena.js')).runAthena(options);
		case 'report':
			return (await import('./commands/report.js')).runReport(options);
		case 'marks':
			return (await import('./commands/marks.js')).runMarks(options);
	}
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UserError) {
			process.stderr.write(`clicktrail: ${error.message}\n`);
			process.exitCode = error.exitCode;
		} else {
			process.stderr.write(`clicktrail: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exitCode = EXIT.error;
		}
	},
);
