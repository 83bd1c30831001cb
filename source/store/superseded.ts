/**
 * The rejection of a request that a newer one on the same reader lane replaced. In its own module, without
 * DuckDB, so that the screen's code can be loaded (and its first frame drawn) before DuckDB is.
 */

/** A request that a newer one on the same lane replaced; callers ignore it. */
export class Superseded extends Error {
	override name = 'Superseded';
	constructor() {
		super('superseded by a newer request');
	}
}
