import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {NARROW, cells, pad, truncate} from '../../source/text/width.js';

/** Every BMP character the fast path takes as one cell. */
function narrowCharacters(): string[] {
	const out: string[] = [];
	for (let code = 0; code < 0x10000; code++) {
		const character = String.fromCharCode(code);
		if (NARROW.test(character)) out.push(character);
	}
	return out;
}

describe('the narrow fast path agrees with string-width', () => {
	const narrow = narrowCharacters();

	it('takes the screen’s own characters, and no control, combining, joiner, variation selector or wide character', () => {
		for (const character of ' ~·…›→↓•│─±▲▏×█┼└≠é') expect(narrow, character).toContain(character);
		for (const character of ['\u0000', '\u001b', '\u007f', '\u0085', '\u00ad', '\u0301', '\u200b', '\u200d', '\u2028'])
			expect(narrow, `U+${character.charCodeAt(0).toString(16)}`).not.toContain(character);
		for (const character of ['\ufe0f', '\u20e3', '\u25fd', '\u25fe', '\u3042', '\uff21', '\ud83d'])
			expect(narrow, `U+${character.charCodeAt(0).toString(16)}`).not.toContain(character);
	});

	it('every character it takes is one cell to string-width', () => {
		const wrong = narrow.filter(character => stringWidth(character) !== 1);
		expect(wrong.map(character => `U+${character.charCodeAt(0).toString(16)}`)).toEqual([]);
	});

	it('strings of them measure, cut and pad as string-width says, and mixed with wide text too', () => {
		let seed = 11;
		const next = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		const others = ['日本', '\u0301', '😀', '👩‍💻', '\ufe0f'];
		for (let i = 0; i < 2000; i++) {
			let text = '';
			const length = next(40);
			for (let j = 0; j < length; j++) text += narrow[next(narrow.length)];
			if (i % 4 === 0) text += others[next(others.length)]!;
			expect(cells(text), JSON.stringify(text)).toBe(stringWidth(text));
			const width = next(30) + 1;
			expect(stringWidth(truncate(text, width))).toBeLessThanOrEqual(width);
			expect(stringWidth(pad(text, width))).toBe(width);
		}
	});
});
