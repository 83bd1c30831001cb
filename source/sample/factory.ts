/** Makes background records: IoT 1-Click calls and other services' calls, by realistic identities. */
import {IDENTITY_TYPE_WEIGHTS, IDENTITY_TYPES, type IdentityProfile} from './identities.js';
import {IOT_OPERATIONS, IOT_SOURCE, iotHost, type CallScope, type IotOperation} from './iot-operations.js';
import {OTHER_OPERATIONS} from './other-services.js';
import {buildRecord, type RecordInput} from './record.js';
import type {BuiltRecord} from './types.js';
import {kebab} from './user-agents.js';
import type {World} from './world.js';

/** Builds records one at a time; keeps only small counters, never the records. */
export class RecordFactory {
	private opsCovered = 0;
	private typesCovered = 0;
	private readonly byType = new Map<string, Map<string, IdentityProfile[]>>();

	/**
	 * @param world - the seed's world.
	 * @param iotShare - the share of background records that are IoT 1-Click calls.
	 * @param coverage - when true, the first IoT records cycle through every operation and identity type, so that
	 *   even a small sample has all of them.
	 */
	constructor(
		private readonly world: World,
		private readonly iotShare: number,
		private readonly coverage = true,
	) {
		for (const [account, profiles] of world.identitiesByAccount) {
			const map = new Map<string, IdentityProfile[]>();
			for (const p of profiles) map.set(p.type, [...(map.get(p.type) ?? []), p]);
			this.byType.set(account, map);
		}
	}

	/** One background record at timeMs in the scope's account and region. */
	next(scope: CallScope, timeMs: number): BuiltRecord {
		return scope.rng.chance(this.iotShare) ? this.iot(scope, timeMs) : this.other(scope, timeMs);
	}

	/** An IoT 1-Click call; operation and identity chosen unless given. */
	iot(
		scope: CallScope,
		timeMs: number,
		options: {op?: IotOperation; profile?: IdentityProfile; userAgent?: string} = {},
	): BuiltRecord {
		let op = options.op;
		if (!op) {
			const covering = this.coverage && this.opsCovered < IOT_OPERATIONS.length;
			op = covering
				? (IOT_OPERATIONS[this.opsCovered++] as IotOperation)
				: scope.rng.weighted(IOT_OPERATIONS, o => o.weight);
		}
		let profile = options.profile;
		if (!profile) {
			const covering = this.coverage && this.typesCovered < IDENTITY_TYPES.length;
			profile = this.profile(scope, covering ? IDENTITY_TYPES[this.typesCovered++] : undefined);
		}
		const input: RecordInput = {
			scope,
			timeMs,
			profile,
			eventSource: IOT_SOURCE,
			eventName: op.name,
			readOnly: op.readOnly,
			host: iotHost(op, scope.region),
			cli: `iot1click-${op.api}.${kebab(op.name)}`,
			call: op.build(scope),
			iot: true,
			...(options.userAgent === undefined ? {} : {userAgent: options.userAgent}),
		};
		return buildRecord(input);
	}

	/** Another service's call. */
	other(scope: CallScope, timeMs: number): BuiltRecord {
		const op = scope.rng.weighted(OTHER_OPERATIONS, o => o.weight);
		const profile = op.identity ? op.identity(scope) : this.profile(scope, undefined, true);
		return buildRecord({
			scope,
			timeMs,
			profile,
			eventSource: op.eventSource,
			eventName: op.name,
			readOnly: op.readOnly,
			host: op.host(scope.region),
			cli: op.cli,
			call: op.build(scope, timeMs),
			iot: false,
		});
	}

	/** An identity of the scope's account: of the given type, or of a type drawn by weight. */
	profile(scope: CallScope, type?: string, human = false): IdentityProfile {
		const map = this.byType.get(scope.account);
		if (!map) throw new Error(`No identities for account ${scope.account}`);
		const types = human ? IDENTITY_TYPES.filter(t => t !== 'AWSService') : IDENTITY_TYPES;
		const chosen = type ?? scope.rng.weighted(types, t => IDENTITY_TYPE_WEIGHTS[t] ?? 0);
		const list = map.get(chosen);
		if (!list || list.length === 0) throw new Error(`No ${chosen} identity in account ${scope.account}`);
		return scope.rng.weighted(list, p => p.weight);
	}
}
