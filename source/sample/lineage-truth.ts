/**
 * The truth of a lineage sample (lineage.ts): each planted chain of credentials, hop by hop, as the generator made
 * it, independent of the records' JSON and of the walk that reads them back.
 */

/** One planted hop: a key and the eventID of the identity event that issued it (null: its issuance is not written). */
export type PlantedHop = {accessKeyId: string; issuedByEventID: string | null; eventName: string | null};

/** One planted chain: the IoT 1-Click events made with its last key, its hops (newest first), and its origin. */
export type PlantedChain = {
	name: string;
	/** IoT 1-Click events made with the chain's last key. */
	iotEventIDs: string[];
	hops: PlantedHop[];
	origin: {principal: string; principalType: string; kind: string; complete: boolean; reason?: string};
	/** A hop that crosses accounts: the eventIDs of the issuing event's two copies (caller's, role's). */
	crossAccount?: {callerCopy: string; roleCopy: string; sharedEventID: string};
};

export type LineageTruth = {
	seed: number;
	chains: PlantedChain[];
	/** Every identity event written (all unique eventIDs), including the role-account copy of a cross-account call. */
	identityEventIDs: string[];
	/** IoT 1-Click records written (planted and background, all unique eventIDs). */
	iotEvents: number;
	/** Every record written. */
	records: number;
	logFiles: string[];
};
