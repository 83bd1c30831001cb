/**
 * Running the built CLI in a real pseudo-terminal, reading its screen through {@link ScreenBuffer}.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawn, type IPty} from '@lydell/node-pty';
import {ScreenBuffer} from './screen-buffer.js';

/** The built entry point (npm run build). */
export const CLI = path.resolve('dist/cli.js');

const stateHomes: string[] = [];

/**
 * Where a run that names no XDG_STATE_HOME keeps the screen's session: a new temporary folder for each run, so that
 * no run restores another's session (tests that reopen a case file on purpose pass their own), and nothing is
 * written in the user's home.
 */
function testStateHome(): string {
	if (stateHomes.length === 0)
		process.on('exit', () => {
			for (const dir of stateHomes) rmSync(dir, {recursive: true, force: true});
		});
	const made = mkdtempSync(path.join(os.tmpdir(), 'clicktrail-state-'));
	stateHomes.push(made);
	return made;
}

/** A CLI run in a pty. */
export type PtyRun = {
	pty: IPty;
	screen: ScreenBuffer;
	/** Everything the process wrote, raw. */
	output: () => string;
	/** Type keys. */
	type: (keys: string) => void;
	/** Wait until the screen text matches (or throw with the screen after `timeout` ms). */
	waitFor: (test: RegExp | string | ((text: string) => boolean), timeout?: number) => Promise<string>;
	/** Resolves with the exit code. */
	exited: Promise<number>;
};

/** Start `node dist/cli.js ...args` in a 120x40 xterm-256color pty. */
export function runCli(
	args: string[],
	options: {columns?: number; rows?: number; env?: Record<string, string>} = {},
): PtyRun {
	const columns = options.columns ?? 120;
	const rows = options.rows ?? 40;
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST')) env[k] = v;
	delete env['FORCE_COLOR'];
	delete env['NO_COLOR'];
	// Ink renders only the final frame when it believes it runs in CI.
	delete env['CI'];
	delete env['CONTINUOUS_INTEGRATION'];
	Object.assign(env, {TERM: 'xterm-256color', TZ: 'UTC', XDG_STATE_HOME: testStateHome(), ...options.env});
	const pty = spawn(process.execPath, [CLI, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: process.cwd(),
		env,
	});
	const screen = new ScreenBuffer(columns, rows);
	let raw = '';
	pty.onData(data => {
		raw += data;
		screen.write(data);
	});
	const exited = new Promise<number>(resolve => pty.onExit(({exitCode}) => resolve(exitCode)));
	const waitFor: PtyRun['waitFor'] = async (test, timeout = 20_000) => {
		const ok = (text: string) =>
			typeof test === 'string' ? text.includes(test) : test instanceof RegExp ? test.test(text) : test(text);
		const started = Date.now();
		for (;;) {
			const text = screen.text();
			if (ok(text)) return text;
			if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(test)}; screen:\n${text}`);
			await new Promise(r => setTimeout(r, 25));
		}
	};
	return {pty, screen, output: () => raw, type: keys => pty.write(keys), waitFor, exited};
}
