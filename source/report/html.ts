/**
 * The report as one HTML file: inline CSS and SVG, no scripts, no external resource (links are `#anchors` only),
 * printable. Every value from the logs goes through escapeHtml; every statement links the events it rests on.
 */
import {escapeHtml as h, reportTime} from './escape.js';
import type {Count, Report} from './model.js';
import {timelineSvg} from './timeline-svg.js';

const CSS = `
body{font:13px/1.4 system-ui,sans-serif;margin:24px;color:#111;max-width:1400px}
h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #999;margin-top:28px}
table{border-collapse:collapse;margin:6px 0;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#eee}code,.id{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
.sev-critical,.sev-high{color:#b00;font-weight:bold}.tampered,.missing,.signature-invalid,.chain-gap{color:#b00;font-weight:bold}
.verified{color:#070}.unverified{color:#a60}.err{color:#b00}tr:target{background:#ffd}.note{font-style:italic}
a{color:#1a4f99}.cites{font-size:11px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 24px}.grid td:first-child{word-break:break-all}figure{margin:0}
@media print{body{margin:0;font-size:10px}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}svg{max-width:100%;height:auto}}
`;

/** Links to the event rows of `eventIDs` (events not selected are shown unlinked), then how many more. */
export function citeHtml(
	eventIDs: readonly string[],
	anchors: ReadonlyMap<string, string>,
	total = eventIDs.length,
	short = false,
): string {
	const links = eventIDs.map(id => {
		const anchor = anchors.get(id);
		// Short: the ID's first 8 characters, whole in the title and in the event row the link leads to.
		const label = short && id.length > 9 ? `${h(id.slice(0, 8))}…` : h(id);
		return anchor ? `<a class="id" href="#${anchor}" title="${h(id)}">${label}</a>` : `<code>${h(id)}</code>`;
	});
	const more = total > eventIDs.length ? ` and ${total - eventIDs.length} more` : '';
	return `<span class="cites">${links.join(', ')}${more}</span>`;
}

export function reportHtml(report: Report): string {
	const anchors = new Map(report.events.map(event => [event.eventID, event.anchor]));
	const cite: Cite = (ids, total, short) => citeHtml(ids, anchors, total, short);
	const out: string[] = [
		'<!DOCTYPE html>',
		'<html lang="en"><head><meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
		`<title>${h(`clicktrail report: ${report.caseFile}`)}</title>`,
		`<style>${CSS}</style></head><body>`,
		`<h1>Incident report</h1>`,
	];
	out.push(...scope(report, cite));
	out.push('<h2 id="timeline">Timeline</h2>', `<figure>${timelineSvg(report, {links: true, anchors})}</figure>`);
	out.push('<h2 id="summary">Summary</h2>', '<div class="grid">');
	for (const part of report.summary) out.push(`<div>${countTable(part.title, part.counts, cite)}</div>`);
	out.push('</div>');
	out.push(...findings(report, cite), ...lineage(report, cite), ...changes(report, cite), ...marks(report, cite));
	out.push(...events(report), '</body></html>', '');
	return out.join('\n');
}

/** Values each summary table shows. */
const TOP_VALUES = 12;

type Cite = (ids: readonly string[], total?: number, short?: boolean) => string;

function scope(report: Report, cite: Cite): string[] {
	const span = report.span ? `${reportTime(report.span.from)} to ${reportTime(report.span.to)}` : 'no events';
	const integrity = Object.entries(report.integrity)
		.map(([status, n]) => `<span class="${h(status)}">${n} ${h(status)}</span>`)
		.join(', ');
	const rows: Array<[string, string]> = [
		['case file', h(report.caseFile)],
		[
			'filter',
			report.filter.length === 0
				? 'none: every event in the case file'
				: report.filter.map(chip => `[${h(chip)}]`).join(' '),
		],
		['events selected', String(report.events.length)],
		['time span', h(span)],
		['time zone', 'UTC (every time in this report)'],
		['accounts', h(report.accounts.join(', ') || 'none')],
		['regions', h(report.regions.join(', ') || 'none')],
		['source files', `${report.files.length} (${integrity || 'none'})`],
		['written', `${h(reportTime(report.generated))} by clicktrail ${h(report.version)}`],
	];
	return [
		'<h2 id="scope">Scope and evidence</h2>',
		`<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`,
		'<table><tr><th>source file</th><th>ledger status</th><th>integrity</th><th>events</th><th>first event</th></tr>',
		...report.files.map(
			file =>
				`<tr><td><code>${h(file.path)}</code></td><td>${h(file.status)}</td><td class="${h(file.integrity)}">${h(file.integrity)}</td><td>${file.events}</td><td>${cite([file.firstEventID])}</td></tr>`,
		),
		'</table>',
	];
}

function countTable(title: string, counts: readonly Count[], cite: Cite): string {
	if (counts.length === 0) return `<h3>By ${h(title)}</h3><p>none</p>`;
	const rows = counts
		.slice(0, TOP_VALUES)
		.map(
			count =>
				`<tr><td>${h(count.value)}</td><td>${count.count}</td><td>${cite(count.eventIDs, count.count, true)}</td></tr>`,
		);
	const more = counts.length > TOP_VALUES ? `<p>and ${counts.length - TOP_VALUES} more values</p>` : '';
	return `<h3>By ${h(title)}</h3><table><tr><th>${h(title)}</th><th>events</th><th>events (the first, oldest first)</th></tr>${rows.join('')}</table>${more}`;
}

function findings(report: Report, cite: Cite): string[] {
	const out = ['<h2 id="findings">Findings</h2>'];
	if (report.findings.length === 0)
		return [...out, '<p>No hunt finding rests on the selected events (run <code>clicktrail hunt</code> first).</p>'];
	out.push(
		'<table><tr><th>#</th><th>severity</th><th>rule</th><th>principal</th><th>from</th><th>to</th><th>events</th></tr>',
	);
	for (const [index, f] of report.findings.entries()) {
		out.push(
			`<tr id="f${index + 1}"><td>${index + 1}</td><td class="sev-${h(f.severity)}">${h(f.severity)}</td><td>${h(f.title)}<br><code>${h(f.ruleId)}</code>${f.triage ? `<br><span class="note">${h(f.triage)}</span>` : ''}</td><td>${h(f.principal)}</td><td>${h(reportTime(f.start))}</td><td>${h(reportTime(f.end))}</td><td>${f.eventIDs.length}: ${cite(f.eventIDs)}</td></tr>`,
		);
	}
	return [...out, '</table>'];
}

function lineage(report: Report, cite: Cite): string[] {
	const out = ['<h2 id="lineage">Principals and their credential lineage</h2>'];
	if (report.lineage.length === 0) return [...out, '<p>none</p>'];
	out.push(
		'<table><tr><th>principal</th><th>access key</th><th>hops (newest first)</th><th>origin</th><th>traced from</th></tr>',
	);
	for (const principal of report.lineage) {
		for (const key of principal.keys) {
			const hops = key.hops
				.map(
					hop =>
						`${h(hop.accessKeyId)} &larr; ${hop.eventID ? `${h(hop.eventName)} by ${h(hop.principal)} ${cite([hop.eventID])}` : '<span class="err">issuance not in the case file</span>'}`,
				)
				.join('<br>');
			const origin = `${h(key.origin)} · ${h(key.originKind)} · ${key.complete ? 'complete' : `<span class="err">gap</span>: ${h(key.reason)}`}`;
			out.push(
				`<tr><td>${h(principal.principal)}</td><td><code>${h(key.accessKeyId || 'none')}</code> (${key.events} events)</td><td>${hops || 'none'}</td><td>${origin}</td><td>${cite([key.eventID])}</td></tr>`,
			);
		}
	}
	return [...out, '</table>'];
}

function changes(report: Report, cite: Cite): string[] {
	const out = ['<h2 id="changes">IoT 1-Click changes</h2>'];
	if (report.changes.length === 0)
		return [...out, '<p>No successful call disabled, re-enabled, took out or deleted anything.</p>'];
	out.push('<table><tr><th>time</th><th>change</th><th>before &rarr; after</th><th>by</th><th>event</th></tr>');
	for (const c of report.changes)
		out.push(
			`<tr><td>${h(reportTime(c.time))}</td><td>${h(c.what)}</td><td>${h(c.before)} &rarr; ${h(c.after)}</td><td>${h(c.principal)}</td><td>${cite([c.eventID])}</td></tr>`,
		);
	return [...out, '</table>'];
}

function marks(report: Report, cite: Cite): string[] {
	const out = ['<h2 id="marks">Marked events</h2>'];
	if (report.marks.length === 0)
		return [
			...out,
			'<p>No selected event is marked (<code>m</code> in the screen, or <code>clicktrail marks add</code>).</p>',
		];
	out.push('<table><tr><th>time</th><th>eventName</th><th>principal</th><th>note</th><th>event</th></tr>');
	for (const m of report.marks)
		out.push(
			`<tr><td>${h(reportTime(m.time))}</td><td>${h(m.eventName)}</td><td>${h(m.principal)}</td><td class="note">${h(m.note)}</td><td>${cite([m.eventID])}</td></tr>`,
		);
	return [...out, '</table>'];
}

function events(report: Report): string[] {
	const out = [
		`<h2 id="events">Events (${report.events.length})</h2>`,
		'<table><tr><th>#</th><th>time</th><th>eventName</th><th>principal</th><th>device</th><th>source IP</th><th>user agent</th><th>error</th><th>eventID</th><th>source file</th><th>integrity</th></tr>',
	];
	for (const e of report.events)
		out.push(
			`<tr id="${e.anchor}"><td>${e.anchor.slice(1)}</td><td>${h(reportTime(e.time))}</td><td>${h(e.eventName)}</td><td>${h(e.principal)}</td><td>${h(e.deviceId)}</td><td>${h(e.sourceIPAddress)}</td><td><code>${h(e.userAgent)}</code></td><td class="err">${h(e.errorCode)}</td><td class="id">${h(e.eventID)}</td><td><code>${h(e.sourceFile)}</code></td><td class="${h(e.integrity)}">${h(e.integrity)}</td></tr>`,
		);
	return [...out, '</table>'];
}
