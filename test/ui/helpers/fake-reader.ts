/**
 * A fake reader for pane and screen tests: answers the screen's reads from a list of events held in memory, by lane,
 * without DuckDB, and records every query it was asked. It does not evaluate filters (every filter sees every event);
 * tests that need filtering use a real case file (case-file.ts). Stable, like the screen's own reader.
 */
import type {PaneRow} from '../../../source/query/columns.js';
import type {SqlQuery} from '../../../source/query/sql.js';
import type {Row} from '../../../source/store/database.js';
import type {Job, LaneTools, ReadLanes} from '../../../source/store/reader.js';
import {FACET_PANE_FIELDS} from '../../../source/ui/reads/facets.js';

/** One event: the events table's columns and its raw record. */
export type FakeEvent = PaneRow & {raw: unknown; sourceFile: string};

/** `count` events, one a minute back from 2024-12-03 23:59 UTC, every fifth one failed. */
export function fakeEvents(count: number): FakeEvent[] {
	return Array.from({length: count}, (_, i) => {
		const eventTime = new Date(Date.UTC(2024, 11, 3, 23, 59 - (i % 60), i % 7, 0) - Math.floor(i / 60) * 3_600_000);
		const eventName = ['ListDevices', 'DescribeDevice', 'UpdateDeviceState'][i % 3]!;
		const event = {
			eventID: `event-${String(i).padStart(4, '0')}`,
			eventTime,
			eventName,
			principal: `arn:aws:iam::123456789012:user/user-${i % 4}`,
			deviceId: i % 2 === 0 ? `G030PM${String(i).padStart(10, '0')}` : null,
			sourceIPAddress: `198.51.100.${i % 9}`,
			errorCode: i % 5 === 0 ? 'AccessDenied' : null,
			awsRegion: 'us-east-1',
			accountId: '123456789012',
		};
		return {...event, raw: {...event, eventTime: eventTime.toISOString()}, sourceFile: `logs/${i % 3}.json.gz`};
	});
}

/** The fake. */
export class FakeReader implements ReadLanes {
	readonly stable = true;
	/** Every query run, with its lane, in order. */
	readonly queries: Array<{lane: string; query: SqlQuery}> = [];
	/** Marked events and their notes (the `marks` table), for the gutter and the marks list. */
	readonly marks = new Map<string, string | null>();
	/** The most severe finding's rank of the events a finding holds (0 critical ... 4 informational). */
	readonly findingRanks = new Map<string, number>();

	constructor(private readonly events: readonly FakeEvent[]) {}

	/** How many queries ran on `lane`. */
	count(lane: string): number {
		return this.queries.filter(q => q.lane === lane).length;
	}

	async run<T>(lane: string, job: Job<T>): Promise<T> {
		const tools: LaneTools = {
			sql: async () => ({columns: [], types: [], rows: [], more: false, elapsedMs: 0}),
			export: async (_query, options) => ({rows: this.events.length, path: options.path}) as never,
		};
		return job(async query => {
			this.queries.push({lane, query});
			return this.answer(query);
		}, tools);
	}

	cancel(): void {}

	private answer({sql, params}: SqlQuery): Row[] {
		const events = this.events;
		const marksAnswer = this.marksAnswer(sql, params);
		if (marksAnswer) return marksAnswer;
		if (sql.includes('FROM files')) return [];
		if (sql.includes('FROM findings') || sql.includes('FROM identity_events')) return [];
		if (sql.includes('information_schema')) return [];
		// The record view's change section: no fake event is an IoT 1-Click call it describes.
		if (sql.includes('AS placementTemplate')) return [];
		if (sql.startsWith('SELECT * FROM events')) {
			const event = events.find(e => e.eventID === params.at(-1));
			return event ? [{...event, raw: JSON.stringify(event.raw)}] : [];
		}
		if (sql.startsWith('SELECT count(*) AS count')) return [{count: events.length}];
		if (sql.includes('AS first')) {
			const times = events.map(e => e.eventTime.getTime());
			if (times.length === 0) return [{first: null, last: null, count: 0}];
			return [{first: new Date(Math.min(...times)), last: new Date(Math.max(...times)), count: times.length}];
		}
		if (sql.includes(' AS b,')) return [];
		if (sql.includes('AS field')) {
			return FACET_PANE_FIELDS.flatMap((field, index) => {
				const counts = new Map<string | null, number>();
				for (const e of events) counts.set(e[field], (counts.get(e[field]) ?? 0) + 1);
				return [...counts]
					.sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
					.map(([value, count]) => ({field: index, value, count}));
			});
		}
		if (sql.includes('ORDER BY eventTime')) {
			const asc = sql.includes('eventTime ASC');
			const sorted = [...events].sort((a, b) => (a.eventTime.getTime() - b.eventTime.getTime()) * (asc ? 1 : -1));
			return sorted.slice(0, Number(params.at(-1))).map(({raw: _raw, sourceFile: _file, ...row}) => row);
		}
		throw new Error(`the fake reader does not answer: ${sql}`);
	}

	/** The reads of source/query/marks.ts and the timeline's findings row (left empty), from the maps above. */
	private marksAnswer(sql: string, params: SqlQuery['params']): Row[] | undefined {
		if (sql.startsWith('SELECT (SELECT count(*) FROM marks)'))
			return [{marks: this.marks.size, findingEvents: this.findingRanks.size}];
		if (sql.startsWith('WITH hit AS')) return [];
		if (sql.startsWith('WITH ids AS')) {
			const ids = JSON.parse(String(params[0])) as string[];
			return ids
				.filter(id => this.marks.has(id) || this.findingRanks.has(id))
				.map(id => ({
					eventID: id,
					marked: this.marks.has(id),
					note: this.marks.get(id) ?? null,
					rank: this.findingRanks.get(id) ?? null,
				}));
		}
		if (sql.includes('FROM marks m LEFT JOIN events'))
			return [...this.marks].map(([eventID, note]) => {
				const event = this.events.find(e => e.eventID === eventID);
				return {
					eventID,
					note,
					eventTime: event?.eventTime ?? null,
					eventName: event?.eventName ?? null,
					principal: event?.principal ?? null,
				};
			});
		return undefined;
	}
}
