/**
 * Opening the case file. This folder (source/store/) is the only code that imports @duckdb/node-api.
 */
import {DuckDBInstance, type DuckDBConnection, type DuckDBValue} from '@duckdb/node-api';
import {
	applySandbox,
	checkForeignDefinitions,
	removeSandboxFolder,
	removeStaleSpill,
	sandboxFolder,
} from './sandbox.js';
import {MIGRATIONS, SCHEMA_VERSION, SUMMARIES_VERSION} from './schema.js';
import {refreshSummaries} from './summaries.js';
import {registerConnection} from './internal/connections.js';

export type OpenOptions = {
	/** Open without write access: statements that modify the file fail. */
	readOnly?: boolean;
	/** DuckDB memory_limit, e.g. '4GB'. */
	memoryLimit?: string;
	/** Directory DuckDB may spill to. */
	tempDirectory?: string;
	/** Worker threads; DuckDB's default is the core count. */
	threads?: number;
	/**
	 * The instance will run user SQL: no file access but its own folder, no extensions, settings locked (see
	 * sandbox.ts). Every command that runs SQL a user typed or a case file holds opens the case file this way.
	 */
	sandbox?: boolean;
	/**
	 * Told before a long step of a schema upgrade what it is doing (building the screen's summaries of a file from
	 * before them: about 2.6 s a million events), for a progress line.
	 */
	onUpgrade?: (note: string) => void;
};

/** A plain row: column name to a JavaScript value (bigint narrowed to number where safe, timestamps as Date). */
export type Row = Record<string, unknown>;

export class CaseFileError extends Error {}

/** A read-only open found an older schema (CaseFile.open then upgrades it with a moment's write access). */
class NeedsUpgrade extends CaseFileError {}

/** An open case file. */
export class CaseFile {
	private constructor(
		readonly path: string,
		readonly readOnly: boolean,
		private readonly instance: DuckDBInstance,
		private readonly connection: DuckDBConnection,
		/** The sandbox's private folder (exports are staged there), when sandboxed. */
		readonly sandboxFolder?: string,
	) {
		registerConnection(this, connection);
	}

	/**
	 * Opens the case file. A read-only open of a file from an older clicktrail upgrades its schema first, through a
	 * moment's write access (fails with the usual "in use" message when another process holds it).
	 */
	static async open(path: string, options: OpenOptions = {}): Promise<CaseFile> {
		try {
			return await CaseFile.openOnce(path, options);
		} catch (error) {
			if (!(error instanceof NeedsUpgrade) || !options.readOnly) throw error;
			(await CaseFile.openOnce(path, {memoryLimit: options.memoryLimit, onUpgrade: options.onUpgrade})).close();
			return CaseFile.openOnce(path, options);
		}
	}

	private static async openOnce(path: string, options: OpenOptions): Promise<CaseFile> {
		const config: Record<string, string> = {
			// No query may reach the network: extensions are built in or not used.
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: options.sandbox ? 'false' : 'true',
		};
		if (options.readOnly) config['access_mode'] = 'READ_ONLY';
		if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
		const folder = options.sandbox ? sandboxFolder() : undefined;
		if (options.tempDirectory) config['temp_directory'] = options.tempDirectory;
		if (folder) config['temp_directory'] = folder;
		if (options.threads) config['threads'] = String(options.threads);
		let instance: DuckDBInstance;
		try {
			instance = await DuckDBInstance.create(path, config);
		} catch (error) {
			if (folder) removeSandboxFolder(folder);
			throw new CaseFileError(describeOpenError(path, error));
		}
		// Holding the write lock, no other process uses the default spill folder: a killed load's files go.
		if (!options.readOnly && !options.tempDirectory && !folder) removeStaleSpill(path);
		const connection = await instance.connect();
		const caseFile = new CaseFile(path, Boolean(options.readOnly), instance, connection, folder);
		try {
			// Timestamps are stored and compared as instants; the session zone only affects casts and display.
			await connection.run(`SET TimeZone = 'UTC'`);
			const foreign = await checkForeignDefinitions(connection);
			if (foreign) throw new CaseFileError(`${path}: ${foreign}`);
			await caseFile.migrate(options.onUpgrade);
			if (folder) await applySandbox(connection, folder);
		} catch (error) {
			caseFile.close();
			throw error;
		}
		return caseFile;
	}

	/** Schema version recorded in the file (0 for a new file). */
	async schemaVersion(): Promise<number> {
		const rows = await this.all(
			`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'clicktrail_meta'`,
		);
		if (rows[0]?.['n'] === 0) return 0;
		const version = await this.all(`SELECT value FROM clicktrail_meta WHERE key = 'schema_version'`);
		return Number(version[0]?.['value'] ?? 0);
	}

	private async migrate(onUpgrade?: (note: string) => void): Promise<void> {
		const current = await this.schemaVersion();
		if (current > SCHEMA_VERSION) {
			throw new CaseFileError(
				`${this.path}: case file has schema version ${current}, newer than this clicktrail understands (${SCHEMA_VERSION}); upgrade clicktrail`,
			);
		}
		if (current === SCHEMA_VERSION) return;
		if (this.readOnly) {
			if (current === 0)
				throw new CaseFileError(`${this.path}: not a clicktrail case file (load some logs into it first)`);
			throw new NeedsUpgrade(`${this.path}: case file needs a schema upgrade (${current} -> ${SCHEMA_VERSION})`);
		}
		await this.transaction(async () => {
			await this.run(`CREATE TABLE IF NOT EXISTS clicktrail_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
			for (const migration of MIGRATIONS) {
				if (migration.version <= current) continue;
				await this.connection.run(migration.sql);
			}
			await this.run(`INSERT OR REPLACE INTO clicktrail_meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
		});
		// A file from before the screen's summaries holds events but no summaries of them: built now, once (about 2.6 s
		// a million events), or the screen would read the events table until the next load.
		if (current > 0 && current < SUMMARIES_VERSION) {
			if (onUpgrade) {
				const events = Number((await this.all('SELECT count(*) AS n FROM events'))[0]?.['n'] ?? 0);
				onUpgrade(`upgrading the case file: the screen's summaries of ${events.toLocaleString('en-US')} events …`);
			}
			await refreshSummaries(this);
		}
	}

	/** Run a statement with bound parameters. */
	async run(sql: string, params: DuckDBValue[] = []): Promise<number> {
		const result = await this.connection.run(sql, params);
		return Number(result.rowsChanged);
	}

	/** Run a query with bound parameters and return plain rows. */
	async all(sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
		const reader = await this.connection.runAndReadAll(sql, params);
		return reader.getRowObjectsJS().map(plainRow);
	}

	/** Run `body` inside a transaction; roll back if it throws. */
	async transaction<T>(body: () => Promise<T>): Promise<T> {
		await this.connection.run('BEGIN TRANSACTION');
		try {
			const value = await body();
			await this.connection.run('COMMIT');
			return value;
		} catch (error) {
			await this.connection.run('ROLLBACK').catch(() => undefined);
			throw error;
		}
	}

	/**
	 * Another connection to the same database, for running queries side by side (DuckDB runs one statement at a time
	 * per connection). Its session zone is UTC, like the main connection's. The caller closes it (`closeSync()`).
	 */
	async connect(): Promise<DuckDBConnection> {
		const connection = await this.instance.connect();
		// A sandbox's settings are locked, with UTC as every connection's zone.
		if (!this.sandboxFolder) await connection.run(`SET TimeZone = 'UTC'`);
		return connection;
	}

	/** Interrupt the statement running on this connection, if any. */
	interrupt(): void {
		this.connection.interrupt();
	}

	close(): void {
		this.connection.closeSync();
		this.instance.closeSync();
		if (this.sandboxFolder) removeSandboxFolder(this.sandboxFolder);
	}
}

/** Narrow DuckDB's JS values: safe bigints to numbers. */
export function plainRow(row: Record<string, unknown>): Row {
	const out: Row = {};
	for (const [key, value] of Object.entries(row)) {
		out[key] =
			typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
				? Number(value)
				: value;
	}
	return out;
}

function describeOpenError(path: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/Could not set lock/i.test(message)) {
		return `${path}: the case file is in use by another process (DuckDB allows one writer at a time); close the other clicktrail and try again`;
	}
	if (/is not a valid DuckDB database file/i.test(message)) {
		return `${path}: not a case file (not a DuckDB database); a case file is made by clicktrail load SOURCE... --db PATH`;
	}
	if (/Is a directory/i.test(message)) {
		return `${path} is a folder; --db takes the case file's path, e.g. ${path.replace(/\/+$/, '')}/clicktrail.duckdb`;
	}
	if (/No such file|Cannot open database/i.test(message)) {
		return `${path}: cannot open the case file: ${message}`;
	}
	return `${path}: ${message}`;
}

/**
 * Whether `error` is one DuckDB raised about a statement (its message starts with DuckDB's error class: "Parser
 * Error:", "Binder Error:", "Catalog Error:", "Conversion Error:", "Permission Error:", ...), as opposed to a bug.
 */
export function isSqlError(error: unknown): boolean {
	return error instanceof Error && /^(?:[A-Z][A-Za-z]*(?: [A-Za-z]+)* Error|INTERRUPT Error): /.test(error.message);
}
