/**
 * A console result cell opened whole (the App, ink-testing-library, a real case file): Ctrl-↓ puts a cell cursor on
 * the result, Enter shows the cell's whole value wrapped and scrollable (a JSON value indented), y copies it whole,
 * Esc goes back to the result and then to the editor.
 */
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {prettyJson} from '../../source/ui/console/cell-text.js';
import {App} from '../../source/ui/app.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {makeCase, until} from './case-file.js';

let caseFile: CaseFile;
let reader: Reader;

beforeAll(async () => {
	const made = await makeCase({events: 300});
	caseFile = await CaseFile.open(made.db, {readOnly: true});
	reader = new Reader(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

const CTRL_DOWN = '\u001B[1;5B';
const ESC = '\u001B';
const LONG = `start-${'x'.repeat(250)}-${'y'.repeat(120)}-end`;

function screen(sql: string, copies: string[] = []) {
	return render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={reader}>
				<App caseFile="case.duckdb" zone="UTC" sql={sql} writeTerminal={text => copies.push(text)} />
			</ReaderContext.Provider>
		</ThemeContext.Provider>,
	);
}

describe('a console cell, whole', () => {
	it('Ctrl-↓ then Enter shows a long value whole, wrapped; l moves to the next cell; y copies; Esc goes back', async () => {
		const copies: string[] = [];
		const {stdin, lastFrame, unmount} = screen(`SELECT '${LONG}' AS long, 42 AS answer`, copies);
		const result = await until(lastFrame, t => t.includes('1 row ·'));
		// In the table the value is cut (at 40 cells).
		expect(result.split('\n').find(line => line.startsWith('start-'))).toMatch(/^start-x{33}… *│ *42 *$/);
		stdin.write(CTRL_DOWN);
		await until(lastFrame, t => t.includes('Esc editor'));
		stdin.write('\r');
		const cell = await until(lastFrame, t => t.includes('long, row 1 ·'));
		expect(cell).toContain(`long, row 1 · ${LONG.length} characters · lines 1-4 of 4`);
		const lines = cell.split('\n');
		const title = lines.findIndex(l => l.includes('long, row 1'));
		expect(
			lines
				.slice(title + 1, title + 5)
				.map(l => l.trimEnd())
				.join(''),
		).toBe(LONG);
		stdin.write('y');
		await until(lastFrame, t => t.includes(`copied the cell (${LONG.length} bytes)`));
		expect(copies).toEqual([`\u001B]52;c;${Buffer.from(LONG).toString('base64')}\u0007`]);
		stdin.write(ESC);
		await until(lastFrame, t => t.includes('Esc editor') && t.includes('1 row ·'));
		stdin.write('l');
		await until(lastFrame, t => t.includes('Esc editor'));
		stdin.write('\r');
		const answer = await until(lastFrame, t => t.includes('answer, row 1 ·'));
		expect(answer.split('\n').some(l => l.trim() === '42')).toBe(true);
		stdin.write(ESC);
		await until(lastFrame, t => t.includes('Esc editor') && !t.includes('answer, row 1 ·'));
		stdin.write(ESC);
		await until(lastFrame, t => t.includes('Enter run') && t.includes('sql›'));
		unmount();
	});

	it('a JSON cell (raw) opens indented, every key on its own line, and scrolls with j and G', async () => {
		const {stdin, lastFrame, unmount} = screen('SELECT raw FROM events ORDER BY eventID LIMIT 3');
		await until(lastFrame, t => t.includes('3 rows ·'));
		stdin.write(CTRL_DOWN);
		await until(lastFrame, t => t.includes('Esc editor'));
		stdin.write('j');
		stdin.write('\r');
		const cell = await until(lastFrame, t => t.includes('raw, row 2 ·'));
		expect(cell).toMatch(/^ {2}"eventVersion": "[\d.]+",$/m);
		expect(cell).toMatch(/^ {2}"userIdentity": \{$/m);
		const total = Number(/lines 1-\d+ of (\d+)/.exec(cell)![1]);
		expect(total).toBeGreaterThan(30);
		stdin.write('G');
		const end = await until(lastFrame, t => new RegExp(`lines \\d+-${total} of ${total}`).test(t));
		expect(end.trimEnd().split('\n').at(-2)).toBe('}');
		unmount();
	});

	it('pretty-prints compact JSON keeping strings and numbers as written', () => {
		expect(prettyJson('{"a":[1,{"b":"x,y:{}"}],"c":{},"d":[],"n":12345678901234567890}')).toBe(
			'{\n  "a": [\n    1,\n    {\n      "b": "x,y:{}"\n    }\n  ],\n  "c": {},\n  "d": [],\n  "n": 12345678901234567890\n}',
		);
	});
});
