/**
 * The content scan's test of one record's bytes: can it be an IoT 1-Click event or an identity event (the only
 * records a load keeps without --all-services)? It must never say no to one: DuckDB confirms every yes on the parsed
 * record, so a yes too many costs a parse, a no too many loses an event. Anything unusual is a yes.
 */
import {IOT1CLICK_SOURCE} from '../events/columns.js';
import {IDENTITY_EVENTS} from '../events/identity.js';

/** eventSource values of kept events, as the bytes of a JSON string without escapes. */
const SOURCES: ReadonlySet<string> = new Set([IOT1CLICK_SOURCE, ...Object.keys(IDENTITY_EVENTS)]);

const KEY = Buffer.from('"eventSource"');
/** Any event carrying `credentials` (responseElements.credentials.accessKeyId) may have issued a key. */
const CREDENTIALS = Buffer.from('"credentials"');
/** A \u escape can spell any key or value: such a record is a yes, whatever it says. */
const UNICODE_ESCAPE = Buffer.from('\\u');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

function isBlank(c: number | undefined): boolean {
	return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * True unless the record surely holds no `"eventSource"` key whose value is IoT 1-Click's or an identity service's,
 * and no `"credentials"`. JSON whitespace around the colon is allowed; a value with any escape is a yes.
 */
export function mayBeKept(record: Buffer): boolean {
	// The key first: a record it keeps (most, in a dense file) needs no search of its whole text for the others.
	if (keptSource(record)) return true;
	return record.includes(CREDENTIALS) || record.includes(UNICODE_ESCAPE);
}

/** An `"eventSource"` key with a kept service's value, or one the bytes cannot tell (an escape, no closing quote). */
function keptSource(record: Buffer): boolean {
	for (let at = record.indexOf(KEY); at >= 0; at = record.indexOf(KEY, at + 1)) {
		let i = at + KEY.length;
		while (isBlank(record[i])) i++;
		// Not followed by a colon: a value or part of a string, not the key.
		if (record[i] !== COLON) continue;
		i++;
		while (isBlank(record[i])) i++;
		if (record[i] !== QUOTE) continue;
		const end = record.indexOf(QUOTE, i + 1);
		if (end < 0) return true;
		if (record.subarray(i + 1, end).includes(BACKSLASH)) return true;
		if (SOURCES.has(record.toString('latin1', i + 1, end))) return true;
	}
	return false;
}
