/**
 * The screen's reader: read-only queries on a case file from several panes at once.
 *
 * DuckDB runs one statement at a time per connection, so the reader keeps one connection per lane (a lane is a
 * name a pane picks: 'count', 'facets', 'page', ...), opened on first use. Within a lane the newest request wins:
 * a new request interrupts the statement the lane is running, and every older request that has not finished is
 * rejected with {@link Superseded} (its rows are never returned, so a stale answer cannot overwrite a newer one).
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import type {SqlQuery} from '../query/sql.js';
import {summaryFreshQuery} from '../query/summary.js';
import type {CaseFile, Row} from './database.js';
import {exportQuery, type ExportOptions, type ExportPlace, type ExportResult} from './export.js';
import {read} from './read.js';
import {runReadOnlySql, type SqlOptions, type SqlResult} from './read-only-sql.js';
import {Superseded} from './superseded.js';

export {Superseded};

/** Runs one query of a job; throws {@link Superseded} once a newer request arrived on the lane. */
export type Query = (query: SqlQuery) => Promise<Row[]>;

/**
 * More a job can do on its lane's connection: run SQL the user typed (refused unless it only reads, capped; see
 * read-only-sql.ts) and export a query to a file. Both throw {@link Superseded} like {@link Query}.
 */
export type LaneTools = {
	sql: (sql: string, options?: SqlOptions) => Promise<SqlResult>;
	export: (query: SqlQuery, options: ExportOptions) => Promise<ExportResult>;
	/**
	 * Whether the case file's summaries (store/summaries.ts) were built from the events it holds, so a read may use
	 * them: checked once while the lanes are stable, at each call otherwise; false when it cannot be checked.
	 */
	summaries?: () => Promise<boolean>;
};

/** A unit of work on one lane: one or more queries, each depending on the last if it likes. */
export type Job<T> = (query: Query, tools: LaneTools) => Promise<T>;

/** What the screen needs from the store: run a job on a lane, newest first; cancel a lane's job. */
export type ReadLanes = {
	run<T>(lane: string, job: Job<T>): Promise<T>;
	/** Interrupts the lane's running job, if any; it rejects with {@link Superseded}. */
	cancel(lane: string): void;
	/**
	 * True when the events cannot change while these lanes are open (this process holds the case file's write lock
	 * and only reads): an answer then stays right, and the screen may show it again without asking.
	 */
	readonly stable?: boolean;
};

/** One connection and the bookkeeping for newest-wins. */
class Lane {
	private latest = 0;
	private busy = false;
	private tail: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly connection: Promise<DuckDBConnection>,
		private readonly place: ExportPlace,
		private readonly summaries: () => Promise<boolean>,
	) {}

	run<T>(job: Job<T>): Promise<T> {
		const ticket = ++this.latest;
		if (this.busy)
			void this.connection.then(
				c => c.interrupt(),
				() => undefined,
			);
		const current = () => ticket === this.latest;
		const result = this.tail.then(async () => {
			if (!current()) throw new Superseded();
			const connection = await this.connection;
			const exclusive = async <R>(work: () => Promise<R>): Promise<R> => {
				if (!current()) throw new Superseded();
				this.busy = true;
				try {
					return await work();
				} catch (error) {
					if (!current()) throw new Superseded();
					throw error;
				} finally {
					this.busy = false;
				}
			};
			const query: Query = sql => exclusive(() => read(connection, sql));
			const tools: LaneTools = {
				sql: (text, options) => exclusive(() => runReadOnlySql(connection, text, options)),
				export: (sql, options) => exclusive(() => exportQuery(connection, sql, options, this.place)),
				summaries: this.summaries,
			};
			const value = await job(query, tools);
			if (!current()) throw new Superseded();
			return value;
		});
		this.tail = result.catch(() => undefined);
		return result;
	}

	/** Interrupts the running job; it (and any queued one) rejects with {@link Superseded}. */
	cancel(): void {
		this.latest++;
		if (this.busy)
			void this.connection.then(
				c => c.interrupt(),
				() => undefined,
			);
	}

	async close(): Promise<void> {
		this.latest++;
		const connection = await this.connection.catch(() => undefined);
		if (this.busy) connection?.interrupt();
		await this.tail;
		connection?.closeSync();
	}
}

/** Lanes of connections on one open case file. */
export class Reader implements ReadLanes {
	private readonly lanes = new Map<string, Lane>();
	private closed = false;

	constructor(private readonly caseFile: CaseFile) {}

	/** Open for writing: no other process can add events meanwhile (DuckDB allows one writer). */
	get stable(): boolean {
		return !this.caseFile.readOnly;
	}

	/** Run `job` on `lane`: after the lane's current job, unless a newer one arrives first (then {@link Superseded}). */
	run<T>(lane: string, job: Job<T>): Promise<T> {
		if (this.closed) return Promise.reject(new Error('the case file is closed'));
		let entry = this.lanes.get(lane);
		if (!entry) {
			entry = new Lane(
				this.caseFile.connect(),
				{caseFile: this.caseFile.path, staging: this.caseFile.sandboxFolder},
				this.summariesFresh,
			);
			this.lanes.set(lane, entry);
		}
		return entry.run(job);
	}

	cancel(lane: string): void {
		this.lanes.get(lane)?.cancel();
	}

	private fresh?: Promise<boolean>;

	/** {@link LaneTools.summaries}: on a connection of its own, so no lane's newest-wins cancels it. */
	private readonly summariesFresh = (): Promise<boolean> => {
		if (this.stable && this.fresh) return this.fresh;
		const check = this.caseFile
			.connect()
			.then(async connection => {
				try {
					return (await read(connection, summaryFreshQuery()))[0]?.['fresh'] === true;
				} finally {
					connection.closeSync();
				}
			})
			.catch(() => false);
		if (this.stable) this.fresh = check;
		return check;
	};

	/** Interrupt and close every lane's connection (the case file itself stays open). */
	async close(): Promise<void> {
		this.closed = true;
		await Promise.all([...this.lanes.values()].map(lane => lane.close()));
		this.lanes.clear();
	}
}
