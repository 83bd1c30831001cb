/**
 * Relative times typed in the filter prompt count back from the newest event in the case file, not from the wall
 * clock (a case from last year reads the same today), and the prompt says so.
 */
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {formatTimeShort} from '../../source/query/time.js';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {App} from '../../source/ui/app.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {makeCase, until} from './case-file.js';

let caseFile: CaseFile;
let reader: Reader;
let newest: Date;

beforeAll(async () => {
	const made = await makeCase({events: 1000, seed: 3});
	newest = new Date(made.truth.newestIotEvent!);
	caseFile = await CaseFile.open(made.db, {readOnly: true});
	reader = new Reader(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

it('from=-1h is an hour before the newest event, and the prompt names that event', async () => {
	const {stdin, lastFrame, unmount} = render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={reader}>
				<App caseFile="case.duckdb" zone="UTC" />
			</ReaderContext.Provider>
		</ThemeContext.Provider>,
	);
	await until(lastFrame, t => / events /.test(t) && !t.includes('loading'));
	stdin.write('f');
	// The newest event is years before the wall clock: counting from now would match nothing.
	expect(newest.getTime()).toBeLessThan(Date.now() - 86_400_000);
	await until(lastFrame, t => t.includes('(from=-2h counts back from the'));
	for (const ch of 'from=-1h') stdin.write(ch);
	const hourBefore = formatTimeShort(new Date(newest.getTime() - 3_600_000), 'UTC');
	// Typed, the relative time shows the chip it makes, counted back from the newest event.
	await until(lastFrame, t => t.includes(`from=-1h▏  → [from ${hourBefore}]`));
	stdin.write('\r');
	const frame = await until(lastFrame, t => t.includes('[from') && !t.includes('loading'));
	expect(frame).toContain(`[from ${hourBefore}]`);
	expect(frame).not.toMatch(/\b0 of [\d,]+ events/);
	unmount();
});
