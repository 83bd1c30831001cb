import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {
	IDENTITY_TYPES,
	makeBuiltRecords,
	writeEventHistoryCsv,
	writeEventHistoryJson,
	writeJsonLines,
	writeLargeLogFile,
	type BuiltRecord,
} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {count} from '../helpers/counts.js';
import {tempDir} from '../helpers/temp.js';

async function loadInto(dbPath: string, sources: string[]) {
	const db = await CaseFile.open(dbPath);
	const {files} = await expandLocalSources(sources);
	const summary = await loadFiles(db, files);
	return {db, summary};
}

async function principals(db: CaseFile): Promise<Record<string, string>> {
	const rows = await db.all('SELECT eventID, principal FROM events');
	return Object.fromEntries(rows.map(row => [String(row['eventID']), String(row['principal'])]));
}

describe('input formats', () => {
	let dir: string;
	let built: BuiltRecord[];
	let expected: Record<string, string>;

	beforeAll(async () => {
		dir = await tempDir();
		built = makeBuiltRecords({count: 1500, seed: 9});
		expected = Object.fromEntries(built.filter(b => b.meta.iot).map(b => [b.meta.eventID, b.meta.principal]));
	});

	it('derives the principal of every identity type as DESIGN.md says', async () => {
		const types = new Set(built.filter(b => b.meta.iot).map(b => b.meta.principalType));
		for (const type of IDENTITY_TYPES) expect(types, type).toContain(type);
		await writeJsonLines(
			path.join(dir, 'p/events.jsonl'),
			built.map(b => b.record),
		);
		const {db} = await loadInto(path.join(dir, 'p.duckdb'), [path.join(dir, 'p')]);
		expect(await principals(db)).toEqual(expected);
		expect(await count(db, `SELECT count(*) FROM events WHERE principal IS NULL OR principal = ''`)).toBe(0);
		db.close();
	});

	it.each([
		['JSON lines', 'events.jsonl', writeJsonLines],
		['gzip JSON lines', 'events.jsonl.gz', writeJsonLines],
		['Event history JSON export', 'event_history.json', writeEventHistoryJson],
		['Event history CSV export', 'event_history.csv', writeEventHistoryCsv],
	] as const)('%s loads the same events', async (_name, file, write) => {
		const folder = path.join(dir, file.replaceAll('.', '-'));
		await write(path.join(folder, file), built.map(b => b.record) as never);
		const {db, summary} = await loadInto(path.join(dir, `${file}.duckdb`), [folder]);
		expect(summary.filesFailed).toEqual([]);
		expect(summary.eventsAdded).toBe(Object.keys(expected).length);
		expect(await principals(db)).toEqual(expected);
		db.close();
	});

	it('a log file over DuckDB’s 16 MB JSON object limit loads', async () => {
		const file = path.join(dir, 'large/111122223333_CloudTrail_us-east-1_20241203T2340Z_LARGEFILE0000001.json');
		const iot = await writeLargeLogFile(file, 20 * 1024 * 1024, 3);
		const {db, summary} = await loadInto(path.join(dir, 'large.duckdb'), [file]);
		expect(summary.filesFailed).toEqual([]);
		expect(summary.bytes).toBeGreaterThan(16 * 1024 * 1024);
		expect(summary.eventsAdded).toBe(iot);
		db.close();
	});
});
