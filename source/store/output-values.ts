/**
 * DuckDB values as the output code wants them (source/text/values.ts): times as ISO 8601 in UTC with their
 * microseconds (`2024-12-03T10:15:30.123456Z`; the default conversion to a JavaScript Date keeps milliseconds only),
 * JSON columns as {@link JsonText}, dates and other scalar types as DuckDB's text. A column's integers are
 * numbers or bigints as usual (its type says integer); inside nested values (lists, structs), where no column type
 * tells, every integer is a bigint, so that a number there is always a real.
 */
import {
	DuckDBTimestampMillisecondsValue,
	DuckDBTimestampNanosecondsValue,
	DuckDBTimestampSecondsValue,
	DuckDBTimestampTZValue,
	DuckDBTimestampValue,
	DuckDBTypeId,
	JSDuckDBValueConverter,
	type DuckDBType,
	type DuckDBValue,
	type DuckDBValueConverter,
	type JS,
} from '@duckdb/node-api';
import {JsonText} from '../text/values.js';

const MAX = 9223372036854775807n;
const DAY = 86_400_000_000n;

/** Microseconds since the epoch as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (as DuckDB's strftime writes it); infinities by name. */
export function isoMicros(micros: bigint): string {
	if (micros >= MAX) return 'infinity';
	if (micros <= -MAX) return '-infinity';
	let days = micros / DAY;
	let rest = micros % DAY;
	if (rest < 0n) {
		rest += DAY;
		days -= 1n;
	}
	const date = new Date(Number(days) * 86_400_000);
	const year = date.getUTCFullYear();
	const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');
	const seconds = rest / 1_000_000n;
	const time = `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}.${pad(rest % 1_000_000n, 6)}`;
	const yearText = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
	return `${yearText}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${time}Z`;
}

const INTEGERS = new Set<DuckDBTypeId>([
	DuckDBTypeId.TINYINT,
	DuckDBTypeId.SMALLINT,
	DuckDBTypeId.INTEGER,
	DuckDBTypeId.UTINYINT,
	DuckDBTypeId.USMALLINT,
	DuckDBTypeId.UINTEGER,
]);

const TEXT = new Set<DuckDBTypeId>([
	DuckDBTypeId.DATE,
	DuckDBTypeId.TIME,
	DuckDBTypeId.TIME_TZ,
	DuckDBTypeId.TIME_NS,
	DuckDBTypeId.INTERVAL,
	DuckDBTypeId.BIT,
	DuckDBTypeId.UUID,
]);

/** The converter for a column's values in result rows that are written out (query, views run, the SQL console). */
export const outputConverter: DuckDBValueConverter<unknown> = (value: DuckDBValue, type: DuckDBType) =>
	convert(value, type, nestedConverter);

/** The same inside nested values: integers as bigints. */
const nestedConverter: DuckDBValueConverter<unknown> = (value: DuckDBValue, type: DuckDBType) => {
	if (value !== null && value !== undefined && INTEGERS.has(type.typeId)) return BigInt(value as number);
	return convert(value, type, nestedConverter);
};

function convert(value: DuckDBValue, type: DuckDBType, converter: DuckDBValueConverter<unknown>): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof DuckDBTimestampTZValue || value instanceof DuckDBTimestampValue) return isoMicros(value.micros);
	if (value instanceof DuckDBTimestampSecondsValue)
		return isoMicros(value.seconds >= MAX || value.seconds <= -MAX ? value.seconds : value.seconds * 1_000_000n);
	if (value instanceof DuckDBTimestampMillisecondsValue)
		return isoMicros(value.millis >= MAX || value.millis <= -MAX ? value.millis : value.millis * 1000n);
	if (value instanceof DuckDBTimestampNanosecondsValue)
		return isoMicros(value.nanos >= MAX || value.nanos <= -MAX ? value.nanos : floorDiv(value.nanos, 1000n));
	if (type.typeId === DuckDBTypeId.VARCHAR && type.alias === 'JSON') return new JsonText(String(value));
	if (TEXT.has(type.typeId)) return String(value);
	return JSDuckDBValueConverter(value, type, converter as DuckDBValueConverter<JS>);
}

function floorDiv(a: bigint, b: bigint): bigint {
	const q = a / b;
	return a % b < 0n ? q - 1n : q;
}

/**
 * Rows of DuckDB values converted with {@link outputConverter}, each column with the result's type for it (a
 * vector's own type does not carry the JSON alias, so a JSON value would pass as plain text).
 */
export function convertRows(rows: readonly (readonly DuckDBValue[])[], types: readonly DuckDBType[]): unknown[][] {
	return rows.map(row => row.map((value, c) => outputConverter(value, types[c]!, outputConverter)));
}
