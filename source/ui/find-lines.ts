/**
 * Find in the record view: which JSON lines contain the text, and where in each token, by the rule the events table's
 * find uses (source/query/find.ts: case does not count, nor the whitespace between JSON tokens). A line is compared
 * in its minified form (`"enabled":false,`, the punctuation without its spaces), as the case file stores records, so
 * `"enabled":false` and `"enabled": false` both find the line `"enabled": false`. Pure; the tokens are inert text
 * already (json-lines.ts), and a range only says which of their characters to highlight.
 */
import {findForms, lowerKeepingLength} from '../query/find.js';
import type {JsonLine} from './json-lines.js';
import {inert} from '../text/inert.js';

/** The characters [start, end) of a token's shown text to highlight. */
export type TokenRange = {token: number; start: number; end: number};

type Compact = {text: string; token: number[]; offset: number[]};

/** A line as the case file stores it, minified, with where each of its characters is shown. */
function compactLine(line: JsonLine): Compact {
	const out: Compact = {text: '', token: [], offset: []};
	for (const [t, token] of line.tokens.entries()) {
		// clicktrail's own notes ([key ×2: first kept]) are not the record's text.
		if (token.kind === 'marker') continue;
		const shown = inert(token.text);
		for (let i = 0; i < shown.length; i++) {
			if (token.kind === 'punctuation' && /\s/.test(shown[i]!)) continue;
			out.text += shown[i];
			out.token.push(t);
			out.offset.push(i);
		}
	}
	out.text = lowerKeepingLength(out.text);
	return out;
}

/** Where `text` occurs in the line: ranges of its tokens' shown text (none: the line does not contain it). */
export function lineMatches(line: JsonLine, text: string): TokenRange[] {
	const forms = findForms(text);
	if (forms.length === 0) return [];
	const compact = compactLine(line);
	const covered = new Array<boolean>(compact.text.length).fill(false);
	let any = false;
	for (const form of forms) {
		for (let at = compact.text.indexOf(form); at !== -1; at = compact.text.indexOf(form, at + 1)) {
			any = true;
			covered.fill(true, at, at + form.length);
		}
	}
	if (!any) return [];
	const ranges: TokenRange[] = [];
	for (let i = 0; i < covered.length; i++) {
		if (!covered[i]) continue;
		const token = compact.token[i]!;
		const start = compact.offset[i]!;
		let end = start + 1;
		while (i + 1 < covered.length && covered[i + 1] && compact.token[i + 1] === token) {
			i++;
			end = compact.offset[i]! + 1;
		}
		ranges.push({token, start, end});
	}
	return ranges;
}

/** Whether the line contains `text`. */
export function lineContains(line: JsonLine, text: string): boolean {
	return lineMatches(line, text).length > 0;
}

/**
 * The first line from `from` (itself too, with `inclusive`) down (next) or up (previous) that contains `text`,
 * around the end once; with whether it wrapped. Undefined when no line contains it.
 */
export function findLine(
	lines: readonly JsonLine[],
	text: string,
	from: number,
	direction: 'next' | 'previous',
	inclusive: boolean,
): {line: number; wrapped: boolean} | undefined {
	const count = lines.length;
	if (count === 0) return undefined;
	const step = direction === 'next' ? 1 : -1;
	const start = Math.max(0, Math.min(count - 1, from));
	for (let k = inclusive ? 0 : 1; k <= count; k++) {
		const raw = start + step * k;
		const line = ((raw % count) + count) % count;
		if (lineContains(lines[line]!, text)) return {line, wrapped: direction === 'next' ? raw >= count : raw < 0};
	}
	return undefined;
}
