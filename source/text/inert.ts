/**
 * Text from log files is attacker-controlled. Before it reaches a terminal, every control character becomes a
 * visible escape, so an escape sequence in a userAgent is shown, never interpreted.
 */

// C0 controls, DEL, C1 controls, and the Unicode bidirectional overrides/isolates that can reorder what is shown.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

const NAMED: Record<string, string> = {
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\u0000': '\\0',
	'\u001b': '\\e',
};

/** Replace every control character with a visible escape (\e, \n, \x07, \u202e ...). */
export function inert(text: string): string {
	return text.replace(UNSAFE, char => NAMED[char] ?? visible(char));
}

function visible(char: string): string {
	const code = char.codePointAt(0)!;
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

