/**
 * The whole screen on the fake reader (no DuckDB, 40 events in memory): data arrives in state and the panes show it;
 * a filter seen before is shown from the kept answers without a query; the record is read once and copied whole.
 */
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {until} from './case-file.js';
import {FakeReader, fakeEvents} from './helpers/fake-reader.js';

const settled = (t: string) => / events │/.test(t) && !t.includes('loading');

function screen(reader: FakeReader, writeTerminal?: (text: string) => void) {
	return render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={reader}>
				<App caseFile="fake.duckdb" zone="UTC" writeTerminal={writeTerminal} now={() => new Date('2024-12-04')} />
			</ReaderContext.Provider>
		</ThemeContext.Provider>,
	);
}

describe('the screen on a fake reader', () => {
	it('shows what arrived; back to a filter seen before reads only the page again', async () => {
		const reader = new FakeReader(fakeEvents(40));
		const {stdin, lastFrame, unmount} = screen(reader);
		try {
			const first = await until(lastFrame, settled);
			expect(first).toContain('40 events');
			expect(first).toContain('ListDevices');
			const before = reader.queries.length;
			stdin.write('E');
			await until(lastFrame, t => t.includes('errors') && settled(t) && reader.queries.length > before);
			await until(lastFrame, () => ['count', 'facets', 'page'].every(lane => reader.count(lane) >= 2));
			const asked = reader.queries.length;
			stdin.write('E');
			const back = await until(lastFrame, t => settled(t) && t.includes('filters: none'));
			expect(back).toContain('40 events');
			await new Promise(resolve => setTimeout(resolve, 100));
			// The page request is new (its sequence number moved on), so the page is read again; the rest is kept.
			expect(reader.queries.slice(asked).map(q => q.lane)).toEqual(['page']);
		} finally {
			unmount();
		}
	});

	it('opens the newest record, reads it once, and Y copies it whole (OSC 52)', async () => {
		const events = fakeEvents(40);
		const reader = new FakeReader(events);
		const written: string[] = [];
		const {stdin, lastFrame, unmount} = screen(reader, text => written.push(text));
		try {
			await until(lastFrame, settled);
			stdin.write('\r');
			const record = await until(lastFrame, t => t.includes('"eventID": "event-0000"'));
			expect(record).toContain('"principal": "arn:aws:iam::123456789012:user/user-0"');
			expect(reader.count('record')).toBe(3); // the event, its file's integrity, the findings that hold it
			stdin.write('Y');
			const copied = await until(lastFrame, t => t.includes('copied the record'));
			expect(copied).toMatch(/copied the record \(\d+ bytes\)/);
			const text = Buffer.from(written[0]!.slice('\u001b]52;c;'.length, -1), 'base64').toString('utf8');
			expect(JSON.parse(text)).toEqual(events[0]!.raw);
			stdin.write('\u001b');
			await until(lastFrame, t => settled(t) && t.includes('newest first'));
			stdin.write('\r');
			await until(lastFrame, t => t.includes('"eventID": "event-0000"'));
			expect(reader.count('record')).toBe(3); // opened again: from the kept answer
		} finally {
			unmount();
		}
	});
});
