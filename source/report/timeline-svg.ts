/**
 * The report's timeline picture, as SVG text: events per bucket (failed calls in red on top of the rest), findings
 * as triangles over the bars, marked events as labelled lines. Every label is escaped; links are `#anchors` only,
 * and only when the SVG is inline in the HTML (a standalone SVG file has none).
 */
import {escapeHtml, reportTime} from './escape.js';
import type {Report} from './model.js';

export const TIMELINE_WIDTH = 1000;
export const TIMELINE_HEIGHT = 260;
const BUCKETS = 60;
const TOP = 70;
const BOTTOM = 225;
const LEFT = 50;
const RIGHT = TIMELINE_WIDTH - 10;

type Options = {
	/** Link findings and marks to their anchors (inline in the HTML). */
	links: boolean;
	/** The anchor of each eventID (for marks). */
	anchors: ReadonlyMap<string, string>;
};

export function timelineSvg(report: Report, options: Options): string {
	const parts: string[] = [
		`<svg${options.links ? '' : ' xmlns="http://www.w3.org/2000/svg"'} viewBox="0 0 ${TIMELINE_WIDTH} ${TIMELINE_HEIGHT}" width="${TIMELINE_WIDTH}" height="${TIMELINE_HEIGHT}" role="img" aria-label="Events over time" font-family="sans-serif" font-size="11">`,
		`<rect x="0" y="0" width="${TIMELINE_WIDTH}" height="${TIMELINE_HEIGHT}" fill="#fff"/>`,
	];
	const span = report.span;
	if (!span) return [...parts, `<text x="${LEFT}" y="${TOP}">no events selected</text>`, '</svg>'].join('\n');
	const from = span.from.getTime();
	const width = Math.max(span.to.getTime() - from, 1);
	const bucketMs = width / BUCKETS;
	const bucketOf = (time: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor((time - from) / bucketMs)));
	const all = Array.from({length: BUCKETS}, () => 0);
	const errors = Array.from({length: BUCKETS}, () => 0);
	for (const event of report.events) {
		const bucket = bucketOf(event.time.getTime());
		all[bucket]!++;
		if (event.errorCode) errors[bucket]!++;
	}
	const most = Math.max(...all, 1);
	const barWidth = (RIGHT - LEFT) / BUCKETS;
	const x = (time: number) => LEFT + ((time - from) / width) * (RIGHT - LEFT);
	const height = (n: number) => ((BOTTOM - TOP) * n) / most;
	parts.push(
		`<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="#444"/>`,
		`<text x="${LEFT - 4}" y="${TOP + 4}" text-anchor="end">${most}</text>`,
		`<text x="${LEFT - 4}" y="${BOTTOM}" text-anchor="end">0</text>`,
	);
	for (let i = 0; i < BUCKETS; i++) {
		const left = (LEFT + i * barWidth).toFixed(1);
		const w = Math.max(barWidth - 1, 1).toFixed(1);
		if (all[i]! > 0) {
			const h = height(all[i]!);
			parts.push(
				`<rect class="ok" x="${left}" y="${(BOTTOM - h).toFixed(1)}" width="${w}" height="${h.toFixed(1)}" fill="#4a78b5"/>`,
			);
		}
		if (errors[i]! > 0) {
			const h = height(errors[i]!);
			parts.push(
				`<rect class="error" x="${left}" y="${(BOTTOM - h).toFixed(1)}" width="${w}" height="${h.toFixed(1)}" fill="#c0392b"/>`,
			);
		}
	}
	for (const [index, finding] of report.findings.entries()) {
		const cx = x(finding.start.getTime()).toFixed(1);
		const triangle = `<path d="M ${cx} ${TOP - 6} l -5 -9 l 10 0 z" fill="#e67e22"><title>${escapeHtml(`finding: ${finding.title} (${finding.severity})`)}</title></path>`;
		parts.push(options.links ? `<a href="#f${index + 1}">${triangle}</a>` : triangle);
	}
	for (const [index, mark] of report.marks.entries()) {
		const mx = x(mark.time.getTime());
		const label = escapeHtml(`${mark.note || mark.eventName}`.slice(0, 40));
		const y = 14 + (index % 3) * 14;
		const anchor = options.anchors.get(mark.eventID);
		const group = `<g class="mark"><line x1="${mx.toFixed(1)}" y1="${y + 2}" x2="${mx.toFixed(1)}" y2="${BOTTOM}" stroke="#8e44ad" stroke-dasharray="3,2"/><text x="${Math.min(mx + 3, RIGHT - 200).toFixed(1)}" y="${y}" fill="#8e44ad">${label}</text></g>`;
		parts.push(options.links && anchor ? `<a href="#${anchor}">${group}</a>` : group);
	}
	parts.push(
		`<text x="${LEFT}" y="${BOTTOM + 16}">${escapeHtml(reportTime(span.from))}</text>`,
		`<text x="${RIGHT}" y="${BOTTOM + 16}" text-anchor="end">${escapeHtml(reportTime(span.to))}</text>`,
		`<text x="${(LEFT + RIGHT) / 2}" y="${BOTTOM + 30}" text-anchor="middle">${escapeHtml(`${BUCKETS} buckets of ${duration(bucketMs)} (UTC); blue: events, red: failed calls, orange: findings, purple: marked events`)}</text>`,
		'</svg>',
	);
	return parts.join('\n');
}

function duration(ms: number): string {
	if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
	if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
	if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
	return `${(ms / 86_400_000).toFixed(1)} d`;
}
