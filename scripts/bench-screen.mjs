#!/usr/bin/env node
// npm run bench:screen [-- --events N] [-- --json] [-- --reps N] [-- --launches N] [-- --pages N] [-- --startup-only] [-- --ordered]
//   [-- --loaded]
// --ordered: the case rewritten in time order by the store's orderEventsByTime (source/store/optimize.ts).
// --loaded: the case loaded by `clicktrail load` from N generated records, not copies of a seed (its load is timed).
// Times the triage screen as a user meets it: the built CLI in a 120x40 pty (scripts/bench/screen-driver.mjs), on a
// generated case file of N IoT 1-Click events (scripts/bench/screen-case.mjs says how it is built; kept in .bench/).
// Run with tsx (the driver reuses test/e2e/pty.ts and screen-buffer.ts); `npm run bench:screen` does.
import os from 'node:os';
import {parseArgs} from 'node:util';
import {loadFigures, screenCase} from './bench/screen-case.mjs';
import {Session} from './bench/screen-driver.mjs';

const {values} = parseArgs({
	options: {
		events: {type: 'string', default: '1000000'},
		reps: {type: 'string', default: '10'},
		launches: {type: 'string', default: '5'},
		pages: {type: 'string', default: '100'},
		json: {type: 'boolean', default: false},
		'startup-only': {type: 'boolean', default: false},
		ordered: {type: 'boolean', default: false},
		loaded: {type: 'boolean', default: false},
	},
});
const events = Number(values.events);
const reps = Number(values.reps);
const launches = Number(values.launches);
const pages = Number(values.pages);
const log = text => process.stderr.write(`${text}\n`);

const db = await screenCase(events, {ordered: values.ordered, loaded: values.loaded});
const load = await loadFigures(db);
if (load)
	log(
		`case loaded by clicktrail load: ${load.seconds.toFixed(1)} s, CPU ${load.cpuSeconds.toFixed(1)} s, peak RSS ${Math.round(load.peakRssMB)} MB`,
	);

// Filter values to use, read before the screen opens (the screen takes the file's write lock).
const {CaseFile} = await import('../dist/store/database.js');
const probe = await CaseFile.open(db, {readOnly: true});
const top = async column =>
	(
		await probe.all(
			`SELECT ${column} AS v, count(*) AS n FROM events WHERE ${column} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v LIMIT ${reps}`,
		)
	).map(r => String(r.v));
const principals = await top('principal');
const eventNames = await top('eventName');
const [{n: total}] = await probe.all('SELECT count(*) AS n FROM events');
probe.close();

const samples = {};
const add = (name, value) => {
	if (value === null || value === undefined || Number.isNaN(value)) return;
	(samples[name] ??= []).push(value);
};
/** Records an operation's key-to-frame, per-pane refresh and done times under `name`. */
const record = (name, result, {panes = true} = {}) => {
	add(`${name} · key to frame`, result.keyToFrame);
	if (panes) for (const [pane, ms] of Object.entries(result.panes)) add(`${name} · ${pane}`, ms);
	add(`${name} · all panes`, result.done);
};

const settled = text => / events │/.test(text) && !/… events/.test(text);
let peakRss = 0;
const noteRss = session => {
	try {
		peakRss = Math.max(peakRss, session.rss().peak);
	} catch {
		// exited
	}
};

// 1. Start-up: first frame, and every pane's data on screen.
for (let i = 0; i < launches; i++) {
	const session = new Session(['--db', db]);
	const first = await session.frame(text => text.split('\n')[38]?.trim() !== '' && text.includes('events'));
	add('start-up · first frame', first.t - session.started);
	await session.settle(settled, {quiet: 300});
	const lastChange = session.frames.at(-1).t;
	add('start-up · all panes', lastChange - session.started);
	noteRss(session);
	await session.quit();
	log(
		`launch ${i + 1}/${launches}: first frame ${(first.t - session.started).toFixed(0)} ms, all panes ${(lastChange - session.started).toFixed(0)} ms`,
	);
}

// 2. One session for everything else.
if (!values['startup-only']) await session();
async function session() {
	const session = new Session(['--db', db]);
	await session.settle(settled, {quiet: 300});
	const ENTER = '\r';
	const TAB = '\t';
	const PGDN = '\u001b[6~';
	const ESC = '\u001b';

	log('row moves');
	for (let i = 0; i < 30; i++) record('row move (j)', await session.op('j', {quiet: 80}), {panes: false});
	await session.op('g');

	log('principal filters');
	for (const value of principals) {
		record('filter principal=', await session.op(ENTER, {prelude: ['f', `principal=${value}`]}));
		record('clear filters (c)', await session.op('c'));
	}
	log('eventName filters');
	for (const value of eventNames) {
		record('filter eventName=', await session.op(ENTER, {prelude: ['f', `eventName=${value}`]}));
		record('clear filters (c)', await session.op('c'));
	}

	log('facets');
	await session.op(TAB + TAB); // events -> filters -> facets
	for (let i = 0; i < reps; i++) {
		record('facet cursor (j)', await session.op('j', {quiet: 80}), {panes: false});
		record('facet Enter (include)', await session.op(ENTER));
		record('facet Enter (include)', await session.op(ENTER)); // and off again
	}

	log('timeline zoom');
	await session.op(TAB); // facets -> timeline
	for (let i = 0; i < reps; i++) {
		await session.op('G', {quiet: 80});
		for (let k = 0; k < i * 3; k++) await session.op('h', {quiet: 40});
		record('time zoom (z)', await session.op('z'));
		record('time unzoom (Z)', await session.op('Z'));
	}

	log('paging');
	await session.op(TAB); // timeline -> events
	await session.op('g');
	for (let i = 0; i < pages; i++) record('page down', await session.op(PGDN, {quiet: 120}), {panes: false});
	for (let i = 0; i < Math.max(3, Math.floor(reps / 2)); i++) {
		record('jump to end (G)', await session.op('G'), {panes: false});
		record('jump to top (g)', await session.op('g'), {panes: false});
	}

	log('records');
	for (let i = 0; i < reps; i++) {
		record('open record (Enter)', await session.op(ENTER, {test: text => text.includes('"eventSource"')}), {
			panes: false,
		});
		await session.op(ESC);
		await session.op('j', {quiet: 60});
	}

	log('find');
	// Texts that many events hold, found from the top (/), then the next one (n): a keyset query over the raw records.
	const found = text => settled(text) && !text.includes('· finding');
	await session.op('g');
	for (const [i, value] of principals.entries()) {
		const text = i % 2 === 0 ? value : `"eventName": "${eventNames[i % eventNames.length]}"`;
		record('find (/ Enter)', await session.op(ENTER, {prelude: ['/', text], test: found}), {panes: false});
		record('find next (n)', await session.op('n', {test: found}), {panes: false});
		await session.op('g');
	}

	log('SQL console');
	await session.op(':');
	const SQL =
		"SELECT principal, eventName, count(*) AS n, count(errorCode) AS errors FROM events WHERE eventTime >= TIMESTAMPTZ '2024-11-15' GROUP BY ALL ORDER BY n DESC";
	const sqlDone = text => /\d+ rows? · [\d.]+ m?s/.test(text) && !text.includes('running…');
	let result = await session.op(ENTER, {prelude: [SQL], test: sqlDone});
	add('SQL console query · result', result.done);
	for (let i = 1; i < Math.max(3, Math.floor(reps / 2)); i++) {
		result = await session.op(ENTER, {test: sqlDone});
		add('SQL console query · result', result.done);
	}
	await session.op(ESC);
	noteRss(session);
	await session.quit();
}

// Report.
const pct = (list, p) => {
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const operations = Object.entries(samples).map(([name, list]) => ({
	name,
	n: list.length,
	p50: Math.round(pct(list, 50)),
	p95: Math.round(pct(list, 95)),
	max: Math.round(Math.max(...list)),
}));
const machine = {
	cores: os.availableParallelism(),
	memoryGB: Math.round(os.totalmem() / 2 ** 30),
	node: process.version,
	load1: Number(os.loadavg()[0].toFixed(2)),
};
const report = {
	events: Number(total),
	caseFile: db,
	machine,
	peakRssMB: Math.round(peakRss / 2 ** 20),
	load,
	operations,
};
if (values.json) {
	console.log(JSON.stringify(report));
} else {
	console.log(`screen at ${Number(total).toLocaleString('en-US')} events (${db}), 120x40 pty, ms`);
	const width = Math.max(...operations.map(o => o.name.length));
	console.log(`${'operation'.padEnd(width)}   n    p50    p95    max`);
	for (const o of operations) {
		console.log(
			`${o.name.padEnd(width)} ${String(o.n).padStart(3)} ${String(o.p50).padStart(6)} ${String(o.p95).padStart(6)} ${String(o.max).padStart(6)}`,
		);
	}
	console.log(`peak RSS ${report.peakRssMB} MB`);
	console.log(`machine: ${machine.cores} cores, ${machine.memoryGB} GB, node ${machine.node}, load ${machine.load1}`);
}
