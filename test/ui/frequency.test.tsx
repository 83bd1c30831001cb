/**
 * The frequency view (# on a column of the events table) on a real case file (1,000 records generated): every value of the
 * column with its count, most frequent first; Enter filters to the selected value; Esc goes back unchanged.
 */
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {App} from '../../source/ui/app.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {makeCase, until} from './case-file.js';

let caseFile: CaseFile;
let reader: Reader;

beforeAll(async () => {
	const made = await makeCase({events: 1000});
	caseFile = await CaseFile.open(made.db, {readOnly: true});
	reader = new Reader(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

const settled = (t: string) => / events │/.test(t) && !t.includes('loading');
const pause = () => new Promise(r => setTimeout(r, 50));

describe('the frequency view', () => {
	it('counts each eventName under the filter; Enter drills in, Esc goes back', async () => {
		const truth = (
			await reader.run('page', query =>
				query({
					sql: 'SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, eventName',
					params: [],
				}),
			)
		).map(r => ({name: String(r['eventName']), n: Number(r['n'])}));
		expect(truth.length).toBeGreaterThan(2);
		const total = truth.reduce((sum, t) => sum + t.n, 0);
		const all = `${total.toLocaleString('en-US')} events`;
		expect(total).toBeGreaterThan(500);
		const {stdin, lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<ReaderContext.Provider value={reader}>
					<App caseFile="case.duckdb" zone="UTC" />
				</ReaderContext.Provider>
			</ThemeContext.Provider>,
		);
		try {
			await until(lastFrame, t => settled(t) && t.includes(all));
			stdin.write('l');
			await pause();
			stdin.write('#');
			const view = await until(lastFrame, t => t.includes(`eventName: ${truth.length} values in ${all}`));
			const lines = view.split('\n');
			for (const [i, {name, n}] of truth.slice(0, 5).entries()) {
				const line = lines.find(l => l.includes(` ${name} `));
				expect(line, name).toMatch(new RegExp(`\\s${n.toLocaleString('en-US')}\\s+${((100 * n) / total).toFixed(1)}%`));
				if (i === 0) expect(line!.startsWith('›')).toBe(true);
			}
			stdin.write('\u001b');
			await until(lastFrame, t => settled(t) && !t.includes('values in') && t.includes('newest first'));
			await pause();
			stdin.write('#');
			await until(lastFrame, t => t.includes('eventName: '));
			stdin.write('j');
			await pause();
			stdin.write('\r');
			const second = truth[1]!;
			const filtered = await until(lastFrame, t => settled(t) && t.includes(`${second.n} of ${all}`));
			expect(filtered).toContain(`eventName=${second.name}`);
		} catch (error) {
			process.stderr.write(`FRAME:\n${lastFrame()}\n`);
			throw error;
		} finally {
			unmount();
		}
	});
});
