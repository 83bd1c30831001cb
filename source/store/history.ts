/**
 * The SQL console's history, kept in the case file's `history` table (so it travels with the case).
 */
import type {CaseFile} from './database.js';

/** Entries kept at most; older ones are dropped as new ones arrive. */
export const HISTORY_LIMIT = 500;

/** Appends `sql` (unless it repeats the newest entry) and drops entries beyond {@link HISTORY_LIMIT}. */
export async function addHistory(db: CaseFile, sql: string, now = new Date()): Promise<void> {
	const text = sql.trim();
	if (text === '') return;
	await db.transaction(async () => {
		const last = (await db.all(`SELECT id, sql FROM history ORDER BY id DESC LIMIT 1`))[0];
		if (last && last['sql'] === text) return;
		const id = Number(last?.['id'] ?? 0) + 1;
		await db.run(`INSERT INTO history (id, sql, ran) VALUES (?, ?, CAST(? AS TIMESTAMPTZ))`, [
			id,
			text,
			now.toISOString(),
		]);
		await db.run(`DELETE FROM history WHERE id <= ?`, [id - HISTORY_LIMIT]);
	});
}

/** The newest `limit` entries, oldest first. */
export async function listHistory(db: CaseFile, limit = HISTORY_LIMIT): Promise<string[]> {
	const rows = await db.all(`SELECT sql FROM (SELECT id, sql FROM history ORDER BY id DESC LIMIT ?) ORDER BY id`, [
		limit,
	]);
	return rows.map(row => String(row['sql']));
}
