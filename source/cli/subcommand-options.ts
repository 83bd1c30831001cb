/**
 * The options of the commands with subcommands or several forms: inventory/device, lineage/sessions, views.
 */
import {exportFormatFor, isExportFormat} from '../query/export-sql.js';
import type {Flags, Options, OutputFormat, ViewsOptions} from './option-types.js';
import {FORMATS, time, usage} from './option-values.js';
/** inventory [--at TIME] and device DEVICE_ID: --format table, csv, json or ndjson. */
export function inventoryOptions(
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
export function lineageOptions(options: Options, command: 'lineage' | 'sessions', args: string[], flags: Flags): void {
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

const VIEWS_USAGE =
	'views list | views show NAME | views run NAME [--format FMT] | views export NAME --out FILE [--format csv|json|jsonl|parquet] | views delete NAME';

export function viewsOptions(args: string[], flags: Flags): ViewsOptions {
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
