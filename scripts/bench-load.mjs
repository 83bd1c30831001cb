#!/usr/bin/env node
// npm run bench:load [-- --records N] [-- --records-per-file N] [-- --runs N] [-- --corpora sparse,50,1]
//   [-- --sparse-full] [-- --baseline-cli PATH] [-- --json]
// Times, in one run on the same files: the decompression floor (every file through zcat, two at a time), the naive
// DuckDB load (scripts/bench/naive-load.mjs) and `clicktrail load` (the built CLI; with --baseline-cli, another
// build too, alternated with it), and the naive load that also keeps the identity events clicktrail keeps (the
// like-for-like baseline), for three corpora (scripts/bench/corpora.mjs): half IoT 1-Click (`50`), 1% spread
// evenly (`1`), and the sparse one as in real trails (`sparse`: 1% IoT 1-Click in a few accounts, regions and days;
// 100,000 records in 400 files, or 500,000 in 2,000 with --sparse-full).
import {spawn} from 'node:child_process';
import {mkdir, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {sparseCorpus, uniformCorpus} from './bench/corpora.mjs';
import {decompressionFloor} from './bench/floor.mjs';

const {values} = parseArgs({
	options: {
		records: {type: 'string', default: '1000000'},
		'records-per-file': {type: 'string', default: '500'},
		runs: {type: 'string', default: '1'},
		corpora: {type: 'string', default: 'sparse,50,1'},
		'sparse-full': {type: 'boolean', default: false},
		'baseline-cli': {type: 'string'},
		json: {type: 'boolean', default: false},
	},
});
const records = Number(values.records);
const perFile = Number(values['records-per-file']);
const runs = Number(values.runs);
const root = path.resolve('.bench');
await mkdir(root, {recursive: true});

/** Run a node script; resolve with its stdout, wall time, peak RSS and CPU time (scripts/bench/peak-rss.mjs, fd 3). */
function measure(args) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['--import', path.resolve('scripts/bench/peak-rss.mjs'), ...args], {
			stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		let rss = '';
		child.stdout.on('data', chunk => (out += chunk));
		child.stderr.on('data', chunk => (err += chunk));
		child.stdio[3].on('data', chunk => (rss += chunk));
		child.on('error', reject);
		child.on('close', code => {
			const ms = performance.now() - started;
			if (code !== 0 && code !== 3) reject(new Error(`${args.join(' ')} exited ${code}\n${err}`));
			else resolve({out, ms, ...JSON.parse(rss.trim())});
		});
	});
}

async function fresh(db) {
	await rm(db, {force: true});
	await rm(`${db}.wal`, {force: true});
	return db;
}

/** `clicktrail load` of one corpus by the CLI at `cli`; the events it added, from its summary. */
async function loadWith(cli, corpus) {
	const db = await fresh(path.join(root, 'case.duckdb'));
	const result = await measure([cli, 'load', ...corpus.roots, '--db', db]);
	const added = /events: ([\d,]+) added/.exec(result.out)?.[1];
	const passed = /\(([\d,]+) skipped by the content scan/.exec(result.out)?.[1];
	return {...result, events: Number(added?.replaceAll(',', '')), passedOver: Number(passed?.replaceAll(',', '') ?? 0)};
}

const mb = bytes => bytes / 1024 / 1024;
const s = ms => Number((ms / 1000).toFixed(2));
const clis = [['clicktrail', path.resolve('dist/cli.js')]];
if (values['baseline-cli']) clis.push(['baseline', path.resolve(values['baseline-cli'])]);
const results = [];
for (const name of values.corpora.split(',')) {
	const corpus =
		name === 'sparse'
			? await sparseCorpus(root, values['sparse-full'] ? 500_000 : 100_000, values['sparse-full'] ? 2000 : 400)
			: await uniformCorpus(root, records, perFile, Number(name) / 100);
	corpus.roots = [corpus.dir];
	const listFile = path.join(root, 'files.json');
	await writeFile(listFile, JSON.stringify(corpus.files));
	for (let run = 0; run < runs; run++) {
		const load = os.loadavg()[0];
		const floor = await decompressionFloor(corpus.files);
		const naive = await measure([
			path.resolve('scripts/bench/naive-load.mjs'),
			await fresh(path.join(root, 'naive.duckdb')),
			listFile,
		]);
		const naiveIdentity = await measure([
			path.resolve('scripts/bench/naive-load.mjs'),
			await fresh(path.join(root, 'naive.duckdb')),
			listFile,
			'--identity',
		]);
		const ours = {};
		// Alternate the builds' order run to run, so neither always runs second on a warmer cache.
		for (const [label, cli] of run % 2 === 0 ? clis : [...clis].reverse()) ours[label] = await loadWith(cli, corpus);
		const result = {
			corpus: path.basename(corpus.dir),
			records: corpus.records,
			files: corpus.files.length,
			compressedMB: Number(mb(corpus.bytes).toFixed(1)),
			iotEventsExpected: corpus.iotEvents,
			loadAverageBefore: Number(load.toFixed(1)),
			loadAverageAfter: Number(os.loadavg()[0].toFixed(1)),
			floor: {seconds: s(floor.ms), cpuSeconds: Number(floor.cpu.toFixed(2))},
			naive: {
				seconds: s(naive.ms),
				cpuSeconds: Number(naive.cpu.toFixed(2)),
				peakRssMB: Math.round(mb(naive.peakRss)),
				rows: JSON.parse(naive.out).events,
			},
			naiveIdentity: {
				seconds: s(naiveIdentity.ms),
				cpuSeconds: Number(naiveIdentity.cpu.toFixed(2)),
				peakRssMB: Math.round(mb(naiveIdentity.peakRss)),
				rows: JSON.parse(naiveIdentity.out).events,
			},
		};
		for (const [label, r] of Object.entries(ours)) {
			result[label] = {
				seconds: s(r.ms),
				cpuSeconds: Number(r.cpu.toFixed(2)),
				peakRssMB: Math.round(mb(r.peakRss)),
				eventsAdded: r.events,
				filesSkippedByScan: r.passedOver,
				vsNaive: {wall: Number((r.ms / naive.ms).toFixed(2)), cpu: Number((r.cpu / naive.cpu).toFixed(2))},
				vsFloor: {wall: Number((r.ms / floor.ms).toFixed(2)), cpu: Number((r.cpu / floor.cpu).toFixed(2))},
				vsNaiveIdentity: {
					wall: Number((r.ms / naiveIdentity.ms).toFixed(2)),
					cpu: Number((r.cpu / naiveIdentity.cpu).toFixed(2)),
				},
			};
		}
		results.push(result);
		if (!values.json) {
			const line = (label, r) =>
				`  ${label.padEnd(13)} ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(1)} s)` +
				(r.peakRssMB ? `  peak RSS ${r.peakRssMB} MB` : '');
			console.log(
				[
					`${result.corpus}: ${result.records.toLocaleString('en-US')} records in ${result.files} files (${result.compressedMB} MB gz), ` +
						`run ${run + 1}, load average ${result.loadAverageBefore} -> ${result.loadAverageAfter}`,
					line('zcat floor', result.floor),
					line('naive DuckDB', result.naive),
					line('  + identity', result.naiveIdentity),
					...Object.keys(ours).map(
						label =>
							`${line(label, result[label])}  ${result[label].eventsAdded.toLocaleString('en-US')} events, ` +
							`${result[label].filesSkippedByScan} files skipped by the content scan\n` +
							`    /naive ${result[label].vsNaive.wall} wall, ${result[label].vsNaive.cpu} CPU (target <= 0.5 sparse, <= 1 at 50%);` +
							` /floor ${result[label].vsFloor.wall} wall, ${result[label].vsFloor.cpu} CPU (target <= 2 sparse);` +
							` /(naive + identity) ${result[label].vsNaiveIdentity.wall} wall, ${result[label].vsNaiveIdentity.cpu} CPU`,
					),
				].join('\n'),
			);
		}
	}
}
const machine = {
	cores: os.availableParallelism(),
	memoryGB: Math.round(os.totalmem() / 2 ** 30),
	node: process.version,
};
if (values.json) console.log(JSON.stringify({machine, results}, null, 2));
else console.log(`machine: ${machine.cores} cores, ${machine.memoryGB} GB, node ${machine.node}`);
