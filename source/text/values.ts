/**
 * DuckDB's JavaScript values -> plain JSON values and display strings.
 */
import {inert} from './inert.js';

/** A JSON-safe value: bigints as numbers when exact (else strings), times as ISO 8601, nested values recursively. */
export function toPlain(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') {
		return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
	}
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
	if (Array.isArray(value)) return value.map(toPlain);
	if (typeof value === 'object') {
		return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toPlain(item)]));
	}
	return value;
}

/** One cell as text for a table or CSV: JSON for nested values, with every control character made visible. */
export function toCell(value: unknown): string {
	const plain = toPlain(value);
	if (plain === null) return '';
	if (typeof plain === 'object') return inert(JSON.stringify(plain));
	return inert(String(plain));
}
