/**
 * The Athena part of the ledger: which query wrote which loaded files (query id, SQL text, data scanned), so a
 * responder can say how each record of a case file was selected from the organization's trail.
 */
import type {CaseFile} from './database.js';

/** One statement `clicktrail athena run` sent. */
export type AthenaQueryRecord = {
	queryId: string;
	role: 'ddl' | 'unload';
	sql: string;
	dataScannedBytes: number;
	engineMs: number;
	workgroup?: string;
	/** For the UNLOAD: where it wrote (s3://.../records/). */
	outputLocation?: string;
	ranAt: Date;
};

/**
 * Record the statements, and tie every ledger file under the UNLOAD's output location to it. Returns how many files
 * were tied.
 */
export async function recordAthenaRun(db: CaseFile, queries: readonly AthenaQueryRecord[]): Promise<number> {
	return db.transaction(async () => {
		let files = 0;
		for (const query of queries) {
			await db.run(
				`INSERT OR REPLACE INTO athena_queries (queryId, role, sql, dataScannedBytes, engineMs, workgroup, outputLocation, ranAt)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				[
					query.queryId,
					query.role,
					query.sql,
					query.dataScannedBytes,
					query.engineMs,
					query.workgroup ?? null,
					query.outputLocation ?? null,
					query.ranAt.toISOString(),
				],
			);
			if (query.outputLocation !== undefined) {
				files += await db.run(
					`INSERT OR IGNORE INTO athena_files (path, queryId)
					 SELECT path, ? FROM files WHERE starts_with(path, ?) AND status = 'loaded'`,
					[query.queryId, query.outputLocation],
				);
			}
		}
		return files;
	});
}

/** The query that wrote each loaded file, by path. */
export async function athenaFiles(
	db: CaseFile,
): Promise<Array<{path: string; queryId: string; sql: string; dataScannedBytes: number}>> {
	const rows = await db.all(
		`SELECT f.path, q.queryId, q.sql, q.dataScannedBytes FROM athena_files f JOIN athena_queries q USING (queryId) ORDER BY f.path`,
	);
	return rows.map(row => ({
		path: String(row['path']),
		queryId: String(row['queryId']),
		sql: String(row['sql']),
		dataScannedBytes: Number(row['dataScannedBytes']),
	}));
}
