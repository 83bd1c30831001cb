/**
 * Wrapping text into lines of at most a number of terminal cells: at spaces, for the screen's own text (help), or
 * wherever the edge falls, for a value shown whole (made inert first).
 */
import {cells} from './fit.js';

/** `text` as lines of at most `width` cells, broken at spaces (the space at a break is dropped). */
export function wrapWords(text: string, width: number): string[] {
	if (!Number.isFinite(width) || cells(text) <= width) return [text];
	const room = Math.max(1, Math.floor(width));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const candidate = line === '' ? word : `${line} ${word}`;
		if (cells(candidate) <= room) {
			line = candidate;
			continue;
		}
		if (line !== '') lines.push(line);
		line = word;
		while (cells(line) > room) {
			const chars = Array.from(line);
			let used = 0;
			let take = 0;
			while (take < chars.length && used + cells(chars[take]!) <= room) used += cells(chars[take++]!);
			take = Math.max(1, take);
			lines.push(chars.slice(0, take).join(''));
			line = chars.slice(take).join('');
		}
	}
	if (line !== '') lines.push(line);
	return lines;
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** `text` (inert already) cut into lines of at most `width` cells wherever it reaches the edge (an empty text: one line). */
export function wrapCells(text: string, width: number): string[] {
	const room = Math.max(1, Math.floor(width));
	if (text.length <= room && /^[\u0020-\u007e]*$/.test(text)) return [text];
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = cells(segment);
		if (used + w > room && line !== '') {
			lines.push(line);
			line = '';
			used = 0;
		}
		line += segment;
		used += w;
	}
	lines.push(line);
	return lines;
}
