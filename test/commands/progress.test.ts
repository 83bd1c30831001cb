/**
 * The load's progress line (source/commands/progress.ts): redrawn in place on a terminal, plain lines elsewhere, and
 * the phase after the files (the summaries) shown on a terminal only, then cleared.
 */
import {describe, expect, test} from 'vitest';
import {progressSink, upgradeNote} from '../../source/commands/progress.js';

function stream(isTTY: boolean) {
	const writes: string[] = [];
	const fake = {isTTY, columns: 60, write: (text: string) => writes.push(text) > 0};
	return {writes, sink: (quiet = false) => progressSink(fake as unknown as NodeJS.WriteStream, quiet)};
}

const progress = {
	filesDone: 2,
	filesTotal: 2,
	bytesDone: 2_000_000,
	bytesTotal: 2_000_000,
	eventsKept: 1234,
	elapsedMs: 1000,
};

describe('progress on stderr', () => {
	test('on a terminal: the files, then the phase in the same line, cleared at the end', () => {
		const {writes, sink} = stream(true);
		const p = sink();
		p.update(progress);
		p.phase('updating the screen summaries … and a phase text far longer than the terminal is wide');
		p.done();
		expect(writes[0]).toMatch(/^\r\u001b\[2Kloading 2\/2 files · 1,234 events/);
		expect(writes[1]).toBe('\r\u001b[2Kupdating the screen summaries … and a phase text far longer');
		expect(writes[2]).toBe('\r\u001b[2K');
	});

	test('not a terminal: plain lines, no phase; quiet: nothing', () => {
		const plain = stream(false);
		const p = plain.sink();
		p.update(progress);
		p.phase('updating the screen summaries …');
		p.done();
		expect(plain.writes).toEqual(['loading 2/2 files · 1,234 events · 1.9 MB/s\n']);
		const quiet = stream(true);
		const q = quiet.sink(true);
		q.update(progress);
		q.phase('updating');
		q.done();
		expect(quiet.writes).toEqual([]);
	});

	test('a schema upgrade’s note: a line on a terminal, nothing on a pipe', () => {
		const terminal = stream(true);
		const note = 'upgrading the case file: the screen’s summaries of 1,000 events …';
		upgradeNote({
			isTTY: true,
			write: (text: string) => terminal.writes.push(text) > 0,
		} as unknown as NodeJS.WriteStream)(note);
		expect(terminal.writes).toEqual([`${note}\n`]);
		const pipe = stream(false);
		upgradeNote({isTTY: false, write: (text: string) => pipe.writes.push(text) > 0} as unknown as NodeJS.WriteStream)(
			note,
		);
		expect(pipe.writes).toEqual([]);
	});
});
