/**
 * generateLifecycle: a seeded archive of IoT 1-Click calls that tell consistent stories, for testing the inventory
 * replay against a known truth. Each cycle, in one account and region: a project is created, placements are created
 * and updated, devices are claimed, associated, disabled, re-enabled, disassociated and unclaimed, a placement and
 * (every other cycle) the project are deleted; failed calls that would change all of that are mixed in, and two
 * state changes of one device land in the same second. A separate function: generateSample's output is unchanged.
 */
import {ArchiveWriter} from './archive-writer.js';
import {makeCall, writeFiles, type Step} from './lifecycle-calls.js';
import {RecordFactory} from './factory.js';
import type {CallScope} from './iot-operations.js';
import type {LifecycleCall, LifecycleFailure, LifecycleTruth} from './lifecycle-truth.js';
import {Random} from './random.js';
import {parseIso} from './time.js';
import type {BuiltRecord} from './types.js';
import {buildWorld} from './world.js';

/** Options of generateLifecycle. */
export type LifecycleOptions = {
	outDir: string;
	/** Default 1. */
	seed?: number;
	/** Stories to tell (default 4; each is about 45 calls). */
	cycles?: number;
	/** Default 2024-11-01T00:00:00Z. */
	start?: string;
	/** Default 2024-12-15T00:00:00Z. */
	end?: string;
	/** Records per log file at most (default 200). */
	recordsPerFile?: number;
};

/** Writes the archive and returns its truth. Same options, same bytes. */
export async function generateLifecycle(options: LifecycleOptions): Promise<LifecycleTruth> {
	const seed = options.seed ?? 1;
	const cycles = Math.max(1, Math.floor(options.cycles ?? 4));
	const startMs = parseIso(options.start ?? '2024-11-01T00:00:00Z');
	const endMs = parseIso(options.end ?? '2024-12-15T00:00:00Z');
	const world = buildWorld(seed);
	const factory = new RecordFactory(world, 1, false);
	const rng = new Random(seed, 77);
	const built: BuiltRecord[] = [];
	const calls: LifecycleCall[] = [];
	const failures: LifecycleFailure[] = [];
	const ties: LifecycleTruth['ties'] = [];
	const spacing = Math.floor((endMs - startMs) / cycles);

	for (let cycle = 0; cycle < cycles; cycle++) {
		const account = world.accounts[cycle % world.accounts.length]!;
		const region = world.regions[Math.floor(cycle / world.accounts.length) % world.regions.length]!;
		const scope: CallScope = {rng, world, account, region};
		const admin = factory.profile(scope, undefined, true);
		const operator = factory.profile(scope, undefined, true);
		let t = startMs + cycle * spacing + rng.int(0, 60) * 1000;
		const run = (step: Step, profile = admin): BuiltRecord => {
			if (!step.sameSecond) t += rng.int(5, 240) * 1000;
			const record = makeCall(scope, step, profile, t);
			built.push(record);
			const rp = step.params;
			if (step.fails) {
				failures.push({
					eventID: record.meta.eventID,
					timeMs: t,
					eventName: step.eventName,
					...(typeof rp['deviceId'] === 'string' ? {deviceId: rp['deviceId']} : {}),
				});
			} else {
				calls.push({
					eventID: record.meta.eventID,
					timeMs: t,
					eventName: step.eventName,
					principal: profile.principal,
					accountId: account,
					awsRegion: region,
					...(typeof rp['projectName'] === 'string' ? {projectName: rp['projectName']} : {}),
					...(typeof rp['placementName'] === 'string' ? {placementName: rp['placementName']} : {}),
					...(typeof rp['deviceId'] === 'string' ? {deviceId: rp['deviceId']} : {}),
					effect: step.effect ?? {kind: 'none'},
				});
			}
			return record;
		};

		const projectName = `fleet-${String(cycle).padStart(4, '0')}`;
		const pl1 = `dock-${cycle}`;
		const pl2 = `lobby-${cycle}`;
		const [d1, d2, d3, d4, d5] = Array.from({length: 5}, () => `G030PM${rng.digits(10)}`) as [
			string,
			string,
			string,
			string,
			string,
		];
		const template = {
			defaultAttributes: {location: 'unassigned'},
			deviceTemplates: {
				button: {
					deviceType: 'button',
					callbackOverrides: {onClickSingle: `arn:aws:lambda:${region}:${account}:function:call-${cycle}`},
				},
				light: {
					deviceType: 'button',
					callbackOverrides: {onClickLong: `arn:aws:lambda:${region}:${account}:function:light-${cycle}`},
				},
			},
		};
		const attrs = (where: string) => ({location: where, floor: String(rng.int(1, 6))});
		const slot = (placementName: string, deviceId: string, deviceTemplateName: string) => ({
			projectName,
			placementName,
			deviceId,
			deviceTemplateName,
		});

		run({
			eventName: 'CreateProject',
			params: {projectName, description: `Buttons of cycle ${cycle}`, placementTemplate: template},
			effect: {kind: 'createProject'},
		});
		run({eventName: 'CreateProject', params: {projectName, description: 'a second create'}, fails: true});
		run({eventName: 'CreateProject', params: {projectName: `${projectName}-denied`}, fails: true});
		const placed = (
			eventName: 'CreatePlacement' | 'UpdatePlacement',
			name: string,
			placementName: string,
			where: string,
		) => {
			const attributes = attrs(where);
			run({
				eventName,
				params: {projectName: name, placementName, attributes},
				effect: {kind: eventName === 'CreatePlacement' ? 'createPlacement' : 'updatePlacement', attributes},
			});
		};
		placed('CreatePlacement', projectName, pl1, 'Dock 1');
		placed('CreatePlacement', projectName, pl2, 'Lobby');
		run({
			eventName: 'UpdateProject',
			params: {projectName, description: `Buttons of cycle ${cycle} (v2)`, placementTemplate: template},
		});
		run({eventName: 'ClaimDevicesByClaimCode', params: {claimCode: `C-${rng.upperAlnum(8)}`}}, operator);
		for (const d of [d1, d2, d3]) {
			run(
				{eventName: 'InitiateDeviceClaim', params: {deviceId: d}, effect: {kind: 'claim', state: 'initiated'}},
				operator,
			);
			run(
				{
					eventName: 'FinalizeDeviceClaim',
					params: {deviceId: d, tags: {cycle: String(cycle)}},
					effect: {kind: 'claim', state: 'claimed'},
				},
				operator,
			);
		}
		run({
			eventName: 'AssociateDeviceWithPlacement',
			params: slot(pl1, d1, 'button'),
			effect: {kind: 'associate', deviceTemplateName: 'button'},
		});
		run({
			eventName: 'AssociateDeviceWithPlacement',
			params: slot(pl2, d2, 'button'),
			effect: {kind: 'associate', deviceTemplateName: 'button'},
		});
		run({
			eventName: 'AssociateDeviceWithPlacement',
			params: slot(pl1, d3, 'light'),
			effect: {kind: 'associate', deviceTemplateName: 'light'},
		});
		placed('UpdatePlacement', projectName, pl1, 'Dock 1, north');
		run({
			eventName: 'UpdatePlacement',
			params: {projectName, placementName: pl2, attributes: attrs('never')},
			fails: true,
		});
		run({eventName: 'UpdateDeviceState', params: {deviceId: d1, enabled: false}, fails: true}, operator);
		run(
			{
				eventName: 'UpdateDeviceState',
				params: {deviceId: d1, enabled: false},
				effect: {kind: 'enable', enabled: false},
			},
			operator,
		);
		const first = run(
			{
				eventName: 'UpdateDeviceState',
				params: {deviceId: d2, enabled: false},
				effect: {kind: 'enable', enabled: false},
			},
			operator,
		);
		const second = run(
			{
				eventName: 'UpdateDeviceState',
				params: {deviceId: d2, enabled: true},
				effect: {kind: 'enable', enabled: true},
				sameSecond: true,
			},
			admin,
		);
		ties.push({deviceId: d2, eventIDs: [first.meta.eventID, second.meta.eventID]});
		run({eventName: 'DescribeDevice', params: {deviceId: d4}}, operator);
		run({eventName: 'DescribeDevice', params: {deviceId: d5}, fails: true}, operator);
		run({eventName: 'GetDevicesInPlacement', params: {projectName, placementName: pl1}});
		run({
			eventName: 'UpdateDeviceState',
			params: {deviceId: d1, enabled: true},
			effect: {kind: 'enable', enabled: true},
		});
		run({eventName: 'DisassociateDeviceFromPlacement', params: slot(pl2, d2, 'button'), fails: true});
		run({eventName: 'DeletePlacement', params: {projectName, placementName: pl2}, fails: true});
		run({eventName: 'DeleteProject', params: {projectName}, fails: true});
		run({eventName: 'UpdateDeviceState', params: {deviceId: d3, enabled: false}, fails: true}, operator);
		run({eventName: 'UnclaimDevice', params: {deviceId: d3}, fails: true}, operator);
		run({eventName: 'AssociateDeviceWithPlacement', params: slot(pl2, d4, 'light'), fails: true});
		run({
			eventName: 'DisassociateDeviceFromPlacement',
			params: slot(pl1, d1, 'button'),
			effect: {kind: 'disassociate', deviceTemplateName: 'button'},
		});
		run({
			eventName: 'DisassociateDeviceFromPlacement',
			params: slot(pl1, d3, 'light'),
			effect: {kind: 'disassociate', deviceTemplateName: 'light'},
		});
		run({eventName: 'DeletePlacement', params: {projectName, placementName: pl1}, effect: {kind: 'deletePlacement'}});
		run({eventName: 'UnclaimDevice', params: {deviceId: d3}, effect: {kind: 'claim', state: 'unclaimed'}}, operator);
		if (cycle % 2 === 0) {
			// pl2 still holds d2: deleted with its project, d2 is left in no placement.
			run({eventName: 'DeleteProject', params: {projectName}, effect: {kind: 'deleteProject'}});
		}
		if (cycle % 3 === 0) {
			// A project and placement created before the evidence: seen, never created, so their state is unknown.
			const old = world.projectsByAccount.get(account)?.[0];
			if (old) placed('UpdatePlacement', old.projectName, old.placements[0]!, 'Old wing');
			const device = world.devicesByScope.get(`${account}/${region}`)?.[0];
			if (device)
				run(
					{
						eventName: 'UpdateDeviceState',
						params: {deviceId: device.deviceId, enabled: false},
						effect: {kind: 'enable', enabled: false},
					},
					operator,
				);
		}
	}

	const writer = new ArchiveWriter(options.outDir, 1);
	const logFiles = await writeFiles(writer, world, built, rng, options.recordsPerFile ?? 200);
	await writer.flush();
	return {seed, events: built.length, calls, failures, ties, logFiles: logFiles.sort(), startMs, endMs};
}
