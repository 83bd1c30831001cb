/**
 * The report as Markdown, for tickets: the same sections as the HTML, the timeline as a link to the SVG file written
 * beside it. Values from the logs go through escapeMarkdown; eventIDs link to the event rows' anchors.
 */
import {escapeMarkdown as m, reportTime} from './escape.js';
import type {Count, Report} from './model.js';

type Cite = (ids: readonly string[], total?: number) => string;

export function reportMarkdown(report: Report, timelineFile: string): string {
	const anchors = new Map(report.events.map(event => [event.eventID, event.anchor]));
	const cite: Cite = (ids, total = ids.length) => {
		const links = ids.map(id => {
			const anchor = anchors.get(id);
			return anchor ? `[${m(id)}](#${anchor})` : m(id);
		});
		return `${links.join(', ')}${total > ids.length ? ` and ${total - ids.length} more` : ''}`;
	};
	const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
	const table = (head: readonly string[], rows: readonly string[][]) =>
		[row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
	const span = report.span ? `${reportTime(report.span.from)} to ${reportTime(report.span.to)}` : 'no events';
	const out: string[] = ['# Incident report', '', '## Scope and evidence', ''];
	out.push(
		table(
			['', ''],
			[
				['case file', m(report.caseFile)],
				[
					'filter',
					report.filter.length === 0
						? 'none: every event in the case file'
						: report.filter.map(c => `\\[${m(c)}\\]`).join(' '),
				],
				['events selected', String(report.events.length)],
				['time span', m(span)],
				['time zone', 'UTC (every time in this report)'],
				['accounts', m(report.accounts.join(', ') || 'none')],
				['regions', m(report.regions.join(', ') || 'none')],
				[
					'source files',
					`${report.files.length} (${
						Object.entries(report.integrity)
							.map(([s, n]) => `${n} ${m(s)}`)
							.join(', ') || 'none'
					})`,
				],
				['written', `${m(reportTime(report.generated))} by clicktrail ${m(report.version)}`],
			],
		),
		'',
		table(
			['source file', 'ledger status', 'integrity', 'events', 'first event'],
			report.files.map(f => [m(f.path), m(f.status), m(f.integrity), String(f.events), cite([f.firstEventID])]),
		),
		'',
		'## Summary',
	);
	for (const part of report.summary) out.push('', `### By ${part.title}`, '', counts(part.title, part.counts));
	out.push('', '## Timeline', '', `![Events over time](${encodeURI(timelineFile)})`, '', '## Findings', '');
	out.push(
		report.findings.length === 0
			? 'No hunt finding rests on the selected events (run `clicktrail hunt` first).'
			: table(
					['#', 'severity', 'rule', 'principal', 'from', 'to', 'events'],
					report.findings.map((f, i) => [
						`<a id="f${i + 1}"></a>${i + 1}`,
						m(f.severity),
						`${m(f.title)} (${m(f.ruleId)})`,
						m(f.principal),
						m(reportTime(f.start)),
						m(reportTime(f.end)),
						`${f.eventIDs.length}: ${cite(f.eventIDs)}`,
					]),
				),
		'',
		'## Principals and their credential lineage',
		'',
	);
	const keys = report.lineage.flatMap(p =>
		p.keys.map(k => [
			m(p.principal),
			`${m(k.accessKeyId || 'none')} (${k.events} events)`,
			k.hops
				.map(
					hop =>
						`${m(hop.accessKeyId)} ← ${hop.eventID ? `${m(hop.eventName)} by ${m(hop.principal)} ${cite([hop.eventID])}` : 'issuance not in the case file'}`,
				)
				.join('<br>') || 'none',
			`${m(k.origin)} · ${m(k.originKind)} · ${k.complete ? 'complete' : `gap: ${m(k.reason)}`}`,
			cite([k.eventID]),
		]),
	);
	out.push(
		keys.length === 0
			? 'none'
			: table(['principal', 'access key', 'hops (newest first)', 'origin', 'traced from'], keys),
	);
	out.push('', '## IoT 1-Click changes', '');
	out.push(
		report.changes.length === 0
			? 'No successful call disabled, re-enabled, took out or deleted anything.'
			: table(
					['time', 'change', 'before → after', 'by', 'event'],
					report.changes.map(c => [
						m(reportTime(c.time)),
						m(c.what),
						`${m(c.before)} → ${m(c.after)}`,
						m(c.principal),
						cite([c.eventID]),
					]),
				),
	);
	out.push('', '## Marked events', '');
	out.push(
		report.marks.length === 0
			? 'No selected event is marked.'
			: table(
					['time', 'eventName', 'principal', 'note', 'event'],
					report.marks.map(k => [m(reportTime(k.time)), m(k.eventName), m(k.principal), m(k.note), cite([k.eventID])]),
				),
	);
	out.push('', `## Events (${report.events.length})`, '');
	out.push(
		table(
			[
				'#',
				'time',
				'eventName',
				'principal',
				'device',
				'source IP',
				'user agent',
				'error',
				'eventID',
				'source file',
				'integrity',
			],
			report.events.map(e => [
				`<a id="${e.anchor}"></a>${e.anchor.slice(1)}`,
				m(reportTime(e.time)),
				m(e.eventName),
				m(e.principal),
				m(e.deviceId),
				m(e.sourceIPAddress),
				m(e.userAgent),
				m(e.errorCode),
				m(e.eventID),
				m(e.sourceFile),
				m(e.integrity),
			]),
		),
		'',
	);
	return out.join('\n');

	function counts(title: string, list: readonly Count[]): string {
		if (list.length === 0) return 'none';
		const shown = table(
			[m(title), 'events', 'events (the first, oldest first)'],
			list.slice(0, 25).map(c => [m(c.value), String(c.count), cite(c.eventIDs, c.count)]),
		);
		return list.length > 25 ? `${shown}\n\nand ${list.length - 25} more values` : shown;
	}
}
