/**
 * The help screen's text, generated from the key-binding table, with notes on what Esc and u do and on the
 * timeline's marks. Pure: the help pane shows it, the help scope scrolls it.
 */
import {ERROR_MARK_HIGH, ERROR_MARK_LOW} from '../query/bars.js';
import {BINDINGS, keyLabel, type Scope} from './keys/bindings.js';
import {wrapWords} from './text/wrap-words.js';

const SCOPE_TITLES: Record<Scope, string> = {
	global: 'Everywhere',
	browse: 'Browsing (any pane)',
	filters: 'Filter bar',
	facets: 'Facets',
	timeline: 'Timeline',
	events: 'Events table',
	record: 'Record view',
	prompt: 'Prompt',
	console: 'SQL console (:)',
	result: 'Console result (Ctrl-↓ or Alt-↓ in the console)',
	cell: 'One cell whole (Enter on a result cell)',
	views: 'Saved views (V)',
	lineage: 'Lineage (L in a record)',
	sessions: 'Sessions (K)',
	findings: 'Findings (F)',
	inventory: 'Inventory (D)',
	dossier: "A device's dossier (Enter in the inventory)",
	marks: 'Marks (M)',
	help: 'Help',
	frequency: 'Frequency view (# in the events table)',
};

/** What the screen shows that no key explains, after the keys. */
const NOTES: ReadonlyArray<{title: string; lines: readonly string[]}> = [
	{
		title: 'Esc, u and Ctrl-R',
		lines: [
			'Esc closes, cancels or goes back; it never undoes a filter change on its own.',
			'Navigation: opening a record (Enter), and a pivot from a record (p d e i t) or from the lineage tree (a p).',
			'After a pivot, Esc goes back to that record, the filter before the pivot restored and the events cursor on the record (the status line says "back: filter restored").',
			'Filter changes: f, & (a text chip), facet include and exclude, the chips (x, !), E, c, zoom (z, Z), a pivot, a view opened.',
			'u undoes the last filter change and says what it undid; Ctrl-R redoes it.',
		],
	},
	{
		title: 'Timeline marks (the line under the histogram)',
		lines: [
			`${ERROR_MARK_HIGH}  half or more of the bucket's events failed; its bar is drawn in the error colour (red)`,
			`${ERROR_MARK_LOW}  some of the bucket's events failed, fewer than half; its bar keeps the bar colour`,
			'   (no mark) no event of the bucket failed',
			'▲  the bucket under the cursor, when the timeline has focus; ─ the span marked with Space',
		],
	},
];

/** Help lines that fit under the help's title in `height` lines. */
export function helpPageSize(height: number): number {
	return Math.max(1, height - 1);
}

/** Cells the keys take before a binding's text. */
export const KEY_COLUMN = 16;

/**
 * The help's lines. With a `width`, each text is wrapped under its keys so that no line is wider than `width`
 * cells; without one, each binding is one line (keys, then its whole text).
 */
export function helpLines(width = Number.POSITIVE_INFINITY): string[] {
	const lines: string[] = [];
	const indent = ' '.repeat(2 + KEY_COLUMN + 1);
	const entry = (keys: string, text: string) => {
		const wrapped = wrapWords(text, width - indent.length);
		if (keys.length > KEY_COLUMN && Number.isFinite(width)) lines.push(`  ${keys}`, ...wrapped.map(l => indent + l));
		else lines.push(`  ${keys.padEnd(KEY_COLUMN)} ${wrapped[0] ?? ''}`, ...wrapped.slice(1).map(l => indent + l));
	};
	for (const scope of Object.keys(SCOPE_TITLES) as Scope[]) {
		const bindings = BINDINGS.filter(b => b.scope === scope);
		if (bindings.length === 0) continue;
		lines.push(...wrapWords(SCOPE_TITLES[scope], width));
		for (const b of bindings) entry(b.keys.map(keyLabel).join(' '), b.help);
	}
	for (const note of NOTES) {
		lines.push(...wrapWords(note.title, width));
		for (const line of note.lines) lines.push(...wrapWords(line, width - 2).map(l => `  ${l}`));
	}
	return lines;
}
