/**
 * The SQL console in the whole App (ink-testing-library): typing, running, errors, cancel, history, completion,
 * saving a view. A real case file, opened read-write as the screen does.
 */
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {caseStore, type CaseStore} from '../../source/store/case-store.js';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {App} from '../../source/ui/app.js';
import {CaseStoreContext} from '../../source/ui/hooks/case-store-context.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {makeCase, until} from './case-file.js';

let caseFile: CaseFile;
let reader: Reader;
let store: CaseStore;

beforeAll(async () => {
	const made = await makeCase({events: 600});
	caseFile = await CaseFile.open(made.db);
	reader = new Reader(caseFile);
	store = caseStore(caseFile);
});

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

function screen(props: {sql?: string} = {}) {
	return render(
		<ThemeContext.Provider value={PLAIN_THEME}>
			<ReaderContext.Provider value={reader}>
				<CaseStoreContext.Provider value={store}>
					<App caseFile="case.duckdb" zone="UTC" {...props} />
				</CaseStoreContext.Provider>
			</ReaderContext.Provider>
		</ThemeContext.Provider>,
	);
}

const UP = '\u001B[A';
const DOWN = '\u001B[B';
const ESC = '\u001B';
const tick = () => new Promise(r => setTimeout(r, 60));

async function typeKeys(stdin: {write: (s: string) => void}, ...keys: string[]) {
	for (const key of keys) {
		stdin.write(key);
		await tick();
	}
}

describe('SQL console', () => {
	it(': opens it; typed SQL runs on Enter and shows rows, count and time', async () => {
		const {stdin, lastFrame, unmount} = screen();
		await until(lastFrame, t => t.includes('events'));
		await typeKeys(stdin, ':');
		await until(lastFrame, t => t.includes('sql›'));
		await typeKeys(
			stdin,
			'SELECT eventName, count(*) AS n FROM events',
			'\n',
			'GROUP BY ALL ORDER BY n DESC, eventName',
		);
		const typed = await until(lastFrame, t => t.includes('GROUP BY ALL'));
		expect(typed).toMatch(/sql› SELECT eventName, count\(\*\) AS n FROM events/);
		expect(typed).toMatch(/… GROUP BY ALL ORDER BY n DESC, eventName/);
		await typeKeys(stdin, '\r');
		const done = await until(lastFrame, t => /\d+ rows · [\d.]+ m?s/.test(t));
		expect(done).toMatch(/eventName\s*│\s+n/);
		unmount();
	});

	it('caps at 1,000 rows and says there are more', async () => {
		const {lastFrame, unmount} = screen({sql: 'SELECT * FROM range(5000)'});
		await until(lastFrame, t => t.includes('1,000 of more than 1,000 rows'));
		unmount();
	});

	it("shows DuckDB's error with its position, and refuses a statement that is not a read", async () => {
		const before = Number((await caseFile.all('SELECT count(*) AS n FROM events'))[0]?.['n']);
		const {stdin, lastFrame, unmount} = screen({sql: 'SELECT nope FROM events'});
		const frame = await until(lastFrame, t => t.includes('error:'));
		expect(frame).toMatch(/Binder Error: Referenced column "nope" not found/);
		expect(frame).toMatch(/LINE 1: SELECT nope FROM events/);
		await typeKeys(stdin, '\u0015', 'DELETE FROM events', '\r');
		await until(lastFrame, t => t.includes('error: refused: DELETE statement'));
		expect(Number((await caseFile.all('SELECT count(*) AS n FROM events'))[0]?.['n'])).toBe(before);
		unmount();
	});

	it('Esc cancels a slow query (DuckDB interrupt); the console works again after', async () => {
		const {stdin, lastFrame, unmount} = screen({sql: 'SELECT count(*) FROM range(100000) a, range(100000) b'});
		await until(lastFrame, t => t.includes('running…'));
		const started = Date.now();
		await typeKeys(stdin, ESC);
		await until(lastFrame, t => t.includes('cancelled'));
		expect(Date.now() - started).toBeLessThan(5000);
		await typeKeys(stdin, '\u0015', 'SELECT 41 + 1 AS answer', '\r');
		const frame = await until(lastFrame, t => t.includes('1 row ·'));
		expect(frame).toContain('42');
		unmount();
	});

	it('Up and Down walk the history, kept in the case file', async () => {
		const first = screen();
		await until(first.lastFrame, t => t.includes('events'));
		await typeKeys(first.stdin, ':', 'SELECT 1 AS one', '\r');
		await until(first.lastFrame, t => t.includes('1 row ·'));
		await typeKeys(first.stdin, '\u0015', 'SELECT 2 AS two', '\r');
		await until(first.lastFrame, t => /two/.test(t) && t.includes('1 row ·'));
		first.unmount();
		expect((await store.listHistory()).slice(-2)).toEqual(['SELECT 1 AS one', 'SELECT 2 AS two']);

		const second = screen();
		await until(second.lastFrame, t => t.includes('events'));
		await typeKeys(second.stdin, ':', 'draft');
		await until(second.lastFrame, () => true, 200).catch(() => undefined);
		// Wait for the history to load from the case file.
		await new Promise(r => setTimeout(r, 300));
		await typeKeys(second.stdin, UP);
		await until(second.lastFrame, t => t.includes('sql› SELECT 2 AS two'));
		await typeKeys(second.stdin, UP);
		await until(second.lastFrame, t => t.includes('sql› SELECT 1 AS one'));
		await typeKeys(second.stdin, DOWN, DOWN);
		await until(second.lastFrame, t => t.includes('sql› draft'));
		second.unmount();
	});

	it('Tab completes table names, column names and JSON paths of raw', async () => {
		const {stdin, lastFrame, unmount} = screen();
		await until(lastFrame, t => t.includes('events'));
		await typeKeys(stdin, ':', 'SELECT principalT');
		await new Promise(r => setTimeout(r, 500));
		await typeKeys(stdin, '\t');
		await until(lastFrame, t => t.includes('sql› SELECT principalType'));
		await typeKeys(stdin, ' FROM even', '\t');
		// Ambiguous: extended to the common prefix, the choices listed.
		await until(lastFrame, t => t.includes('FROM event▏') && /Tab: .*eventName .*events/.test(t));
		await typeKeys(stdin, ' JOIN clicktrail_m', '\t');
		await until(lastFrame, t => t.includes('JOIN clicktrail_meta'));
		await typeKeys(stdin, '\u0015', "SELECT raw->'$.userIdentity.", '\t');
		const frame = await until(lastFrame, t => t.includes('Tab: '));
		expect(frame).toMatch(/Tab: \$\.userIdentity\.\w+ +\$\.userIdentity\.\w+/);
		await typeKeys(stdin, 'ty', '\t');
		await until(lastFrame, t => t.includes("raw->'$.userIdentity.type"));
		unmount();
	});

	it('Ctrl-S saves the SQL as a view that the views list (V) opens and runs', async () => {
		const {stdin, lastFrame, unmount} = screen();
		await until(lastFrame, t => t.includes('events'));
		await typeKeys(stdin, ':', "SELECT 'saved-view-marker' AS m", '\u0013');
		await until(lastFrame, t => t.includes('save as view, name:'));
		await typeKeys(stdin, 'marker', '\r');
		await until(lastFrame, t => t.includes('description of marker'));
		await typeKeys(stdin, 'a test', '\r');
		await until(lastFrame, t => t.includes('saved view marker'));
		expect((await store.getView('marker')).sql).toBe("SELECT 'saved-view-marker' AS m");
		await typeKeys(stdin, ESC, 'V');
		await until(lastFrame, t => t.includes('saved views') && t.includes('marker'));
		await typeKeys(stdin, '\r');
		await until(lastFrame, t => t.includes('saved-view-marker') && t.includes('1 row ·'));
		unmount();
	});
});
