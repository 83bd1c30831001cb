/**
 * The calls and log files of generateLifecycle (lifecycle.ts): one step of a story made into a CloudTrail record, and
 * the records written as log files per account and region.
 */
import type {ArchiveWriter} from './archive-writer.js';
import type {RecordFactory} from './factory.js';
import {IOT_SOURCE, type CallScope} from './iot-operations.js';
import {logFileKey} from './layout.js';
import type {LifecycleEffect} from './lifecycle-truth.js';
import type {Random} from './random.js';
import {buildRecord} from './record.js';
import {MINUTE} from './time.js';
import type {BuiltRecord} from './types.js';
import {kebab} from './user-agents.js';
import type {World} from './world.js';

const DEVICE_OPERATIONS = new Set([
	'ListDevices',
	'DescribeDevice',
	'UpdateDeviceState',
	'ClaimDevicesByClaimCode',
	'InitiateDeviceClaim',
	'FinalizeDeviceClaim',
	'UnclaimDevice',
]);

/** One call to make. */
export type Step = {
	eventName: string;
	params: Record<string, unknown>;
	/** Fails (an errorCode) and so changes nothing. */
	fails?: boolean;
	effect?: LifecycleEffect;
	/** Same second as the previous step. */
	sameSecond?: boolean;
};

export function makeCall(
	scope: CallScope,
	step: Step,
	profile: ReturnType<RecordFactory['profile']>,
	timeMs: number,
): BuiltRecord {
	const api = DEVICE_OPERATIONS.has(step.eventName) ? 'devices' : 'projects';
	const readOnly = /^(List|Describe|Get)/.test(step.eventName);
	const deviceId = typeof step.params['deviceId'] === 'string' ? step.params['deviceId'] : undefined;
	return buildRecord({
		scope,
		timeMs,
		profile,
		eventSource: IOT_SOURCE,
		eventName: step.eventName,
		readOnly,
		host: `${api}.iot1click.${scope.region}.amazonaws.com`,
		cli: `iot1click-${api}.${kebab(step.eventName)}`,
		call: {requestParameters: step.params, responseElements: null, ...(deviceId === undefined ? {} : {deviceId})},
		iot: true,
		error: step.fails === true,
	});
}

/** Writes the records as log files per account and region, in time order, each file's records shuffled. */
export async function writeFiles(
	writer: ArchiveWriter,
	world: World,
	built: BuiltRecord[],
	rng: Random,
	perFile: number,
): Promise<string[]> {
	const groups = new Map<string, BuiltRecord[]>();
	for (const b of built) {
		const key = `${b.record.recipientAccountId}/${b.record.awsRegion}`;
		groups.set(key, [...(groups.get(key) ?? []), b]);
	}
	const keys: string[] = [];
	for (const [scopeKey, records] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const [account, region] = scopeKey.split('/') as [string, string];
		records.sort((a, b) => a.meta.timeMs - b.meta.timeMs);
		for (let i = 0; i < records.length; i += perFile) {
			const chunk = rng.shuffle(records.slice(i, i + perFile));
			const newest = Math.max(...chunk.map(b => b.meta.timeMs));
			const organizationId = account === world.organizationAccount ? world.organizationId : undefined;
			const key = logFileKey({account, region, deliveryMs: newest + rng.int(2, 9) * MINUTE, organizationId, rng});
			await writer.writeGzip(key, JSON.stringify({Records: chunk.map(b => b.record)}));
			keys.push(key);
		}
	}
	return keys;
}
