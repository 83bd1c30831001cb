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
	/** The window the file was loaded with (null: open on that side). */
	loadedSince: Date | null;
	loadedUntil: Date | null;
};

/** Every ledger row, by input path or URI. */
export async function readLedger(db: CaseFile): Promise<Map<string, LedgerEntry>> {
	const rows = await db.all(`SELECT path, size, checksum, status, events, error, loadedSince, loadedUntil FROM files`);
	return new Map(rows.map(row => [String(row['path']), row as unknown as LedgerEntry]));
}
