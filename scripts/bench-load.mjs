#!/usr/bin/env node
// npm run bench:load [-- --records N] [-- --files-per N] [-- --runs N]
// Times, in one run on the same files: the naive DuckDB load (scripts/bench/naive-load.mjs) and `clicktrail load`
// (the built CLI), for a corpus with half IoT 1-Click events and one with 1%, as in real trails.
// Corpora are generated once by the project's seeded generator and kept in .bench/ (gitignored).
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';

const {values} = parseArgs({
	options: {
		records: {type: 'string', default: '1000000'},
		'records-per-file': {type: 'string', default: '500'},
		runs: {type: 'string', default: '1'},
		json: {type: 'boolean', default: false},
	},
});
const records = Number(values.records);
const perFile = Number(values['records-per-file']);
const runs = Number(values.runs);
const root = path.resolve('.bench');
await mkdir(root, {recursive: true});

const {generateSample} = await import('../dist/sample/index.js');

async function corpus(iotShare) {
	const dir = path.join(root, `corpus-${records}-${Math.round(iotShare * 100)}pct-${perFile}`);
	const truthFile = `${dir}.truth.json`;
	if (!existsSync(truthFile)) {
		await rm(dir, {recursive: true, force: true});
		const started = performance.now();
		process.stderr.write(`generating ${dir} ...\n`);
		const truth = await generateSample({
			outDir: dir,
			events: records,
			seed: 42,
			iotShare,
			recordsPerFile: perFile,
			hostile: false,
		});
		await writeFile(truthFile, JSON.stringify(truth));
		process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
	}
	const truth = JSON.parse(await readFile(truthFile, 'utf8'));
	const files = truth.logFiles.map(file => path.join(dir, file));
	let bytes = 0;
	for (const file of files) bytes += (await stat(file)).size;
	return {dir, truth, files, bytes};
}

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

const mb = bytes => bytes / 1024 / 1024;
const results = [];
for (const iotShare of [0.5, 0.01]) {
	const {dir, truth, files, bytes} = await corpus(iotShare);
	const listFile = path.join(root, 'files.json');
	await writeFile(listFile, JSON.stringify(files));
	for (let run = 0; run < runs; run++) {
		const naiveDb = path.join(root, 'naive.duckdb');
		const caseDb = path.join(root, 'case.duckdb');
		await rm(naiveDb, {force: true});
		await rm(`${naiveDb}.wal`, {force: true});
		await rm(caseDb, {force: true});
		await rm(`${caseDb}.wal`, {force: true});
		const naive = await measure([path.resolve('scripts/bench/naive-load.mjs'), naiveDb, listFile]);
		const ours = await measure([path.resolve('dist/cli.js'), 'load', dir, '--db', caseDb, '--quiet']);
		const naiveEvents = JSON.parse(naive.out).events;
		const result = {
			corpus: path.basename(dir),
			iotShare,
			records: truth.totalRecords,
			files: files.length,
			compressedMB: Number(mb(bytes).toFixed(1)),
			iotEventsExpected: truth.iotEvents,
			naiveRowsIncludingDuplicates: naiveEvents,
			naiveSeconds: Number((naive.ms / 1000).toFixed(2)),
			clicktrailSeconds: Number((ours.ms / 1000).toFixed(2)),
			ratio: Number((ours.ms / naive.ms).toFixed(2)),
			clicktrailRecordsPerSecond: Math.round(truth.totalRecords / (ours.ms / 1000)),
			clicktrailMBPerSecond: Number((mb(bytes) / (ours.ms / 1000)).toFixed(1)),
			naiveCpuSeconds: Number(naive.cpu.toFixed(2)),
			clicktrailCpuSeconds: Number(ours.cpu.toFixed(2)),
			cpuRatio: Number((ours.cpu / naive.cpu).toFixed(2)),
			naivePeakRssMB: Math.round(mb(naive.peakRss)),
			clicktrailPeakRssMB: Math.round(mb(ours.peakRss)),
		};
		results.push(result);
		if (!values.json) {
			console.log(
				`${result.corpus}: ${result.records.toLocaleString('en-US')} records in ${result.files} files (${result.compressedMB} MB gz), IoT share ${iotShare * 100}%\n` +
					`  naive DuckDB  ${result.naiveSeconds.toFixed(2)} s (CPU ${result.naiveCpuSeconds.toFixed(1)} s)  peak RSS ${result.naivePeakRssMB} MB\n` +
					`  clicktrail    ${result.clicktrailSeconds.toFixed(2)} s (CPU ${result.clicktrailCpuSeconds.toFixed(1)} s)  peak RSS ${result.clicktrailPeakRssMB} MB  ` +
					`(${result.clicktrailRecordsPerSecond.toLocaleString('en-US')} records/s, ${result.clicktrailMBPerSecond} MB/s gz)\n` +
					`  ratio clicktrail/naive ${result.ratio} wall, ${result.cpuRatio} CPU (target <= 0.5)`,
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
