/**
 * Command-line options of `clicktrail report` and `clicktrail marks`, parsed apart from source/options.ts (which
 * calls these with a few lines).
 */
import path from 'node:path';
import {EXIT, UserError} from '../exit-codes.js';

/** report --out FILE.html|FILE.md [--view NAME] [--principal P]... [--overwrite]; --since/--until are Options'. */
export type ReportOptions = {
	out: string;
	format: 'html' | 'md';
	view?: string;
	principals: string[];
	overwrite: boolean;
};

/** marks list [--format FMT] | marks add EVENT_ID [--note TEXT] | marks delete EVENT_ID. */
export type MarksOptions =
	{action: 'list'} | {action: 'add'; eventID: string; note?: string} | {action: 'delete'; eventID: string};

/** The flags these read. */
export type ReportFlags = {out?: string; view?: string; principal?: string[]; overwrite?: boolean; note?: string};

function usage(message: string): UserError {
	return new UserError(message, EXIT.usage);
}

/** The report's format from its file name: .html/.htm or .md/.markdown. */
export function reportFormatFor(file: string): 'html' | 'md' | undefined {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.html' || extension === '.htm') return 'html';
	if (extension === '.md' || extension === '.markdown') return 'md';
	return undefined;
}

export function reportOptions(args: readonly string[], flags: ReportFlags): ReportOptions {
	if (args.length > 0) throw usage(`report takes no arguments (got "${args[0]}"); the file is --out FILE.html|FILE.md`);
	if (!flags.out || flags.out.trim() === '') throw usage('report needs --out FILE.html or --out FILE.md');
	const format = reportFormatFor(flags.out);
	if (!format) throw usage(`report --out: name the file .html or .md, not "${path.basename(flags.out)}"`);
	if (flags.view !== undefined && flags.view.trim() === '') throw usage('--view needs the name of a saved view');
	const principals = flags.principal ?? [];
	if (principals.some(p => p.trim() === '')) throw usage('--principal needs a principal (an ARN, a service, ...)');
	return {
		out: flags.out,
		format,
		principals,
		overwrite: flags.overwrite ?? false,
		...(flags.view === undefined ? {} : {view: flags.view}),
	};
}

const MARKS_USAGE = 'marks list | marks add EVENT_ID [--note TEXT] | marks delete EVENT_ID';

export function marksOptions(args: readonly string[], flags: ReportFlags): MarksOptions {
	const [action, eventID, ...extra] = args;
	if (action === undefined) throw usage(`marks needs a subcommand: ${MARKS_USAGE}`);
	if (action === 'list') {
		if (eventID !== undefined) throw usage('marks list takes no arguments');
		if (flags.note !== undefined) throw usage('--note goes with marks add');
		return {action};
	}
	if (action !== 'add' && action !== 'delete') throw usage(`unknown marks subcommand "${action}": ${MARKS_USAGE}`);
	if (eventID === undefined || eventID.trim() === '') throw usage(`marks ${action} needs an EVENT_ID`);
	if (extra.length > 0) throw usage(`marks ${action} takes one EVENT_ID (the note is --note TEXT)`);
	if (action === 'delete') {
		if (flags.note !== undefined) throw usage('--note goes with marks add');
		return {action, eventID};
	}
	return {action, eventID, ...(flags.note === undefined ? {} : {note: flags.note})};
}
