/**
 * Parsing and checking of single option values: times, sizes, zones, formats; usage errors (exit status 2).
 */
import {existsSync} from 'node:fs';
import {EXIT, UserError} from '../exit-codes.js';
import {parseTime} from '../query/time.js';
import type {Flags, OutputFormat} from './option-types.js';

export const FORMATS = new Set<string>(['table', 'csv', 'json', 'ndjson']);

export function usage(message: string): UserError {
	return new UserError(message, EXIT.usage);
}

export function time(flag: string, value: string, now: Date, end: boolean): Date {
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
export function looksLikeCommand(arg: string): boolean {
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

export function positive(flag: string, value: number): number {
	if (!Number.isFinite(value) || value < 1) throw usage(`${flag} must be a positive number`);
	return Math.trunc(value);
}

export function isValidZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', {timeZone: zone});
		return true;
	} catch {
		return false;
	}
}

export function outputFormat(flags: Flags): OutputFormat {
	const format = flags.format ?? 'table';
	if (!FORMATS.has(format)) throw usage(`--format must be table, csv, json or ndjson, not "${format}"`);
	return format as OutputFormat;
}
