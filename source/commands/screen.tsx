/**
 * The triage screen: load any SOURCEs first (with progress), then open the case file and show it. The screen holds
 * the file read-only, so that other clicktrail commands can read it meanwhile, and opens it for writing only for the
 * moment it saves a view (and at the end, for the console's history); see store/shared-case.ts.
 */
import {existsSync} from 'node:fs';
import {render} from 'ink';
import {useEffect, useState} from 'react';
import {EXIT} from '../exit-codes.js';
import type {Options} from '../options.js';
import type {CaseStore} from '../store/case-store.js';
import {DeferredLanes} from '../store/deferred-lanes.js';
import type {SharedCase} from '../store/shared-case.js';
import type {FilterState} from '../query/filters.js';
import {App} from '../ui/app.js';
import {CaseStoreContext} from '../ui/hooks/case-store-context.js';
import {ReaderContext} from '../ui/hooks/reader-context.js';
import type {Session} from '../ui/state/session.js';
import {ThemeContext, themeFor} from '../ui/theme.js';
import {readSession, writeSession} from './screen-session.js';

export async function runScreen(options: Options): Promise<number> {
	if (options.sources.length > 0) {
		// Imported here: the loader (and the S3 client behind it) costs start-up time a screen alone does not need.
		const {loadSources} = await import('./load.js');
		const summary = await loadSources(options);
		if (summary.filesFailed.length > 0 && summary.eventsAdded === 0 && summary.filesLoaded === 0) return EXIT.error;
	}
	return openScreen(options.db, options.tz, options.view, {fresh: options.fresh === true});
}

/** The case file as the screen holds it: read-only, its lanes and its views and history (see store/shared-case.ts). */
type Opened = {shared: SharedCase; store: CaseStore; readOnlyReason?: string};

/**
 * Opens the case file for the screen, read-only (so that clicktrail query and views work on it meanwhile); views are
 * saved by opening it for writing for that moment. DuckDB is imported here, not at the top, so that the screen's
 * first frame does not wait for it (about 0.3 s).
 */
async function openCase(path: string): Promise<Opened> {
	const {SharedCase} = await import('../store/shared-case.js');
	const shared = await SharedCase.open(path);
	return {shared, store: shared.store};
}

/** The screen's root: the App on deferred lanes until the case file is open, then with its store and notice. */
function Screen({
	path,
	zone,
	lanes,
	opening,
	filter,
	sql,
	notice,
	session,
	saveSession,
}: {
	path: string;
	zone: string;
	lanes: DeferredLanes;
	opening: Promise<Opened>;
	filter?: FilterState;
	sql?: string;
	notice?: string;
	session?: Session;
	saveSession?: (session: Session) => void;
}) {
	const [opened, setOpened] = useState<Opened>();
	useEffect(() => {
		opening.then(setOpened, () => undefined);
	}, [opening]);
	const reason = opened?.readOnlyReason ?? notice;
	return (
		<ThemeContext.Provider value={themeFor(process.env)}>
			<ReaderContext.Provider value={lanes}>
				<CaseStoreContext.Provider value={opened?.store}>
					<App
						caseFile={path}
						zone={zone}
						filter={filter}
						sql={sql}
						notice={reason && `${reason}: views and history cannot be saved`}
						session={session}
						saveSession={saveSession}
					/>
				</CaseStoreContext.Provider>
			</ReaderContext.Provider>
		</ThemeContext.Provider>
	);
}

/**
 * Open the screen on an existing case file; returns the exit status. The first frame is drawn before DuckDB is
 * loaded and the file opened (panes say loading meanwhile), except with a saved view, whose filter it needs first.
 * It opens on the session it last quit with on this file (screen-session.ts), unless `fresh` or a view is given,
 * and keeps the session when it quits (unless not `keep`: a demo's temporary case file).
 */
export async function openScreen(
	path: string,
	zone: string,
	viewName?: string,
	{fresh = false, keep = true}: {fresh?: boolean; keep?: boolean} = {},
): Promise<number> {
	if (!existsSync(path)) {
		process.stderr.write(
			`clicktrail: case file ${path} does not exist; load logs into it first: clicktrail load SOURCE... --db ${path} (or try clicktrail demo)\n`,
		);
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
			await early.shared.close();
			process.stderr.write(`clicktrail: ${error instanceof Error ? error.message : String(error)}\n`);
			return EXIT.error;
		}
	}
	const session = fresh || viewName !== undefined ? undefined : readSession(path);
	let unsaved: unknown;
	const saveSession = keep
		? (kept: Session) => {
				try {
					writeSession(path, kept);
				} catch (error) {
					unsaved = error;
				}
			}
		: undefined;
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
	const lanes = new DeferredLanes(opening.then(opened => opened.shared));
	let failure: unknown;
	try {
		const instance = render(<Screen {...{path, zone, lanes, opening, filter, sql, session, saveSession}} />, {
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
		const note = opened ? await opened.shared.close() : undefined;
		if (note) process.stderr.write(`clicktrail: ${note}\n`);
	}
	if (unsaved !== undefined)
		process.stderr.write(
			`clicktrail: the session was not kept: ${unsaved instanceof Error ? unsaved.message : String(unsaved)}\n`,
		);
	if (failure !== undefined) {
		process.stderr.write(`clicktrail: ${failure instanceof Error ? failure.message : String(failure)}\n`);
		return EXIT.error;
	}
	return EXIT.ok;
}
