/** Accumulates the ground truth while records are written; keeps counters only. */
import {isoSeconds} from './time.js';
import type {BuiltRecord, GroundTruth} from './types.js';

function bump(map: Map<string, number>, key: string): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

function sorted(map: Map<string, number>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const key of [...map.keys()].sort()) out[key] = map.get(key) as number;
	return out;
}

/** Counts what was written. */
export class TruthBuilder {
	iotEvents = 0;
	otherServiceEvents = 0;
	totalRecords = 0;
	duplicateDeliveries = 0;
	errors = 0;
	readonly duplicateEventIDs: string[] = [];
	readonly logFiles: string[] = [];
	private oldest = Number.POSITIVE_INFINITY;
	private newest = Number.NEGATIVE_INFINITY;
	private readonly byEventName = new Map<string, number>();
	private readonly byPrincipal = new Map<string, number>();
	private readonly byPrincipalType = new Map<string, number>();
	private readonly byDeviceId = new Map<string, number>();
	private readonly byAccount = new Map<string, number>();
	private readonly byRegion = new Map<string, number>();

	/** A record written for the first time to a good log file. */
	add(built: BuiltRecord): void {
		this.totalRecords++;
		const {meta, record} = built;
		if (!meta.iot) {
			this.otherServiceEvents++;
			return;
		}
		this.iotEvents++;
		if (meta.error) this.errors++;
		bump(this.byEventName, meta.eventName);
		bump(this.byPrincipal, meta.principal);
		bump(this.byPrincipalType, meta.principalType);
		bump(this.byAccount, record.recipientAccountId);
		bump(this.byRegion, record.awsRegion);
		if (meta.deviceId !== undefined) bump(this.byDeviceId, meta.deviceId);
		if (meta.timeMs < this.oldest) this.oldest = meta.timeMs;
		if (meta.timeMs > this.newest) this.newest = meta.timeMs;
	}

	/** A record written again (same eventID) in another good log file. */
	addDuplicate(built: BuiltRecord): void {
		this.totalRecords++;
		this.duplicateDeliveries++;
		this.duplicateEventIDs.push(built.meta.eventID);
	}

	/** The counting part of the truth. */
	counts(): Pick<
		GroundTruth,
		| 'iotEvents'
		| 'otherServiceEvents'
		| 'totalRecords'
		| 'duplicateDeliveries'
		| 'duplicateEventIDs'
		| 'byEventName'
		| 'byPrincipal'
		| 'byPrincipalType'
		| 'byDeviceId'
		| 'byAccount'
		| 'byRegion'
		| 'errors'
		| 'oldestIotEvent'
		| 'newestIotEvent'
	> {
		return {
			iotEvents: this.iotEvents,
			otherServiceEvents: this.otherServiceEvents,
			totalRecords: this.totalRecords,
			duplicateDeliveries: this.duplicateDeliveries,
			duplicateEventIDs: [...this.duplicateEventIDs],
			byEventName: sorted(this.byEventName),
			byPrincipal: sorted(this.byPrincipal),
			byPrincipalType: sorted(this.byPrincipalType),
			byDeviceId: sorted(this.byDeviceId),
			byAccount: sorted(this.byAccount),
			byRegion: sorted(this.byRegion),
			errors: this.errors,
			oldestIotEvent: this.iotEvents > 0 ? isoSeconds(this.oldest) : null,
			newestIotEvent: this.iotEvents > 0 ? isoSeconds(this.newest) : null,
		};
	}
}
