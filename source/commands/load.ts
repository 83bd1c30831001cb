/**
 * `clicktrail load SOURCE...`: local files, directories and globs (and s3:// URIs) into the case file.
 */
import {EXIT} from '../exit-codes.js';
import {emptySummary, loadFiles, type FileNote, type LoadSummary} from '../loader/load-files.js';
import {describeRejected} from '../loader/rejected.js';
import type {Options} from '../options.js';
import {gatherSources} from '../sources/gather.js';
import {CaseFile} from '../store/database.js';
import {refreshSummaries} from '../store/summaries.js';
import {inert} from '../text/inert.js';
import {megabytes, progressSink} from './progress.js';

export async function runLoad(options: Options): Promise<number> {
	const summary = await loadSources(options);
	if (summary.filesFailed.length === 0) return EXIT.ok;
	const succeeded = summary.filesLoaded + summary.filesUnchanged + summary.filesSkipped.length;
	return succeeded === 0 ? EXIT.error : EXIT.partial;
}

/** Load options.sources into options.db, printing progress and the summary; shared by `load` and the screen. */
export async function loadSources(options: Options): Promise<LoadSummary> {
	const gathered = await gatherSources(options, {quiet: options.quiet, stderr: process.stderr});
	let summary: LoadSummary;
	if (gathered.files.length === 0 && gathered.failures.length > 0) {
		// Nothing to load: no case file is created for nothing (a mistyped path).
		summary = emptySummary();
	} else {
		// DuckDB's buffer pool would otherwise grow towards most of the machine's memory while loading. Measured on
		// 1M records at 50% IoT: no limit 50 s / 1.85 GB peak RSS; 1 GB 49 s / 1.6 GB; 512 MB 69 s / 1.1 GB. The
		// default is in options.ts.
		const progress = progressSink(process.stderr, options.quiet);
		let db: CaseFile;
		try {
			db = await CaseFile.open(options.db, {memoryLimit: options.memoryLimit, onUpgrade: note => progress.phase(note)});
		} catch (error) {
			progress.done();
			throw error;
		}
		try {
			summary = await loadFiles(db, gathered.files, {
				allServices: options.allServices,
				since: options.since,
				until: options.until,
				force: options.force,
				batchFiles: options.batchFiles,
				maxFileBytes: options.maxFileBytes,
				memoryLimit: options.memoryLimit,
				onProgress: p => progress.update(p),
			});
			// The screen's summaries (store/summaries.ts), brought up to date when the load added events (about 2 s
			// a million events when rebuilt).
			progress.phase('updating the screen summaries …');
			await refreshSummaries(db);
		} finally {
			progress.done();
			db.close();
		}
	}
	summary.filesSkipped.unshift(...gathered.notes);
	summary.filesFailed.unshift(...gathered.failures);
	summary.filesTotal += gathered.failures.length;
	printSummary(summary, gathered.ignored, options);
	return summary;
}

function printSummary(summary: LoadSummary, ignored: number, options: Options): void {
	const out = process.stdout;
	const err = process.stderr;
	if (!options.quiet) {
		// Skips are expected (an archive has a digest beside every hour of logs): one line per reason.
		const byReason = new Map<string, FileNote[]>();
		for (const note of summary.filesSkipped) byReason.set(note.reason, [...(byReason.get(note.reason) ?? []), note]);
		for (const [reason, notes] of byReason) {
			err.write(
				notes.length === 1
					? `skipped: ${describe(notes[0]!)}\n`
					: `skipped ${notes.length.toLocaleString('en-US')} files: ${inert(reason)} (e.g. ${inert(notes[0]!.origin)})\n`,
			);
		}
	}
	for (const note of summary.filesFailed) err.write(`failed: ${describe(note)}\n`);
	if (options.quiet) return;
	const n = (value: number) => value.toLocaleString('en-US');
	const seconds = summary.elapsedMs / 1000;
	const files = [
		`${n(summary.filesLoaded)} loaded${summary.filesPassedOver > 0 ? ` (${n(summary.filesPassedOver)} skipped by the content scan: no record that could be kept)` : ''}`,
		`${n(summary.filesUnchanged)} unchanged`,
		`${n(summary.filesSkipped.length)} skipped (not events)`,
		`${n(summary.filesFailed.length)} failed`,
	];
	if (ignored > 0) files.push(`${n(ignored)} other files ignored`);
	out.write(`files: ${files.join(', ')}\n`);
	const reasons = describeRejected(summary.rejected);
	const events = [
		`${n(summary.eventsAdded)} added`,
		`${n(summary.duplicates)} duplicates`,
		`${n(summary.otherService)} other-service skipped`,
		`${n(summary.badRecords)} bad records${summary.badRecords > 0 && reasons ? ` (${reasons})` : ''}`,
	];
	if (options.since || options.until) events.push(`${n(summary.outOfRange)} outside the time range`);
	out.write(`events: ${events.join(', ')}${options.allServices ? ' (all services)' : ''}\n`);
	out.write(
		`identity events (for lineage): ${n(summary.identityAdded)} added, ${n(summary.identityDuplicates)} duplicates\n`,
	);
	out.write(
		`time: ${seconds.toFixed(1)} s, ${megabytes(summary.bytes)} read (${megabytes(seconds > 0 ? summary.bytes / seconds : 0)}/s), case file ${options.db}\n`,
	);
}

function describe(note: FileNote): string {
	return `${inert(note.origin)}: ${inert(note.reason)}`;
}
