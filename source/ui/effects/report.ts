/**
 * The screen's `R`: the report of the filtered events (the same as `clicktrail report` with that filter), gathered on
 * the reader's 'report' lane (the case file the screen holds, read-only; DuckDB works off the UI thread) and written
 * beside the working folder. Says what it is doing meanwhile, and where it wrote (or why it did not).
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {chipLabel} from '../../query/filters.js';
import {buildWhere} from '../../query/where.js';
import {gatherReport} from '../../report/gather.js';
import {clicktrailVersion, writeReport} from '../../report/write.js';
import type {ReadLanes} from '../../store/reader.js';
import {Superseded} from '../../store/superseded.js';
import type {Effect} from '../state/actions.js';
import type {Dispatch} from '../state/screen-store.js';

/** Writes the report `effect` asks for. */
export function writeReportEffect(
	reader: ReadLanes,
	dispatch: Dispatch,
	effect: Extract<Effect, {type: 'write-report'}>,
): void {
	const out = path.resolve(effect.path);
	if (!effect.overwrite && existsSync(out)) {
		dispatch({type: 'prompt-confirm-overwrite', path: effect.path});
		return;
	}
	dispatch({type: 'prompt-done', message: 'writing the report'});
	const progress = (text: string) => dispatch({type: 'working', text: `report: ${text}`});
	progress('reading the events');
	const {filter, caseFile, format, overwrite} = effect;
	reader
		.run('report', query =>
			gatherReport(query, {
				caseFile,
				where: buildWhere(filter),
				filter: filter.chips.map(chip => chipLabel(chip)),
				version: clicktrailVersion(),
				progress,
			}),
		)
		.then(async report => {
			progress(`writing ${report.events.length.toLocaleString('en-US')} events`);
			const files = await writeReport(report, {out, format, overwrite, caseFile});
			// The status bar keeps a long message's end: the files written.
			const events = `${report.events.length.toLocaleString('en-US')} events`;
			dispatch({type: 'working', message: `report of ${events} written to ${files.join(' and ')}`});
		})
		.catch((error: unknown) => {
			if (error instanceof Superseded) return;
			const reason = error instanceof Error ? error.message : String(error);
			dispatch({type: 'working', message: `no report written: ${reason}`});
		});
}
