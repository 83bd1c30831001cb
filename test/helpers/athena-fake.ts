/**
 * A stand-in for AthenaClient at its edge (`send`), answering with recorded responses (test/athena/responses/):
 * StartQueryExecution gives `start`, each GetQueryExecution the next of `polls` (the last one repeats), and
 * StopQueryExecution is logged. Every command sent is kept, with its input.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AthenaApi} from '../../source/athena/runner.js';

export type Recording = {start: {QueryExecutionId: string}; polls: unknown[]};

export function recording(name: string): Recording {
	const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'athena', 'responses', `${name}.json`);
	return JSON.parse(readFileSync(file, 'utf8')) as Recording;
}

export type FakeAthena = AthenaApi & {sent: Array<{command: string; input: Record<string, unknown>}>};

/** A fake that plays `recordings` in turn, one per StartQueryExecution. */
export function fakeAthena(recordings: Recording[], hooks: {onPoll?: (count: number) => void} = {}): FakeAthena {
	const sent: FakeAthena['sent'] = [];
	let current = -1;
	let polls = 0;
	return {
		sent,
		async send(command) {
			const name = command.constructor.name;
			sent.push({command: name, input: command.input as Record<string, unknown>});
			switch (name) {
				case 'StartQueryExecutionCommand': {
					current++;
					polls = 0;
					const answer = recordings[current];
					if (!answer) throw new Error('no recording left for another statement');
					return answer.start;
				}
				case 'GetQueryExecutionCommand': {
					const answer = recordings[current]!;
					polls++;
					hooks.onPoll?.(polls);
					return answer.polls[Math.min(polls, answer.polls.length) - 1];
				}
				case 'StopQueryExecutionCommand':
					return {};
				default:
					throw new Error(`unexpected command ${name}`);
			}
		},
	};
}

/** A DDL statement's recording: succeeds at once, scanning nothing. */
export function ddlRecording(id: string): Recording {
	return {
		start: {QueryExecutionId: id},
		polls: [
			{QueryExecution: {QueryExecutionId: id, Status: {State: 'SUCCEEDED'}, Statistics: {DataScannedInBytes: 0}}},
		],
	};
}
