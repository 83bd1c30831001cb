/**
 * The screen on a sandboxed case file, as `clicktrail` opens it (issue 19): a hostile SQL view or typed statement is
 * refused in the console, and an export asks before replacing a file and never writes over the case file.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
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
let dir: string;

beforeAll(async () => {
	const made = await makeCase({events: 1000});
	dir = path.dirname(made.db);
	caseFile = await CaseFile.open(made.db, {sandbox: true});
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

const tick = () => new Promise(r => setTimeout(r, 60));

async function typeKeys(stdin: {write: (s: string) => void}, ...keys: string[]) {
	for (const key of keys) {
		stdin.write(key);
		await tick();
	}
}

describe('hostile SQL in the screen', () => {
	it('a SQL view that calls enable_logging (as --view opens it) is refused and writes nothing', async () => {
		const logs = path.join(dir, 'logs');
		const {lastFrame, unmount} = screen({
			sql: `SELECT * FROM enable_logging(storage = 'file', storage_path = '${logs}')`,
		});
		const frame = await until(lastFrame, t => t.includes('error:'));
		expect(frame).toContain('error: refused: the table function enable_logging()');
		expect(existsSync(logs)).toBe(false);
		unmount();
	});

	it('typed in the console: COPY over the case file and enable_profiling are refused', async () => {
		const before = readFileSync(caseFile.path);
		const {stdin, lastFrame, unmount} = screen({sql: 'SELECT 1 AS one'});
		await until(lastFrame, t => t.includes('1 row ·'));
		await typeKeys(stdin, '\u0015', `COPY (SELECT 'x' AS a) TO '${caseFile.path}' (FORMAT csv)`, '\r');
		await until(lastFrame, t => t.includes('error: refused: COPY statement'));
		await typeKeys(
			stdin,
			'\u0015',
			`SELECT * FROM enable_profiling(save_location = '${path.join(dir, 'p.txt')}')`,
			'\r',
		);
		await until(lastFrame, t => t.includes('error: refused: the table function enable_profiling()'));
		expect(existsSync(path.join(dir, 'p.txt'))).toBe(false);
		expect(readFileSync(caseFile.path).equals(before)).toBe(true);
		unmount();
	});
});

describe('exports from the screen', () => {
	it('asks before replacing an existing file: n keeps it, y replaces it', async () => {
		const out = path.join(dir, 'screen-export.csv');
		writeFileSync(out, 'keep me');
		const {stdin, lastFrame, unmount} = screen({
			sql: 'SELECT eventName, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, eventName',
		});
		await until(lastFrame, t => /\d+ rows · [\d.]+ m?s/.test(t));
		await typeKeys(stdin, '\u000f', out, '\r'); // Ctrl-O
		await until(lastFrame, t => t.includes(`${out} exists: replace it? (y to replace)`));
		await typeKeys(stdin, 'n', '\r');
		// The status bar keeps the end of a long message.
		await until(lastFrame, t => t.includes('screen-export.csv; nothing exported'));
		expect(readFileSync(out, 'utf8')).toBe('keep me');
		await typeKeys(stdin, '\u000f', out, '\r');
		await until(lastFrame, t => t.includes('replace it?'));
		await typeKeys(stdin, 'y', '\r');
		await until(
			() => readFileSync(out, 'utf8').split('\n')[0],
			line => line === 'eventName,n',
		);
		await until(lastFrame, t => !t.includes('replace it?'));
		unmount();
	});

	it('refuses to write over the open case file, and the prompt stays open with the reason', async () => {
		// A case file whose name an export format matches (evidence.json), so that only the new check stops it.
		const made = await makeCase({events: 300, name: 'evidence.json'});
		const evidence = await CaseFile.open(made.db, {sandbox: true});
		const lanes = new Reader(evidence);
		try {
			const before = readFileSync(made.db);
			const {stdin, lastFrame, unmount} = render(
				<ThemeContext.Provider value={PLAIN_THEME}>
					<ReaderContext.Provider value={lanes}>
						<CaseStoreContext.Provider value={caseStore(evidence)}>
							<App caseFile="evidence.json" zone="UTC" />
						</CaseStoreContext.Provider>
					</ReaderContext.Provider>
				</ThemeContext.Provider>,
			);
			await until(lastFrame, t => t.includes('events'));
			await typeKeys(stdin, 'X');
			await until(lastFrame, t => t.includes('export to file'));
			await typeKeys(stdin, made.db, '\r');
			// The prompt keeps the path typed and shows the start of the reason beside it.
			await until(lastFrame, t => t.includes('evidence.json▏  refused to'));
			expect(readFileSync(made.db).equals(before)).toBe(true);
			unmount();
		} finally {
			await lanes.close();
			evidence.close();
		}
	});
});
