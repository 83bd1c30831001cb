// Drives the built CLI's screen in a real pty (test/e2e/pty.ts, test/e2e/screen-buffer.ts) and times what the
// user sees: every chunk the program writes is fed to the screen buffer and the screen's text is kept with its
// arrival time, so an operation's figures come from frames, not from inside the program.
//
// For an operation started by a key at t0, once the screen has settled (the status bar no longer says loading and
// nothing was written for a quiet period):
//  - keyToFrame: the first frame after t0 (what the keypress changed first: a cursor, a chip, the loading flag);
//  - per pane (filter bar, facets, timeline, events, status), refresh: the time of the frame from which that pane's
//    region shows what it finally shows (its last change), i.e. when the pane's new data was on screen;
//  - done: the last change of any region.
// Layout at 120x40 (source/ui/layout.ts): row 0 filter bar; rows 1-37 body: facets in columns 0-35, the timeline in
// rows 1-6 and the events table in rows 7-37 of columns 37-119; row 38 status bar.
import {readFileSync} from 'node:fs';
import {runCli} from '../../test/e2e/pty.ts';

export const COLUMNS = 120;
export const ROWS = 40;

/** Regions of the browse screen: [firstRow, lastRow, firstColumn, lastColumn] (inclusive). */
export const REGIONS = {
	filters: [0, 0, 0, COLUMNS - 1],
	facets: [1, 37, 0, 35],
	timeline: [1, 6, 37, COLUMNS - 1],
	events: [7, 37, 37, COLUMNS - 1],
	status: [38, 38, 0, COLUMNS - 1],
};
/** The whole body, for the record view and the console. */
export const BODY = [1, 37, 0, COLUMNS - 1];

export function region(text, [r0, r1, c0, c1]) {
	return text
		.split('\n')
		.slice(r0, r1 + 1)
		.map(line => [...line.padEnd(COLUMNS)].slice(c0, c1 + 1).join(''))
		.join('\n');
}

const BSU = '\u001b[?2026h';
const ESU = '\u001b[?2026l';
const statusLine = text => text.split('\n')[38] ?? '';
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** One run of the built CLI in a pty. */
export class Session {
	constructor(args, env = {}) {
		this.started = performance.now();
		this.run = runCli(args, {columns: COLUMNS, rows: ROWS, env});
		this.frames = [];
		this.lastData = this.started;
		this.waiters = new Set();
		// Ink wraps each frame in synchronized-output marks (a terminal that knows them shows the frame at once): a
		// chunk that ends inside a frame is not a frame, and is not recorded (its half-drawn regions would count as
		// changes).
		let inFrame = false;
		this.run.pty.onData(data => {
			const t = performance.now();
			this.lastData = t;
			const begin = data.lastIndexOf(BSU);
			const end = data.lastIndexOf(ESU);
			if (begin >= 0 || end >= 0) inFrame = begin > end;
			if (inFrame) return;
			this.frames.push({t, text: this.run.screen.text()});
			for (const waiter of this.waiters) waiter();
		});
		this.exited = this.run.exited;
	}

	get pid() {
		return this.run.pty.pid;
	}

	text() {
		return this.run.screen.text();
	}

	/** Peak and current RSS of the CLI process (bytes), from /proc. */
	rss() {
		const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
		const kb = name => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
		return {peak: kb('VmHWM'), current: kb('VmRSS')};
	}

	/** Resolves at the first frame (after index `from`) whose text passes `test`, with that frame. */
	frame(test, {from = 0, timeout = 120_000} = {}) {
		return new Promise((resolve, reject) => {
			let index = from;
			const check = () => {
				for (; index < this.frames.length; index++) {
					if (test(this.frames[index].text)) {
						this.waiters.delete(check);
						clearTimeout(timer);
						resolve(this.frames[index]);
						return;
					}
				}
			};
			const timer = setTimeout(() => {
				this.waiters.delete(check);
				reject(new Error(`timed out; screen:\n${this.text()}`));
			}, timeout);
			this.waiters.add(check);
			check();
		});
	}

	/** Waits until the screen passes `test`, the status bar is not loading, and nothing was written for `quiet` ms. */
	async settle(test = () => true, {from = 0, quiet = 250, timeout = 120_000} = {}) {
		const started = performance.now();
		for (;;) {
			const text = this.text();
			const idle = performance.now() - this.lastData;
			if (this.frames.length > from && test(text) && !statusLine(text).includes('loading') && idle >= quiet) return;
			if (performance.now() - started > timeout) throw new Error(`never settled; screen:\n${text}`);
			await sleep(Math.max(5, Math.min(50, quiet - idle)));
		}
	}

	/**
	 * Types `keys` (after `prelude`, chunks typed one after the other and not timed, e.g. `f` and then a prompt's text), waits for the screen to settle
	 * (and pass `test`), and returns the timings of the frames in between, relative to the moment `keys` were written.
	 */
	async op(keys, {prelude, test, quiet, regions = REGIONS} = {}) {
		for (const chunk of [prelude ?? []].flat()) {
			const mark = this.frames.length;
			this.run.type(chunk);
			await this.settle(() => true, {from: mark, quiet: 60});
		}
		const before = this.text();
		const from = this.frames.length;
		const t0 = performance.now();
		this.run.type(keys);
		await this.settle(test, {from, quiet});
		const frames = this.frames.slice(from);
		const final = frames.at(-1)?.text ?? before;
		const result = {keyToFrame: frames.length > 0 ? frames[0].t - t0 : NaN, done: 0, panes: {}};
		for (const [name, box] of Object.entries(regions)) {
			const want = region(final, box);
			let changed = region(before, box) !== want;
			let at = changed ? undefined : 0;
			for (const frame of frames) {
				if (region(frame.text, box) === want) at ??= frame.t - t0;
				else at = undefined;
			}
			result.panes[name] = changed ? at : null; // null: the pane did not change
			if (changed && at !== undefined) result.done = Math.max(result.done, at);
		}
		return result;
	}

	async quit() {
		this.run.type('q');
		const code = await Promise.race([this.exited, sleep(10_000).then(() => 'timeout')]);
		if (code === 'timeout') this.run.pty.kill();
		return code;
	}
}
