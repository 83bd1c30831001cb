/**
 * Whether a read may use the case file's summaries (source/query/summary.ts): the reader's answer
 * (LaneTools.summaries), which says so only when they were built from the events the table holds. Without one
 * (a read called on its own), the events are read.
 */

/** Says whether the summaries are fresh (store/reader.ts LaneTools.summaries). */
export type Freshness = () => Promise<boolean>;

/** True when `fresh` is given and says yes. */
export async function summariesUsable(fresh: Freshness | undefined): Promise<boolean> {
	return fresh ? fresh() : false;
}
