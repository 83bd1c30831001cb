/**
 * The triage screen: load any SOURCEs first (with progress), then open the case file and show it. The screen opens
 * the file for writing, to save views and console history (the console itself runs only read-only statements); if
 * another process holds the file, it opens read-only and says that views and history cannot be saved.
 */
import {existsSync} from 'node:fs';
import {render} from 'ink';
import {useEffect, useState} from 'react';
import {EXIT} from '../exit-codes.js';
import type {Options} from '../options.js';
import type {CaseStore} from '../store/case-store.js';
import type {CaseFile} from '../store/database.js';
import {DeferredLanes} from '../store/deferred-lanes.js';
import type {Reader} from '../store/reader.js';
import type {FilterState} from '../query/filters.js';
import {App} from '../ui/app.js';
import {CaseStoreContext} from '../ui/hooks/case-store-context.js';
import {ReaderContext} from '../ui/hooks/reader-context.js';
import {ThemeContext, themeFor} from '../ui/theme.js';


export async function runScreen(options: Options): Promise<number> {
	if (options.sources.length > 0) {
		// Imported here: the loader (and the S3 client behind it) costs start-up time a screen alone does not need.
		const {loadSources} = await import('./load.js');
		const summary = await loadSources(options);
		if (summary.filesFailed.length > 0 && summary.eventsAdded === 0 && summary.filesLoaded === 0) return EXIT.error;
	}
	return openScreen(options.db, options.tz, options.view);
}

/** The open case file, the screen's reader lanes on it, and its views and history. */
type Opened = {caseFile: CaseFile; reader: Reader; store: CaseStore; readOnlyReason?: string};

/**
 * Opens the case file for the screen: for writing (views, history), else read-only with the reason. DuckDB is
 * imported here, not at the top, so that the screen's first frame does not wait for it (about 0.3 s).
 */
async function openCase(path: string): Promise<Opened> {
	const [{CaseFile}, {Reader}, {caseStore}] = await Promise.all([import('../store/database.js'), import('../store/reader.js'), import('../store/case-store.js')]);
	let caseFile: CaseFile;
	let readOnlyReason: string | undefined;
	try {
		caseFile = await CaseFile.open(path);
	} catch (error) {
		// Held by another process (or not writable by this user): read-only still shows it.
		try {
			caseFile = await CaseFile.open(path, {readOnly: true});
		} catch {
			throw error;
		}
		readOnlyReason = /in use/.test(error instanceof Error ? error.message : '') ? 'the case file is in use by another process, so it is open read-only' : 'the case file is open read-only';
	}
	return {caseFile, reader: new Reader(caseFile), store: caseStore(caseFile, readOnlyReason), readOnlyReason};
}

/** The screen's root: the App on deferred lanes until the case file is open, then with its store and notice. */
function Screen({path, zone, lanes, opening, filter, sql, notice}: {path: string; zone: string; lanes: DeferredLanes; opening: Promise<Opened>; filter?: FilterState; sql?: string; notice?: string}) {
	const [opened, setOpened] = useState<Opened>();
	useEffect(() => {
		opening.then(setOpened, () => undefined);
	}, [opening]);
	const reason = opened?.readOnlyReason ?? notice;
	return (
		<ThemeContext.Provider value={themeFor(process.env)}>
			<ReaderContext.Provider value={lanes}>
				<CaseStoreContext.Provider value={opened?.store}>
					<App caseFile={path} zone={zone} filter={filter} sql={sql} notice={reason && `${reason}: views and history cannot be saved`} />
				</CaseStoreContext.Provider>
			</ReaderContext.Provider>
		</ThemeContext.Provider>
	);
}

/**
 * Open the screen on an existing case file; returns the exit status. The first frame is drawn before DuckDB is
 * loaded and the file opened (panes say loading meanwhile), except with a saved view, whose filter it needs first.
 */
export async function openScreen(path: string, zone: string, viewName?: string): Promise<number> {
	if (!existsSync(path)) {
		process.stderr.write(`clicktrail: case file ${path} does not exist; load logs into it first: clicktrail load SOURCE... --db ${path} (or try clicktrail demo)\n`);
		return EXIT.error;
	}
	let filter: FilterState | undefined;
	let sql: string | undefined;
	let early: Opened | undefined;
	if (viewName !== undefined) {
		try {
			early = await openCase(path);
		} catch (error) {
			process.stderr.write(`clicktrail: ${error instanceof Error ? error.message : String(error)}\n`);
			return EXIT.error;
		}
		try {
			const view = await early.store.getView(viewName);
			if (view.filter) filter = view.filter;
			else sql = view.sql ?? undefined;
		} catch (error) {
			early.caseFile.close();
			process.stderr.write(`clicktrail: ${error instanceof Error ? error.message : String(error)}\n`);
			return EXIT.error;
		}
	}
	const tty = Boolean(process.stdout.isTTY);
	// The alternate screen keeps the user's scrollback as it was.
	if (tty) process.stdout.write('\u001b[?1049h');
	let resolveOpening!: (opened: Promise<Opened>) => void;
	let started = false;
	const opening = new Promise<Opened>((resolve, reject) => {
		resolveOpening = opened => {
			started = true;
			opened.then(resolve, reject);
		};
	});
	const lanes = new DeferredLanes(opening.then(opened => opened.reader));
	let failure: unknown;
	try {
		const instance = render(<Screen path={path} zone={zone} lanes={lanes} opening={opening} filter={filter} sql={sql} />, {
			exitOnCtrlC: false,
			patchConsole: true,
			// Ink throttles frames to maxFps (default 30, 34 ms apart): a keypress just after a data frame waited up to
			// that long. 60 halves the wait.
			maxFps: 60,
		});
		// The first frame is out; now load DuckDB and open the file (after a tick, so that the frame is flushed).
		setImmediate(() => resolveOpening(early ? Promise.resolve(early) : openCase(path)));
		opening.catch((error: unknown) => {
			failure = error;
			instance.unmount();
		});
		await instance.waitUntilExit();
	} finally {
		if (tty) process.stdout.write('\u001b[?1049l');
		// If rendering failed before the open was started, settle it now so that this does not wait forever.
		if (!started) resolveOpening(Promise.reject(new Error('the screen did not start')));
		const opened = await opening.catch(() => undefined);
		if (opened) {
			await opened.reader.close();
			opened.caseFile.close();
		}
	}
	if (failure !== undefined) {
		process.stderr.write(`clicktrail: ${failure instanceof Error ? failure.message : String(failure)}\n`);
		return EXIT.error;
	}
	return EXIT.ok;
}
