/**
 * The DuckDB connection behind each open case file, for the store's own modules only: no DuckDB object leaves
 * source/store/ (an ESLint seam forbids importing this folder from outside the store). Code elsewhere reads through
 * CaseFile's and the reader's methods, with {sql, params} from source/query/.
 */
import type {DuckDBConnection} from '@duckdb/node-api';

const connections = new WeakMap<object, DuckDBConnection>();

/** Records the connection of a case file (called once, by CaseFile's constructor). */
export function registerConnection(owner: object, connection: DuckDBConnection): void {
	connections.set(owner, connection);
}

/** The DuckDB connection of an open case file. */
export function connectionOf(owner: object): DuckDBConnection {
	const connection = connections.get(owner);
	if (!connection) throw new Error('This case file has no open connection');
	return connection;
}
