/**
 * What the marks list, the events table's gutter, the record view and the timeline's findings row show: marks (events
 * an analyst marked, with a note) and the most severe finding that holds an event.
 */
import {SEVERITIES} from '../../query/findings.js';

/** One mark of the list. */
export type MarkRow = {
	eventID: string;
	note: string | null;
	eventTime: Date | null;
	eventName: string | null;
	principal: string | null;
};

/** How many marks and finding events the case file holds: the gutter and the findings row show when not 0. */
export type Annotations = {marks: number; findingEvents: number};

/** Whether the events table shows its gutter: when the case holds marks or findings. */
export function showsGutter(annotations: Annotations | undefined): boolean {
	return annotations !== undefined && annotations.marks + annotations.findingEvents > 0;
}

/** What the gutter shows beside one event: its mark and note, and the rank of the most severe finding holding it. */
export type Marker = {marked: boolean; note: string | null; rank: number | null};

/** The markers of the events on screen that have one, by eventID. */
export type Markers = Readonly<Record<string, Marker>>;

/** The timeline's findings row: per bar, the rank of the most severe finding among its events, or null. */
export type FindingBuckets = ReadonlyArray<number | null>;

/** A severity rank's one-letter label: C(ritical), H(igh), M(edium), L(ow), I(nformational). */
export function severityLetter(rank: number | null | undefined): string {
	if (rank === null || rank === undefined) return ' ';
	return (SEVERITIES[rank] ?? 'informational')[0]!.toUpperCase();
}

/** The severity a rank stands for. */
export function severityName(rank: number): string {
	return SEVERITIES[rank] ?? 'informational';
}
