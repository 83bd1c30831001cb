/**
 * Integrity in the files ledger: `clicktrail verify --db` records what it concluded about each log file in the
 * ledger rows that name it (by local path or s3:// URI).
 */
import {LIST, TIMESTAMPTZ, VARCHAR, listValue} from '@duckdb/node-api';
import type {CaseFile} from './database.js';
import {instant} from './time-value.js';
import {connectionOf} from './internal/connections.js';

/** One file's verdict: every name a ledger row may have for it, and its status (valid, tampered, ...). */
export type IntegrityVerdict = {names: readonly string[]; status: string};

/** Sets integrity and integrityCheckedAt on the ledger rows named by the verdicts; returns how many rows changed. */
export async function recordIntegrity(
	db: CaseFile,
	verdicts: readonly IntegrityVerdict[],
	checkedAt: Date,
): Promise<number> {
	const names: string[] = [];
	const statuses: string[] = [];
	for (const verdict of verdicts) {
		for (const name of verdict.names) {
			names.push(name);
			statuses.push(verdict.status);
		}
	}
	if (names.length === 0) return 0;
	return db.transaction(async () => {
		await connectionOf(db).run(
			`CREATE OR REPLACE TEMP TABLE integrity_verdicts AS SELECT unnest($names) AS path, unnest($statuses) AS status`,
			{names: listValue(names), statuses: listValue(statuses)},
			{names: LIST(VARCHAR), statuses: LIST(VARCHAR)},
		);
		const result = await connectionOf(db).run(
			`UPDATE files SET integrity = v.status, integrityCheckedAt = $at
			FROM (SELECT path, any_value(status) AS status FROM integrity_verdicts GROUP BY path) v
			WHERE files.path = v.path`,
			{at: instant(checkedAt)},
			{at: TIMESTAMPTZ},
		);
		await connectionOf(db).run(`DROP TABLE integrity_verdicts`);
		return Number(result.rowsChanged);
	});
}
