/**
 * End-to-end: the lineage tree and the sessions list in the built CLI in a real pty, on a case file loaded from the
 * lineage generator (planted credential chains with their truth).
 */
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {generateLineage, type LineageTruth, type PlantedChain} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {tempDir} from '../helpers/temp.js';
import {runCli, type PtyRun} from './pty.js';

const settled = (text: string) => / events │/.test(text) && !text.includes('loading');

let db: string;
let truth: LineageTruth;

beforeAll(async () => {
	const dir = await tempDir('clicktrail-lineage-ui-');
	const archive = path.join(dir, 'archive');
	truth = await generateLineage({outDir: archive, seed: 5, background: 1200});
	db = path.join(dir, 'case.duckdb');
	const caseFile = await CaseFile.open(db);
	try {
		await loadFiles(caseFile, (await expandLocalSources([archive])).files);
	} finally {
		caseFile.close();
	}
}, 60_000);

const chain = (name: string): PlantedChain => truth.chains.find(c => c.name === name)!;

/** Filters the raw records to one eventID (&) and opens its record. */
async function openRecord(run: PtyRun, eventID: string): Promise<void> {
	await run.waitFor(settled);
	run.type('&');
	await run.waitFor('filter raw text:');
	run.type(`${eventID}\r`);
	await run.waitFor(t => /1 of [\d,]+ events/.test(t) && settled(t));
	run.type('\r');
	await recordOpen(run, eventID);
}

/**
 * Waits for the record view of `eventID`: its title names the event (the "eventID" line may be below the fold once
 * the before -> after section is drawn under a long record).
 */
async function recordOpen(run: PtyRun, eventID: string): Promise<void> {
	await run.waitFor(t => (t.split('\n')[1] ?? '').includes(eventID.slice(0, 24)) && t.includes('Esc back'));
}

describe('lineage on the screen (built CLI in a pty)', {timeout: 90_000}, () => {
	it('opens a record, presses L and sees every hop and the origin; Enter opens a hop, Esc goes back', async () => {
		const planted = chain('three-hop-cross-account');
		const run = runCli(['--db', db], {columns: 160, rows: 40});
		try {
			await openRecord(run, planted.iotEventIDs[0]!);
			run.type('L');
			const tree = await run.waitFor(t => t.includes('origin: ') && t.includes('(newest hop first)'));
			const origin = planted.origin;
			expect(tree).toContain(`origin: ${origin.principal}`);
			expect(tree).toContain(`${origin.kind} · complete`);
			// Newest hop first: the event's own key on top, each earlier key below it.
			const at = planted.hops.map(hop => tree.indexOf(`key ${hop.accessKeyId}`));
			expect(at.every(i => i >= 0)).toBe(true);
			expect([...at].sort((a, b) => a - b)).toEqual(at);
			// Enter on the second hop opens the raw record of the event that issued its key.
			run.type('j');
			await run.waitFor(t => t.split('\n').some(l => l.includes('›') && l.includes(planted.hops[1]!.accessKeyId)));
			run.type('\r');
			// The record's title names its eventID (its "eventID" line is below the fold of a long STS record).
			await run.waitFor(
				t => t.includes(planted.hops[1]!.issuedByEventID!) && t.includes('"eventSource": "sts.amazonaws.com"'),
			);
			run.type('\u001b');
			await run.waitFor(t => t.includes('origin: ') && t.includes('(newest hop first)'));
			run.type('\u001b');
			await recordOpen(run, planted.iotEventIDs[0]!);
			run.type('q');
			expect(await run.exited).toBe(0);
		} finally {
			run.pty.kill();
		}
	});

	it('pivots from a hop to the IoT events made with its key; the missing issuance reads incomplete', async () => {
		const planted = chain('missing-issuance');
		const run = runCli(['--db', db], {columns: 160, rows: 40});
		try {
			await openRecord(run, planted.iotEventIDs[0]!);
			run.type('L');
			await run.waitFor(t => t.includes('issued by: not in the loaded logs') && t.includes('INCOMPLETE'));
			run.type('a');
			const key = planted.hops[0]!.accessKeyId;
			await run.waitFor(
				t => t.includes(`[accessKeyId=${key}]`) && t.includes(`${planted.iotEventIDs.length} of `) && settled(t),
			);
			run.type('q');
			expect(await run.exited).toBe(0);
		} finally {
			run.pty.kill();
		}
	});

	it('lists the sessions from the browse screen (K) and filters the events to one key', async () => {
		const run = runCli(['--db', db], {columns: 160, rows: 40});
		try {
			await run.waitFor(settled);
			run.type('K');
			const list = await run.waitFor(t => /sessions \(\d+\)/.test(t) && /› A[SK]IA[A-Z0-9]{16} /.test(t));
			// Every planted chain's key is a session; the newest used is selected.
			expect(Number(/sessions \((\d+)\)/.exec(list)![1])).toBeGreaterThanOrEqual(truth.chains.length);
			const key = /› (A[SK]IA[A-Z0-9]{16}) /.exec(list)![1]!;
			run.type('\r');
			await run.waitFor(t => t.includes(`[accessKeyId=${key}]`) && settled(t));
			run.type('q');
			expect(await run.exited).toBe(0);
		} finally {
			run.pty.kill();
		}
	});
});
