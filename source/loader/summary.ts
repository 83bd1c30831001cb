/** The loader's summary of one load: what became of the files and their records. */
import {NO_REJECTS, type Rejected} from '../store/ingest.js';

/** A file passed over or failed, with the reason. */
export type FileNote = {origin: string; reason: string};

export type LoadSummary = {
	filesTotal: number;
	filesLoaded: number;
	/** Already in the ledger, unchanged. */
	filesUnchanged: number;
	/** Not events on purpose (digests, Insights). */
	filesSkipped: FileNote[];
	/** Loaded without DuckDB reading them: the content scan found no record that could be kept (also in filesLoaded). */
	filesPassedOver: number;
	filesFailed: FileNote[];
	records: number;
	/** New events added to the case file. */
	eventsAdded: number;
	/** Kept records whose eventID the case file already held (redeliveries, reloads). */
	duplicates: number;
	otherService: number;
	/** New identity events added to identity_events (kept by every load, for credential lineage). */
	identityAdded: number;
	/** Identity events identity_events already held. */
	identityDuplicates: number;
	badRecords: number;
	/** badRecords by reason. */
	rejected: Rejected;
	outOfRange: number;
	bytes: number;
	elapsedMs: number;
};

/** A summary of nothing loaded yet. */
export function emptySummary(): LoadSummary {
	return {
		filesTotal: 0,
		filesLoaded: 0,
		filesUnchanged: 0,
		filesSkipped: [],
		filesPassedOver: 0,
		filesFailed: [],
		records: 0,
		eventsAdded: 0,
		duplicates: 0,
		otherService: 0,
		identityAdded: 0,
		identityDuplicates: 0,
		badRecords: 0,
		rejected: {...NO_REJECTS},
		outOfRange: 0,
		bytes: 0,
		elapsedMs: 0,
	};
}
