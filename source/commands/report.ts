/**
 * `clicktrail report --out FILE.html|FILE.md [--view NAME] [--since T] [--until T] [--principal P]...`: the incident
 * report over the events the filter selects (source/report/). The case file is only read.
 */
import {EXIT, UserError} from '../exit-codes.js';
import type {Options} from '../options.js';
import {addChip, chipLabel, EMPTY_FILTER, type FilterState} from '../query/filters.js';
import {buildWhere} from '../query/where.js';
import {gatherReport} from '../report/gather.js';
import {clicktrailVersion, ReportError, writeReport} from '../report/write.js';
import type {CaseFile} from '../store/database.js';
import {getView} from '../store/views.js';
import {inert} from '../text/inert.js';
import {withCase} from './inventory.js';

/** The filter the options ask for: the view's chips, then --since, --until and each --principal. */
async function reportFilter(db: CaseFile, options: Options): Promise<FilterState> {
	const report = options.report!;
	let filter = EMPTY_FILTER;
	if (report.view !== undefined) {
		const view = await getView(db, report.view);
		if (!view.filter)
			throw new UserError(
				`view "${inert(view.name)}" is a SQL view: a report needs a filter view (or none)`,
				EXIT.error,
			);
		filter = view.filter;
	}
	if (options.since) filter = addChip(filter, {kind: 'from', time: options.since, label: options.since.toISOString()});
	if (options.until) filter = addChip(filter, {kind: 'until', time: options.until, label: options.until.toISOString()});
	for (const principal of report.principals)
		filter = addChip(filter, {kind: 'field', field: 'principal', value: principal, exclude: false});
	return filter;
}

export async function runReport(options: Options): Promise<number> {
	const report = options.report!;
	const data = await withCase(options, async db => {
		const filter = await reportFilter(db, options);
		return gatherReport(db, {
			caseFile: options.db,
			where: buildWhere(filter),
			filter: filter.chips.map(chip => chipLabel(chip)),
			version: clicktrailVersion(),
		});
	});
	try {
		const files = await writeReport(data, {...report, caseFile: options.db});
		process.stderr.write(
			`report of ${data.events.length.toLocaleString('en-US')} events written to ${files.map(inert).join(' and ')}\n`,
		);
	} catch (error) {
		if (error instanceof ReportError) throw new UserError(inert(error.message), EXIT.error);
		throw error;
	}
	return EXIT.ok;
}
