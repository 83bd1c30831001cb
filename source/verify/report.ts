/**
 * The text form of a verification report: every problem, the files left unchecked grouped by reason, then the
 * summary. Every name made inert. (`--format json` lists every file, valid ones included.)
 */
import {inert} from '../text/inert.js';
import {STATUS_ORDER, type VerifyReport} from './types.js';

/** The report as text for a terminal or a file. `all` lists valid and unchecked files one by one too. */
export function formatText(report: VerifyReport, options: {all?: boolean} = {}): string {
	const {summary, findings} = report;
	const n = (value: number) => value.toLocaleString('en-US');
	const lines: string[] = [];
	const shown = findings.filter(
		finding => options.all || (finding.status !== 'valid' && finding.status !== 'not-checked'),
	);
	// Problems first, by severity, then by file.
	const rank = (status: string) => STATUS_ORDER.indexOf(status as (typeof STATUS_ORDER)[number]);
	shown.sort((a, b) => rank(a.status) - rank(b.status) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const width = Math.max(...shown.map(finding => finding.status.length), 0);
	for (const finding of shown) {
		lines.push(
			`${finding.status.padEnd(width)}  ${finding.kind === 'digest' ? 'digest' : 'log   '}  ${inert(finding.file)}`,
		);
		lines.push(`${' '.repeat(width)}  ${' '.repeat(6)}  ${inert(finding.detail)}`);
	}
	// Files left unchecked, one line per reason (without signatures that is every digest).
	if (!options.all) {
		const unchecked = new Map<string, string[]>();
		for (const finding of findings) {
			if (finding.status === 'not-checked')
				unchecked.set(finding.detail, [...(unchecked.get(finding.detail) ?? []), finding.file]);
		}
		for (const [detail, files] of unchecked) {
			lines.push(
				`not-checked  ${files.length === 1 ? inert(files[0]!) : `${n(files.length)} files, e.g. ${inert(files[0]!)}`}`,
			);
			lines.push(`             ${inert(detail)}`);
		}
	}
	if (lines.length > 0) lines.push('');
	lines.push(
		`verified ${inert(summary.source)}: ${n(summary.digests)} digest files in ${n(summary.chains)} chains, ${n(summary.logFiles)} log files`,
	);
	const counts = STATUS_ORDER.filter(status => summary.byStatus[status] > 0).map(
		status => `${n(summary.byStatus[status])} ${status}`,
	);
	lines.push(`findings: ${counts.length > 0 ? counts.join(', ') : 'none'}`);
	lines.push(
		summary.signaturesNote === undefined
			? `signatures: ${n(summary.signaturesChecked)} of ${n(summary.digests)} verified`
			: `signatures: ${inert(summary.signaturesNote)}`,
	);
	lines.push(summary.ok ? 'result: everything checked is valid' : 'result: PROBLEMS FOUND (see above)');
	return lines.join('\n') + '\n';
}
