/**
 * What the findings pane renders: the findings `clicktrail hunt` stored in the case file.
 */

/** One finding of the list. */
export type FindingRow = {
	findingId: number;
	severity: string;
	title: string;
	ruleId: string;
	principal: string | null;
	startTime: string;
	endTime: string;
	count: number;
	/** The fields the rule's logic reads: why its events matched. */
	fields: string[];
};
