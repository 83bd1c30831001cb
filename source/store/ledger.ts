/**
 * The files ledger: what each input became, so a re-run skips what is loaded and reports what failed.
 */
import type {CaseFile} from './database.js';

export type LedgerEntry = {
	path: string;
	size: number;
	checksum: string;
	status: 'loaded' | 'failed';
	events: number;
	error: string | null;
};

/** Every ledger row, by input path or URI. */
export async function readLedger(db: CaseFile): Promise<Map<string, LedgerEntry>> {
	const rows = await db.all(`SELECT path, size, checksum, status, events, error FROM files`);
	return new Map(rows.map(row => [String(row['path']), row as unknown as LedgerEntry]));
}
