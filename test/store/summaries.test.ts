/**
 * The screen's summaries (store/summaries.ts, query/summary.ts) on a real case file from the seeded generator:
 * every answer served from them equals the same query on the events table (counts, every facet field, span,
 * histogram bars for each width from an hour up), for single and several values, null values, the errors chip,
 * time windows with partial hours, and filters they cannot answer (excludes, text, two fields) falling back; the
 * reads use them only while they were built from the events the table holds; `clicktrail load` builds them.
 */
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {FACET_FIELDS, FACET_PANE_FIELDS} from '../../source/events/columns.js';
import {facetQuery, facetsQuery} from '../../source/query/facets.js';
import type {Chip, FacetField, FilterState} from '../../source/query/filters.js';
import {BUCKETS, histogramCountsQuery, spanQuery} from '../../source/query/histogram.js';
import {countQuery} from '../../source/query/paging.js';
import {
	splitHours,
	summaryCountQuery,
	summaryFacetQuery,
	summaryFacetsQuery,
	summaryHistogramQuery,
	summaryPlan,
	summarySpanQuery,
} from '../../source/query/summary.js';
import {loadFiles} from '../../source/loader/load-files.js';
import {generateSample} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {orderEventsByTime} from '../../source/store/optimize.js';
import {read} from '../../source/store/read.js';
import {Reader} from '../../source/store/reader.js';
import {refreshSummaries, summariesFresh} from '../../source/store/summaries.js';
import {loadCounts} from '../../source/ui/reads/counts.js';
import {loadFacets, loadFrequency} from '../../source/ui/reads/facets.js';
import {loadTimeline} from '../../source/ui/reads/timeline.js';
import {runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';
import {makeCase} from '../ui/case-file.js';

const HOUR = 3_600_000;
let db: CaseFile;
let filters: Array<[string, FilterState]>;
let first: Date;
let last: Date;

const field = (name: FacetField, value: string | null, exclude = false): Chip => ({
	kind: 'field',
	field: name,
	value,
	exclude,
});
const from = (time: Date): Chip => ({kind: 'from', time, label: time.toISOString()});
const until = (time: Date): Chip => ({kind: 'until', time, label: time.toISOString()});
const top = async (column: string, n: number) =>
	(await db.all(`SELECT ${column} AS v FROM events GROUP BY ALL ORDER BY count(*) DESC, v NULLS LAST LIMIT ${n}`)).map(
		r => (r['v'] === null ? null : String(r['v'])),
	);
const query = (q: {sql: string; params: unknown[]}) => read(db, q as Parameters<typeof read>[1]);

beforeAll(async () => {
	const made = await makeCase({events: 3000, seed: 7});
	db = await CaseFile.open(made.db);
	const built = await refreshSummaries(db);
	expect(built).toMatchObject({rebuilt: true, events: expect.any(Number)});
	expect(built.events).toBeGreaterThan(1000);
	const [span] = await db.all('SELECT min(eventTime) AS f, max(eventTime) AS l FROM events');
	first = span!['f'] as Date;
	last = span!['l'] as Date;
	const [principal, principal2] = await top('principal', 2);
	const names = await top('eventName', 3);
	const [device] = await top('deviceId', 1);
	const [errorCode] = await top('errorCode', 1);
	const width = last.getTime() - first.getTime();
	// Odd minutes and milliseconds: partial hours at both ends; one window inside a single hour.
	const a = new Date(first.getTime() + Math.floor(width * 0.3) + 17 * 60_000 + 123);
	const b = new Date(first.getTime() + Math.floor(width * 0.7) + 41 * 60_000 + 7);
	const inside = new Date(Math.floor(a.getTime() / HOUR) * HOUR + 5 * 60_000);
	const exact = new Date(Math.ceil(a.getTime() / HOUR) * HOUR);
	filters = [
		['no filter', {chips: []}],
		['principal=', {chips: [field('principal', principal!)]}],
		['two principals', {chips: [field('principal', principal!), field('principal', principal2!)]}],
		['eventName=', {chips: [field('eventName', names[1]!)]}],
		['deviceId=(null)', {chips: [field('deviceId', null)]}],
		['deviceId= or null', {chips: [field('deviceId', device!), field('deviceId', null)]}],
		['errorCode=', {chips: [field('errorCode', errorCode!)]}],
		['errors', {chips: [{kind: 'errors'}]}],
		['errors + principal', {chips: [{kind: 'errors'}, field('principal', principal!)]}],
		['window', {chips: [from(a), until(b)]}],
		['window + eventName', {chips: [from(a), until(b), field('eventName', names[0]!)]}],
		['window + errors', {chips: [from(a), until(b), {kind: 'errors'}]}],
		['from only', {chips: [from(a)]}],
		['until only + principal', {chips: [until(b), field('principal', principal!)]}],
		['inside one hour', {chips: [from(inside), until(new Date(inside.getTime() + 20 * 60_000))]}],
		['whole hours', {chips: [from(exact), until(new Date(exact.getTime() + 30 * HOUR))]}],
		['exclude (events)', {chips: [field('eventName', names[0]!, true)]}],
		['two fields (partly)', {chips: [field('eventName', names[0]!), field('principal', principal!)]}],
		['text (events)', {chips: [{kind: 'text', text: 'iot'}]}],
	];
});
afterAll(() => db?.close());

describe('summaries answer exactly as the events do', () => {
	test('splitHours: whole hours from the summaries, partial hours at each end from the events', () => {
		const a = new Date(Date.UTC(2024, 10, 3, 10, 20));
		const b = new Date(Date.UTC(2024, 10, 3, 14, 5));
		expect(splitHours(a, b)).toEqual({
			hours: {from: Date.UTC(2024, 10, 3, 11) / HOUR, until: Date.UTC(2024, 10, 3, 14) / HOUR},
			edges: [
				{from: a, until: new Date(Date.UTC(2024, 10, 3, 11))},
				{from: new Date(Date.UTC(2024, 10, 3, 14)), until: b},
			],
		});
		const c = new Date(Date.UTC(2024, 10, 3, 10, 50));
		expect(splitHours(a, c).edges).toEqual([{from: a, until: c}]);
		expect(splitHours(undefined, undefined)).toEqual({hours: {}, edges: []});
	});

	test('counts, span and every facet field', compareAnswers);

	test('histogram bars for every width from an hour up, over spans with partial hours', compareBars);

	test('a later load: only its rows are added to them, and the answers are still exact', async () => {
		const dir = await tempDir();
		await generateSample({outDir: dir, events: 1500, seed: 8, digests: false});
		const before = Number((await query(countQuery({chips: []})))[0]!['count']);
		await loadFiles(db, (await expandLocalSources([dir])).files);
		expect(await summariesFresh(db)).toBe(false);
		expect(await refreshSummaries(db)).toMatchObject({rebuilt: 'added'});
		expect(Number((await query(countQuery({chips: []})))[0]!['count'])).toBeGreaterThan(before);
		await compareAnswers();
		await compareBars();
	});

	test('a table rewritten since (not only appended to): rebuilt from all events', async () => {
		await db.run(
			`INSERT INTO events (eventID, eventTime, principal, eventName) SELECT 'early-' || eventID, eventTime - INTERVAL 400 DAY, principal, eventName FROM events USING SAMPLE 50 ROWS`,
		);
		// The rows in time order: the first rows are no longer the events the summaries were built from.
		await orderEventsByTime(db);
		expect(await refreshSummaries(db)).toMatchObject({rebuilt: true});
		await compareAnswers();
	});

	test('what they cannot answer is left to the events', () => {
		const byName = new Map(filters);
		expect(summaryPlan(byName.get('exclude (events)')!)).toBeUndefined();
		expect(summaryPlan(byName.get('text (events)')!)).toBeUndefined();
		expect(summaryPlan(byName.get('two fields (partly)')!)).toBeUndefined();
		// Each of the two fields' own facet is a pair from the other one.
		expect(summaryPlan(byName.get('two fields (partly)')!, 'principal')).toMatchObject({field: 'eventName'});
	});
});

describe('the reads use the summaries only while they are fresh', () => {
	test('fresh: the reads take the summaries (a doctored summary shows); stale: the events again', async () => {
		const filter = filters.find(([name]) => name === 'principal=')![1];
		const reader = query;
		const fresh = () => summariesFresh(db);
		// The same reads given no freshness check: the events' answers.
		const events = query;
		const truth = {
			counts: await loadCounts(reader, filter, 1, fresh),
			facets: await loadFacets(reader, filter, 8, fresh),
			frequency: await loadFrequency(reader, 'eventName', filter, fresh),
			timeline: await loadTimeline(reader, filter, 100, fresh),
		};
		expect(truth.counts.matching).toBe(Number((await query(countQuery(filter)))[0]!['count']));
		expect(truth.facets).toEqual(await loadFacets(events, filter, 8));
		expect(truth.frequency).toEqual(await loadFrequency(events, 'eventName', filter));
		expect(truth.timeline).toEqual(await loadTimeline(events, filter, 100));
		expect(await summariesFresh(db)).toBe(true);

		// Doctored (still stamped fresh): the reads show it, so they read the summaries.
		await db.run('UPDATE summary_hours SET total = total * 2');
		await db.run('UPDATE summary_pairs SET total = total * 2');
		expect((await loadCounts(reader, filter, 1, fresh)).matching).toBe(truth.counts.matching * 2);
		expect((await loadFacets(reader, filter, 8, fresh))[0]!.values[0]!.count).toBe(
			truth.facets[0]!.values[0]!.count * 2,
		);

		// One more event: the summaries are stale and never read; the answers are the events' again.
		await db.run(
			`INSERT INTO events (eventID, eventTime, principal, eventName) SELECT 'extra-' || eventID, eventTime, principal, eventName FROM events WHERE principal = ? LIMIT 1`,
			[(filter.chips[0] as {value: string}).value],
		);
		expect(await summariesFresh(db)).toBe(false);
		const counts = await loadCounts(reader, filter, 1, fresh);
		expect(counts.matching).toBe(truth.counts.matching + 1);
		expect(counts.matching).toBe(Number((await query(countQuery(filter)))[0]!['count']));
		const facets = await loadFacets(reader, filter, 8, fresh);
		expect(facets).toEqual(await loadFacets(events, filter, 8));
		expect(facets).not.toEqual(truth.facets);

		// Rebuilt (from all events: the doctored groups go): fresh, and right again.
		await db.run('DELETE FROM summary_state');
		expect(await refreshSummaries(db)).toMatchObject({
			rebuilt: true,
			events: Number((await query(countQuery({chips: []})))[0]!['count']),
		});
		expect(await loadCounts(reader, filter, 1, fresh)).toEqual(counts);
		expect(await loadFacets(reader, filter, 8, fresh)).toEqual(facets);
		expect(await refreshSummaries(db)).toMatchObject({rebuilt: false});
	});

	test("the screen's reader says whether they are fresh (tools.summaries)", async () => {
		const reader = new Reader(db);
		try {
			expect(await reader.run('x', (_query, tools) => tools.summaries!())).toBe(true);
		} finally {
			await reader.close();
		}
		await db.run(`INSERT INTO events (eventID, eventTime, principal) VALUES ('one-more', now(), 'p')`);
		const later = new Reader(db);
		try {
			expect(await later.run('x', (_query, tools) => tools.summaries!())).toBe(false);
		} finally {
			await later.close();
		}
	});
});

describe('clicktrail load', () => {
	test('builds the summaries, and rebuilds them when a later load adds events', async () => {
		const dir = await tempDir();
		const archive = path.join(dir, 'archive');
		await generateSample({outDir: archive, events: 1200, seed: 3, digests: false});
		const file = path.join(dir, 'case.duckdb');
		const load = await runCli(['load', archive, '--db', file, '--quiet']);
		expect(load.code, load.stderr).toBe(0);
		const more = path.join(dir, 'more');
		await generateSample({outDir: more, events: 1100, seed: 4, digests: false});
		const stamps: Array<[number, number]> = [];
		for (const next of [undefined, more]) {
			if (next) expect((await runCli(['load', next, '--db', file, '--quiet'])).code).toBe(0);
			const caseFile = await CaseFile.open(file, {readOnly: true});
			try {
				const [row] = await caseFile.all(
					'SELECT (SELECT events FROM summary_state) AS stamped, (SELECT count(*) FROM events) AS events',
				);
				stamps.push([Number(row!['stamped']), Number(row!['events'])]);
				expect(await summariesFresh(caseFile)).toBe(true);
			} finally {
				caseFile.close();
			}
		}
		expect(stamps[0]![0]).toBe(stamps[0]![1]);
		expect(stamps[1]![0]).toBe(stamps[1]![1]);
		expect(stamps[1]![1]).toBeGreaterThan(stamps[0]![1]);
	});
});

async function compareAnswers(): Promise<void> {
	let served = 0;
	for (const [name, filter] of filters) {
		const plan = summaryPlan(filter);
		if (plan) {
			served++;
			expect(await query(summaryCountQuery(plan)), name).toEqual(await query(countQuery(filter)));
			const span = summarySpanQuery(plan);
			if (span) expect(await query(span), name).toEqual(await query(spanQuery(filter)));
		}
		for (const facet of FACET_FIELDS) {
			const own = summaryPlan(filter, facet);
			const q = own && summaryFacetQuery(facet, own, 1000);
			if (!q) continue;
			served++;
			expect(await query(q), `${name} · ${facet}`).toEqual(await query(facetQuery(facet, filter, 1000)));
		}
		expect(await query(summaryFacetsQuery(FACET_PANE_FIELDS, filter, 4)), name).toEqual(
			await query(facetsQuery(FACET_PANE_FIELDS, filter, 4)),
		);
	}
	expect(served).toBeGreaterThan(100);
}

async function compareBars(): Promise<void> {
	let served = 0;
	const spans = [
		{from: first, until: new Date(last.getTime() + 1)},
		{from: new Date(first.getTime() + 3 * 86_400_000 + 1_234_567), until: new Date(last.getTime() - 2 * HOUR - 77)},
	];
	for (const [name, filter] of filters) {
		const plan = summaryPlan(filter);
		if (!plan) continue;
		// The timeline's own span (first to last event under the filter): whole hours only, unless a window.
		const [own] = await query(spanQuery(filter));
		const held = own!['first'] as Date | null;
		const ownSpan = held && {from: held, until: new Date((own!['last'] as Date).getTime() + 1)};
		for (const bucket of BUCKETS) {
			for (const [span, holdsAll] of [
				...spans.map(s => [s, false] as const),
				...(ownSpan ? [[ownSpan, true] as const] : []),
			]) {
				const q = summaryHistogramQuery(plan, bucket, span, holdsAll);
				if (bucket.ms < HOUR) {
					expect(q).toBeUndefined();
					continue;
				}
				served++;
				expect(await query(q!), `${name} · ${bucket.name}`).toEqual(
					await query(histogramCountsQuery(filter, bucket, span)),
				);
			}
		}
	}
	expect(served).toBeGreaterThan(50);
}
