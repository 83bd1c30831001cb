/**
 * Writing a report: the HTML file, or the Markdown file and its timeline SVG beside it, each under a temporary
 * name and renamed when complete. An existing file is replaced only with `overwrite`; never the case file.
 */
import {existsSync, readFileSync, realpathSync} from 'node:fs';
import {rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {reportHtml} from './html.js';
import {reportMarkdown} from './markdown.js';
import type {Report} from './model.js';
import {timelineSvg} from './timeline-svg.js';

/** A report that cannot be written where asked. */
export class ReportError extends Error {
	override name = 'ReportError';
}

/** clicktrail's version, from its package.json. */
export function clicktrailVersion(): string {
	try {
		const file = new URL('../../package.json', import.meta.url);
		return String((JSON.parse(readFileSync(file, 'utf8')) as {version?: string}).version ?? 'unknown');
	} catch {
		return 'unknown';
	}
}

/** Where the Markdown report's timeline goes: beside it, `NAME.timeline.svg`. */
export function timelinePath(out: string): string {
	return path.join(path.dirname(out), `${path.basename(out, path.extname(out))}.timeline.svg`);
}

export type WriteReportOptions = {out: string; format: 'html' | 'md'; overwrite: boolean; caseFile: string};

/** Writes the report; returns the files written. */
export async function writeReport(report: Report, options: WriteReportOptions): Promise<string[]> {
	const files: Array<[string, string]> =
		options.format === 'html'
			? [[options.out, reportHtml(report)]]
			: [
					[options.out, reportMarkdown(report, path.basename(timelinePath(options.out)))],
					[timelinePath(options.out), `${timelineSvg(report, {links: false, anchors: new Map()})}\n`],
				];
	for (const [file] of files) {
		if (same(file, options.caseFile) || same(file, `${options.caseFile}.wal`))
			throw new ReportError(`will not write the report over the case file (${file})`);
		if (existsSync(file) && !options.overwrite)
			throw new ReportError(`${file} exists: pass --overwrite to replace it, or choose another name`);
	}
	for (const [file, text] of files) {
		const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
		try {
			await writeFile(temporary, text, {mode: 0o644});
			await rename(temporary, file);
		} catch (error) {
			await rm(temporary, {force: true});
			throw new ReportError(`cannot write ${file}: ${(error as Error).message}`);
		}
	}
	return files.map(([file]) => file);
}

function same(a: string, b: string): boolean {
	const real = (p: string) => {
		try {
			return realpathSync(p);
		} catch {
			return path.resolve(p);
		}
	};
	return real(a) === real(b);
}
