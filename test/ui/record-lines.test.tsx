/**
 * Long values in the record view: a 2,000-character userAgent of a pretty-printed record wraps whole (the default),
 * ends in `…` when even a view's height is not enough, and scrolls sideways (w) with `…` at the ends cut; the text
 * found is marked on its lines; nothing wider than the view.
 */
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {jsonLines} from '../../source/ui/json-lines.js';
import {RecordPane} from '../../source/ui/panes/record.js';
import {sidewaysLine, wrapLine, type ScreenLine} from '../../source/ui/record-lines.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {lineMatches} from '../../source/ui/find-lines.js';

const agent = Array.from({length: 2000}, (_, i) => String.fromCharCode(97 + (i % 26)) + (i % 100 === 99 ? '/' : ''))
	.join('')
	.slice(0, 2000);
const pretty = `{
  "eventVersion": "1.08",
  "eventName": "UpdateDeviceState",
  "requestParameters": {
    "deviceId": "G030PM0123456789",
    "enabled": false
  },
  "userAgent": "${agent}",
  "sourceIPAddress": "198.51.100.7"
}`;
const lines = jsonLines(JSON.parse(pretty));
const agentLine = lines.findIndex(l => l.tokens[0]?.text === '"userAgent"');
const record = {
	data: {
		row: {
			eventID: 'e-1',
			eventName: 'UpdateDeviceState',
			eventTime: new Date('2024-12-03T10:00:00Z'),
			sourceFile: 'pretty.json',
		},
		raw: JSON.parse(pretty),
	},
	loading: false,
};

function frame(props: {
	layout?: 'wrap' | 'sideways';
	line?: number;
	top?: number;
	left?: number;
	height?: number;
	find?: string;
}) {
	const {lastFrame, unmount} = render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<RecordPane
				record={record}
				lines={lines}
				place={{eventID: 'e-1', line: props.line ?? 0, top: props.top ?? 0, left: props.left ?? 0}}
				width={100}
				height={props.height ?? 40}
				zone="UTC"
				layout={props.layout ?? 'wrap'}
				{...(props.find ? {find: props.find} : {})}
			/>
		</ThemeContext.Provider>,
	);
	const text = lastFrame() ?? '';
	unmount();
	return text;
}

const textOf = (screen: ScreenLine, line: number) =>
	screen.pieces.map(p => lines[line]!.tokens[p.token]!.text.slice(p.start, p.end)).join('');

describe('long values in the record view', () => {
	it('wraps a 2,000-character value whole, each screen line within the view', () => {
		expect(agent.length).toBe(2000);
		const shown = frame({line: agentLine});
		const rows = shown.split('\n');
		for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(100);
		expect(shown.replaceAll(/\s/g, '')).toContain(`"userAgent":"${agent}",`);
		// 96 cells a line at depth 1: the line of 2,016 characters takes 21 screen lines; the next line follows them.
		const start = rows.findIndex(r => r.includes('"userAgent"'));
		expect(rows[start + 21]).toMatch(/^ {4}"sourceIPAddress": "198\.51\.100\.7"/);
		const wrapped = wrapLine(lines[agentLine]!, 96, 40);
		expect(wrapped).toHaveLength(21);
		expect(wrapped.map(s => textOf(s, agentLine)).join('')).toBe(`"userAgent": "${agent}",`);
	});

	it('ends the last screen line a line may take in … when a view is not enough', () => {
		const shown = frame({line: agentLine, top: agentLine, height: 10}).split('\n');
		const start = shown.findIndex(r => r.includes('"userAgent"'));
		expect(shown.slice(start)).toHaveLength(10);
		expect(shown.at(-1)).toMatch(/…\s*$/);
	});

	it('sideways (w): one screen line, … at an end where the value goes on; h and l scroll', () => {
		const atStart = frame({layout: 'sideways', line: agentLine}).split('\n');
		const row = atStart.find(r => r.includes('"userAgent"'))!;
		expect(stringWidth(row)).toBe(100);
		expect(row).toMatch(/^› {3}"userAgent": "abc.*…$/);
		const full = `"userAgent": "${agent}",`;
		const scrolled = sidewaysLine(lines[agentLine]!, 96, 500);
		expect(scrolled).toMatchObject({before: true, after: true});
		expect(textOf(scrolled, agentLine)).toBe(full.slice(501, 501 + 94));
		const end = sidewaysLine(lines[agentLine]!, 96, full.length - 50);
		expect(end.after).toBe(false);
		expect(textOf(end, agentLine)).toBe(full.slice(full.length - 49));
		const shown = frame({layout: 'sideways', line: agentLine, left: 500}).split('\n');
		expect(shown.find(r => r.includes(full.slice(501, 560)))).toMatch(/^› {3}….*…$/);
	});

	it('marks the lines holding the text found, whitespace between JSON tokens not counting', () => {
		const shown = frame({find: '"enabled":FALSE'});
		expect(shown).toMatch(/^• {5}"enabled": false *$/m);
		const ranges = lineMatches(
			lines.find(l => l.tokens[0]?.text === '"enabled"')!,
			'"enabled":false',
		);
		// The key, the colon (the space after it is not in the stored text), and the value.
		expect(ranges).toEqual([
			{token: 0, start: 0, end: 9},
			{token: 1, start: 0, end: 1},
			{token: 2, start: 0, end: 5},
		]);
	});

	it('highlights in the inert text: a found escape sequence is shown as escapes, never sent raw', () => {
		const hostile = jsonLines({userAgent: 'evil\u001b[2J\u001b]52;c;cGF5bG9hZA==\u0007agent'});
		const line = hostile.find(l => l.tokens[0]?.text === '"userAgent"')!;
		// The text as the record view shows it (\e for ESC) is what a find looks for and highlights.
		expect(lineMatches(line, '\\E[2j\\e]52')).toEqual([{token: 2, start: 5, end: 15}]);
		const {lastFrame, unmount} = render(
			<RecordPane
				record={record}
				lines={hostile}
				place={{eventID: 'e-1', line: 0, top: 0}}
				width={100}
				height={10}
				zone="UTC"
				find={'\\e[2J'}
			/>,
		);
		const shown = lastFrame() ?? '';
		unmount();
		expect(shown).toContain('"userAgent": "evil\\e[2J\\e]52;c;cGF5bG9hZA==\\x07agent"');
		expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
	});
});
