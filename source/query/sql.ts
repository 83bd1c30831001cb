/**
 * The shape every builder in source/query/ returns: SQL text with `?` placeholders and the values bound to them.
 */

/** A value bound to a `?` placeholder. Dates are bound as TIMESTAMPTZ by the store. */
export type SqlParam = string | Date | number | boolean;

/**
 * A parameterised statement. Every user value is in `params`, in the order of the `?` placeholders in `sql`;
 * `sql` itself holds only fixed text and whitelisted column names.
 */
export type SqlQuery = {
	/** Statement text with positional `?` placeholders. */
	sql: string;
	/** One value per `?`, in order. */
	params: SqlParam[];
};

/** The case file's table of events. */
export const EVENTS_TABLE = 'events';
