// Builds (or reuses) the case files the screen benchmark runs on, in .bench/ (gitignored).
//
// How a case of N events is built:
//  1. A seed set: the project's seeded generator writes SEED_EVENTS IoT 1-Click records (iotShare 1, seed 42, no
//     digests, no hostile text) in the S3 layout, and the real loader (dist/loader) loads them into
//     .bench/screen-seed-SEED.duckdb. That part is exactly what `clicktrail load` does.
//  2. The case: a new case file (schema from the real migrations, via CaseFile.open) gets ceil(N / SEED) copies of
//     the seed's events, copy k with eventID `<seed eventID>-k<k>` and eventTime shifted by k times the seed's span
//     (so copies follow each other in time, like more months of the same trail), raw patched to the same eventID
//     and eventTime; the last copy is cut so the total is exactly N. Copies are inserted in k order and each copy in
//     the seed's own row order, so the physical order is what the loader leaves (batches of files in path order).
//     The files ledger is copied from the seed.
// With `loaded` (bench:screen --loaded), no copies: the generator writes all N records (IoT 1-Click only, seed 42) and
// `clicktrail load` (the built CLI, its own process) loads them into .bench/screen-loaded-N.duckdb; its wall time, CPU
// time and peak RSS are kept beside it (.load.json) and printed by bench:screen.
//  3. Without `loaded`, the summaries (store/summaries.ts), built on a copy named screen-N-summaries.duckdb, which the
//     benchmark uses (`clicktrail load` builds them itself).
// Usage: node scripts/bench/screen-case.mjs N [--ordered | --loaded]   (prints the case file's path)
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {copyFile, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

export const SEED_EVENTS = 200_000;

// CLICKTRAIL_BENCH_DIR: another folder for the cases (e.g. private copies while others run the benchmark too).
const root = path.resolve(process.env.CLICKTRAIL_BENCH_DIR ?? '.bench');

function log(text) {
	process.stderr.write(`${text}\n`);
}

async function seedCase() {
	const db = path.join(root, `screen-seed-${SEED_EVENTS}.duckdb`);
	const done = `${db}.done`;
	if (existsSync(done)) return db;
	const {generateSample} = await import('../../dist/sample/index.js');
	const {loadFiles} = await import('../../dist/loader/load-files.js');
	const {expandLocalSources} = await import('../../dist/sources/local.js');
	const {CaseFile} = await import('../../dist/store/database.js');
	const archive = path.join(root, `screen-seed-${SEED_EVENTS}`);
	await rm(archive, {recursive: true, force: true});
	await rm(db, {force: true});
	await rm(`${db}.wal`, {force: true});
	let started = performance.now();
	log(`generating ${SEED_EVENTS} IoT 1-Click records in ${archive} ...`);
	await generateSample({outDir: archive, events: SEED_EVENTS, seed: 42, iotShare: 1, digests: false, hostile: false});
	log(`  ${((performance.now() - started) / 1000).toFixed(1)} s; loading with the real loader ...`);
	started = performance.now();
	const caseFile = await CaseFile.open(db);
	try {
		const summary = await loadFiles(caseFile, (await expandLocalSources([archive])).files);
		log(`  ${summary.eventsAdded} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	} finally {
		caseFile.close();
	}
	await writeFile(done, '');
	return db;
}

/**
 * The case file of exactly `events` events (built once). With `ordered`, a copy rewritten in time order by the
 * store's orderEventsByTime (source/store/optimize.ts), as the loader would leave it if it called that at the end.
 */
export async function screenCase(events, {ordered = false, loaded = false} = {}) {
	if (ordered) return orderedCase(events);
	if (loaded) return loadedCase(events);
	return summarisedCase(await plainCase(events));
}

/**
 * A copy of `source` with the screen's summaries, as `clicktrail load` leaves them (store/summaries.ts): the case
 * below is built in SQL, not by the loader. A copy, so that a build from before the summaries can still open the
 * plain one (this one's schema is newer).
 */
async function summarisedCase(source) {
	const {refreshSummaries} = await import('../../dist/store/summaries.js');
	return derivedCase(
		source,
		source.replace(/\.duckdb$/, '-summaries.duckdb'),
		'building the summaries in',
		async caseFile => {
			const result = await refreshSummaries(caseFile);
			await caseFile.run('CHECKPOINT');
			return `${result.events} events summarised in ${(result.elapsedMs / 1000).toFixed(1)} s`;
		},
	);
}

/** A copy `db` of the case `source` changed by `change` (built once; it returns what to log). */
async function derivedCase(source, db, doing, change) {
	const done = `${db}.done`;
	if (existsSync(done)) return db;
	const {CaseFile} = await import('../../dist/store/database.js');
	await rm(`${db}.wal`, {force: true});
	await copyFile(source, db);
	log(`${doing} ${db} ...`);
	const caseFile = await CaseFile.open(db, {tempDirectory: path.join(root, 'tmp')});
	try {
		log(`  ${await change(caseFile)}`);
	} finally {
		caseFile.close();
	}
	await writeFile(done, '');
	return db;
}

async function plainCase(events) {
	const db = path.join(root, `screen-${events}.duckdb`);
	const done = `${db}.done`;
	if (existsSync(done)) return db;
	const seed = await seedCase();
	const {CaseFile} = await import('../../dist/store/database.js');
	const {EVENT_COLUMNS} = await import('../../dist/store/schema.js');
	await rm(db, {force: true});
	await rm(`${db}.wal`, {force: true});
	const started = performance.now();
	log(`building ${db} (${events} events from the seed) ...`);
	const caseFile = await CaseFile.open(db);
	try {
		await caseFile.run(`ATTACH '${seed.replaceAll("'", "''")}' AS seed (READ_ONLY)`);
		const [span] = await caseFile.all(
			`SELECT count(*) AS n, epoch_us(max(eventTime)) - epoch_us(min(eventTime)) + 1000000 AS us FROM seed.events`,
		);
		const seedCount = Number(span.n);
		const copies = Math.ceil(events / seedCount);
		for (let k = 0; k < copies; k++) {
			const take = Math.min(seedCount, events - k * seedCount);
			const id = k === 0 ? 'eventID' : `eventID || '-k${k}'`;
			const time = `eventTime + to_microseconds(${BigInt(span.us) * BigInt(k)})`;
			const generated = new Set(['userIdentity', 'requestParameters', 'responseElements']);
			const names = EVENT_COLUMNS.filter(name => !generated.has(name));
			const select = names.map(name => {
				if (name === 'eventID') return `${id} AS eventID`;
				if (name === 'eventTime') return `${time} AS eventTime`;
				if (name === 'raw') {
					return k === 0
						? 'raw'
						: `json_merge_patch(raw, json_object('eventID', ${id}, 'eventTime', strftime((${time}) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'))) AS raw`;
				}
				return `"${name}"`;
			});
			await caseFile.run(
				`INSERT INTO events (${names.map(n => `"${n}"`).join(', ')}) SELECT ${select.join(', ')} FROM (SELECT ${names.map(n => `"${n}"`).join(', ')} FROM seed.events LIMIT ${take})`,
			);
			log(`  copy ${k + 1}/${copies}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
		}
		await caseFile.run(`INSERT INTO files SELECT * FROM seed.files`);
		await caseFile.run('DETACH seed');
		await caseFile.run('CHECKPOINT');
	} finally {
		caseFile.close();
	}
	log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	await writeFile(done, '');
	return db;
}

async function orderedCase(events) {
	const {orderEventsByTime} = await import('../../dist/store/optimize.js');
	const db = path.join(root, `screen-${events}-ordered.duckdb`);
	return derivedCase(await screenCase(events), db, 'ordering by eventTime', async caseFile => {
		const result = await orderEventsByTime(caseFile);
		return `${result.events} events reordered in ${(result.elapsedMs / 1000).toFixed(1)} s`;
	});
}

/** The case of `events` generated records loaded by `clicktrail load`; returns its path (its load figures beside it). */
async function loadedCase(events) {
	const db = path.join(root, `screen-loaded-${events}.duckdb`);
	const figures = `${db}.load.json`;
	if (existsSync(figures)) return db;
	const archive = path.join(root, `screen-loaded-${events}`);
	await rm(archive, {recursive: true, force: true});
	await rm(db, {force: true});
	await rm(`${db}.wal`, {force: true});
	let started = performance.now();
	log(`generating ${events} IoT 1-Click records in ${archive} ...`);
	const {generateSample} = await import('../../dist/sample/index.js');
	await generateSample({outDir: archive, events, seed: 42, iotShare: 1, digests: false, hostile: false});
	log(`  ${((performance.now() - started) / 1000).toFixed(1)} s; clicktrail load ...`);
	started = performance.now();
	const usage = await new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				'--import',
				path.resolve('scripts/bench/peak-rss.mjs'),
				path.resolve('dist/cli.js'),
				'load',
				archive,
				'--db',
				db,
			],
			{stdio: ['ignore', 'inherit', 'inherit', 'pipe']},
		);
		let out = '';
		child.stdio[3].on('data', chunk => (out += chunk));
		child.on('error', reject);
		child.on('close', code =>
			code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`clicktrail load exited ${code}`)),
		);
	});
	const load = {
		seconds: (performance.now() - started) / 1000,
		cpuSeconds: usage.cpu,
		peakRssMB: usage.peakRss / 2 ** 20,
	};
	log(
		`  loaded in ${load.seconds.toFixed(1)} s, CPU ${load.cpuSeconds.toFixed(1)} s, peak RSS ${Math.round(load.peakRssMB)} MB`,
	);
	await writeFile(figures, JSON.stringify(load));
	return db;
}

/** The load figures of a case built with `loaded`, or undefined. */
export async function loadFigures(db) {
	return existsSync(`${db}.load.json`) ? JSON.parse(await readFile(`${db}.load.json`, 'utf8')) : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(
		await screenCase(Number(process.argv[2] ?? 1_000_000), {
			ordered: process.argv.includes('--ordered'),
			loaded: process.argv.includes('--loaded'),
		}),
	);
}
