/**
 * The one escape for report text. Values from the logs are attacker-controlled: control and invisible characters
 * become visible escapes (source/text/inert.ts), then the characters HTML gives meaning to become entities, so the
 * result is safe as HTML text and as a quoted attribute value. Markdown gets a backslash before its own syntax too.
 */
import {inert} from '../text/inert.js';

const ENTITIES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Text safe in HTML (and SVG) text and in double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
	return inert(value === null || value === undefined ? '' : String(value)).replace(/[&<>"']/g, char => ENTITIES[char]!);
}

/** Text safe in a Markdown table cell or paragraph: HTML-escaped, and Markdown's syntax characters backslashed. */
export function escapeMarkdown(value: unknown): string {
	return escapeHtml(value).replace(/[\\`*_{}[\]()#!|~]/g, char => `\\${char}`);
}

/** An instant as the report writes it: ISO 8601 in UTC, seconds. */
export function reportTime(date: Date): string {
	return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
