/**
 * The triage screen: load any SOURCEs first (with progress), then open the case file read-only and show it.
 */
import {existsSync} from 'node:fs';
import {render} from 'ink';
import {EXIT} from '../exit-codes.js';
import type {Options} from '../options.js';
import {CaseFile} from '../store/database.js';
import {Reader} from '../store/reader.js';
import {App} from '../ui/app.js';
import {ReaderContext} from '../ui/hooks/reader-context.js';
import {ThemeContext, themeFor} from '../ui/theme.js';
import {loadSources} from './load.js';

export async function runScreen(options: Options): Promise<number> {
	if (options.sources.length > 0) {
		const summary = await loadSources(options);
		if (summary.filesFailed.length > 0 && summary.eventsAdded === 0 && summary.filesLoaded === 0) return EXIT.partial;
	}
	return openScreen(options.db, options.tz);
}

/** Open the screen on an existing case file; returns the exit status. */
export async function openScreen(path: string, zone: string): Promise<number> {
	if (!existsSync(path)) {
		process.stderr.write(`clicktrail: case file ${path} does not exist; load logs into it first: clicktrail load SOURCE... --db ${path} (or try clicktrail demo)\n`);
		return EXIT.error;
	}
	let caseFile: CaseFile;
	try {
		caseFile = await CaseFile.open(path, {readOnly: true});
	} catch (error) {
		process.stderr.write(`clicktrail: ${error instanceof Error ? error.message : String(error)}\n`);
		return EXIT.error;
	}
	const reader = new Reader(caseFile);
	const tty = Boolean(process.stdout.isTTY);
	// The alternate screen keeps the user's scrollback as it was.
	if (tty) process.stdout.write('\u001b[?1049h');
	try {
		const instance = render(
			<ThemeContext.Provider value={themeFor(process.env)}>
				<ReaderContext.Provider value={reader}>
					<App caseFile={path} zone={zone} />
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
