import type {CaseFile} from '../../source/store/database.js';

/** column value -> count over the events table, as a plain object (NULL values left out). */
export async function countsBy(
	db: CaseFile,
	column: 'eventName' | 'principal' | 'deviceId' | 'principalType' | 'awsRegion' | 'recipientAccountId',
): Promise<Record<string, number>> {
	const rows = await db.all(
		`SELECT "${column}" AS value, count(*) AS n FROM events WHERE "${column}" IS NOT NULL GROUP BY ALL`,
	);
	return Object.fromEntries(rows.map(row => [String(row['value']), Number(row['n'])]));
}

export async function count(db: CaseFile, sql: string, params: (string | number)[] = []): Promise<number> {
	const rows = await db.all(sql, params);
	return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}
