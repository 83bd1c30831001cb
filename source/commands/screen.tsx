/**
 * The triage screen: load any SOURCEs first (with progress), then open the case file and show it. The screen opens
 * the file for writing, to save views and console history (the console itself runs only read-only statements); if
 * another process holds the file, it opens read-only and says that views and history cannot be saved.
 */
import {existsSync} from 'node:fs';
import {render} from 'ink';
import {EXIT} from '../exit-codes.js';
import type {Options} from '../options.js';
import {caseStore} from '../store/case-store.js';
import {CaseFile} from '../store/database.js';
import type {FilterState} from '../query/filters.js';
import {Reader} from '../store/reader.js';
import {App} from '../ui/app.js';
import {CaseStoreContext} from '../ui/hooks/case-store-context.js';
import {ReaderContext} from '../ui/hooks/reader-context.js';
import {ThemeContext, themeFor} from '../ui/theme.js';
import {loadSources} from './load.js';

export async function runScreen(options: Options): Promise<number> {
	if (options.sources.length > 0) {
		const summary = await loadSources(options);
		if (summary.filesFailed.length > 0 && summary.eventsAdded === 0 && summary.filesLoaded === 0) return EXIT.partial;
	}
	return openScreen(options.db, options.tz, options.view);
}

/** Open the screen on an existing case file; returns the exit status. */
export async function openScreen(path: string, zone: string, viewName?: string): Promise<number> {
	if (!existsSync(path)) {
		process.stderr.write(`clicktrail: case file ${path} does not exist; load logs into it first: clicktrail load SOURCE... --db ${path} (or try clicktrail demo)\n`);
		return EXIT.error;
	}
	let caseFile: CaseFile;
	let readOnlyReason: string | undefined;
	try {
		caseFile = await CaseFile.open(path);
	} catch (error) {
		// Held by another process (or not writable by this user): read-only still shows it.
		try {
			caseFile = await CaseFile.open(path, {readOnly: true});
			readOnlyReason = /in use/.test(error instanceof Error ? error.message : '') ? 'the case file is in use by another process, so it is open read-only' : 'the case file is open read-only';
		} catch {
			process.stderr.write(`clicktrail: ${error instanceof Error ? error.message : String(error)}\n`);
			return EXIT.error;
		}
	}
	const store = caseStore(caseFile, readOnlyReason);
	let filter: FilterState | undefined;
	let sql: string | undefined;
	if (viewName !== undefined) {
		try {
			const view = await store.getView(viewName);
			if (view.filter) filter = view.filter;
			else sql = view.sql ?? undefined;
		} catch (error) {
			caseFile.close();
			process.stderr.write(`clicktrail: ${error instanceof Error ? error.message : String(error)}\n`);
			return EXIT.error;
		}
	}
	const reader = new Reader(caseFile);
	const tty = Boolean(process.stdout.isTTY);
	// The alternate screen keeps the user's scrollback as it was.
	if (tty) process.stdout.write('\u001b[?1049h');
	try {
		const instance = render(
			<ThemeContext.Provider value={themeFor(process.env)}>
				<ReaderContext.Provider value={reader}>
					<CaseStoreContext.Provider value={store}>
						<App caseFile={path} zone={zone} filter={filter} sql={sql} notice={readOnlyReason && `${readOnlyReason}: views and history cannot be saved`} />
					</CaseStoreContext.Provider>
				</ReaderContext.Provider>
			</ThemeContext.Provider>,
			{exitOnCtrlC: false, patchConsole: true},
		);
		await instance.waitUntilExit();
	} finally {
		if (tty) process.stdout.write('\u001b[?1049l');
		await reader.close();
		caseFile.close();
	}
	return EXIT.ok;
}
