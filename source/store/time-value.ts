import {timestampTZValue, type DuckDBTimestampTZValue} from '@duckdb/node-api';

/** A JavaScript Date as a DuckDB TIMESTAMPTZ parameter (an instant; milliseconds precision). */
export function instant(date: Date): DuckDBTimestampTZValue {
	return timestampTZValue(BigInt(date.getTime()) * 1000n);
}
