/** The planted events: the incident (a dozen devices disabled by one odd session) and the hostile text. */
import {iotHost, iotOperation, IOT_SOURCE, type CallScope} from './iot-operations.js';
import type {RecordFactory} from './factory.js';
import {buildRecord} from './record.js';
import {isoSeconds, parseIso} from './time.js';
import type {BuiltRecord, HostileTruth, IncidentTruth} from './types.js';
import {kebab, userAgentFor} from './user-agents.js';
import {INCIDENT_IP} from './world.js';

/** The incident's ListDevices call; the UpdateDeviceState calls follow within about four minutes. */
export const INCIDENT_START = parseIso('2024-12-03T23:36:07Z');

/** The window the incident's log file covers (events of the incident and background around them). */
export const INCIDENT_WINDOW = {startMs: parseIso('2024-12-03T23:33:00Z'), endMs: parseIso('2024-12-03T23:45:00Z')};

/** Number of devices the incident disables. */
export const INCIDENT_DEVICES = 12;

/** The userAgent with terminal escapes (clear screen, OSC 52 clipboard write, BEL) and control characters. */
export const HOSTILE_USER_AGENT = 'evil\u001b[2J\u001b]52;c;cGF5bG9hZA==\u0007agent\r\n\u0000x';

/** Builds the incident's records (ListDevices, then 12 UpdateDeviceState enabled=false) and its truth. */
export function incidentRecords(scope: CallScope): {records: BuiltRecord[]; truth: IncidentTruth} {
	const {rng, world} = scope;
	const profile = world.incidentIdentity;
	const tool = profile.tools[0];
	if (!tool) throw new Error('incident identity has no client');
	const pool = world.devicesByScope.get(`${scope.account}/${scope.region}`) ?? [];
	const devices = rng.shuffle([...pool]).slice(0, INCIDENT_DEVICES);
	if (devices.length < INCIDENT_DEVICES) throw new Error('too few devices for the incident');

	const list = iotOperation('ListDevices');
	const update = iotOperation('UpdateDeviceState');
	const common = {
		scope,
		profile,
		eventSource: IOT_SOURCE,
		iot: true,
		sourceIPAddress: INCIDENT_IP,
		error: false as const,
	};
	const first = buildRecord({
		...common,
		timeMs: INCIDENT_START,
		eventName: list.name,
		readOnly: true,
		host: iotHost(list, scope.region),
		cli: `iot1click-devices.${kebab(list.name)}`,
		userAgent: userAgentFor(tool, ''),
		call: {requestParameters: {deviceType: 'button', maxResults: 100}, responseElements: null},
	});
	const records: BuiltRecord[] = [first];
	let t = INCIDENT_START + rng.int(25, 40) * 1000;
	for (const device of devices) {
		records.push(
			buildRecord({
				...common,
				timeMs: t,
				eventName: update.name,
				readOnly: false,
				host: iotHost(update, scope.region),
				cli: '',
				userAgent: userAgentFor(tool, ''),
				call: {
					requestParameters: {deviceId: device.deviceId, enabled: false},
					responseElements: null,
					deviceId: device.deviceId,
				},
			}),
		);
		t += rng.int(12, 22) * 1000;
	}
	const updates = records.slice(1);
	const firstUpdate = updates[0] as BuiltRecord;
	const lastUpdate = updates[updates.length - 1] as BuiltRecord;
	return {
		records,
		truth: {
			principal: profile.principal,
			principalType: 'AssumedRole',
			sessionName: profile.principal.slice(profile.principal.lastIndexOf('/') + 1),
			sourceIPAddress: INCIDENT_IP,
			userAgent: first.record.userAgent,
			accountId: scope.account,
			awsRegion: scope.region,
			eventName: update.name,
			deviceIds: devices.map(d => d.deviceId),
			start: firstUpdate.record.eventTime,
			end: lastUpdate.record.eventTime,
			count: updates.length,
			eventIDs: updates.map(r => r.meta.eventID),
			precedingEvent: {eventName: list.name, eventID: first.meta.eventID, eventTime: first.record.eventTime},
		},
	};
}

/** Number of records hostileRecords makes. */
export const HOSTILE_RECORDS = 3;

/**
 * Builds the hostile records within [startMs, endMs): one DescribeDevice whose userAgent carries escapes, and two
 * calls by the principal with wide and combining characters. The scope's account must be the hostile identity's.
 */
export function hostileRecords(
	scope: CallScope,
	factory: RecordFactory,
	startMs: number,
	endMs: number,
): {records: BuiltRecord[]; truth: HostileTruth} {
	const {rng, world} = scope;
	const at = () => startMs + Math.floor(rng.next() * (endMs - startMs));
	const ua = factory.iot(scope, at(), {
		op: iotOperation('DescribeDevice'),
		profile: factory.profile(scope, 'IAMUser'),
		userAgent: HOSTILE_USER_AGENT,
	});
	const byPrincipal = [
		factory.iot(scope, at(), {op: iotOperation('ListProjects'), profile: world.hostileIdentity}),
		factory.iot(scope, at(), {op: iotOperation('DescribePlacement'), profile: world.hostileIdentity}),
	];
	return {
		records: [ua, ...byPrincipal],
		truth: {
			eventID: ua.meta.eventID,
			userAgent: HOSTILE_USER_AGENT,
			principal: world.hostileIdentity.principal,
			principalEventIDs: byPrincipal.map(r => r.meta.eventID),
		},
	};
}

/** For tests and messages: the ISO time of the incident's first call. */
export const INCIDENT_START_ISO = isoSeconds(INCIDENT_START);
