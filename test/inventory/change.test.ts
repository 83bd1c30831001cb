/**
 * The record view's "before -> after" (source/inventory/change.ts through the screen's read, ui/reads/inventory.ts)
 * on a generated lifecycle: at every successful mutating call of the stories, the "before" equals the generator's own
 * inventory just before that call (with the event that set it), "not in the evidence" when no earlier call set it;
 * every failed call changed nothing.
 */
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {MUTATING_CALLS, type Change, type ChangeLine} from '../../source/inventory/change.js';
import type {Inventory, InventoryPlacement} from '../../source/inventory/types.js';
import {loadFiles} from '../../source/loader/load-files.js';
import {
	expectedInventory,
	generateLifecycle,
	isoMicros,
	makeRecords,
	type LifecycleCall,
	type LifecycleTruth,
} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {read} from '../../source/store/read.js';
import {changeText} from '../../source/ui/model/inventory.js';
import {LATEST_DEFINITION_CALLS, LATEST_STATE_CALLS, loadChange} from '../../source/ui/reads/inventory.js';
import {tempDir} from '../helpers/temp.js';
import {makeCase} from '../ui/case-file.js';

let truth: LifecycleTruth;
let db: CaseFile;

beforeAll(async () => {
	const dir = await tempDir();
	const archive = path.join(dir, 'archive');
	truth = await generateLifecycle({outDir: archive, seed: 3, cycles: 30, recordsPerFile: 60});
	db = await CaseFile.open(path.join(dir, 'case.duckdb'));
	const {files} = await expandLocalSources([archive]);
	const summary = await loadFiles(db, files, {});
	expect(summary.eventsAdded).toBe(truth.events);
	expect(truth.events).toBeGreaterThan(1000);
}, 60_000);

const change = (eventID: string) => loadChange(query => read(db, query), eventID);

/** Whether call a comes before call b in the replay's order (eventTime, then eventID). */
const precedes = (a: LifecycleCall, b: LifecycleCall) =>
	a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.eventID < b.eventID);

/** The generator's inventory just before a call. */
const priorTo = (call: LifecycleCall): Inventory =>
	expectedInventory({calls: truth.calls.filter(c => precedes(c, call))}, call.timeMs);

function placementOf(inventory: Inventory, call: LifecycleCall): InventoryPlacement | undefined {
	return inventory.projects
		.find(p => p.accountId === call.accountId && p.awsRegion === call.awsRegion && p.projectName === call.projectName)
		?.placements.find(p => p.placementName === call.placementName);
}

/** The slot's "before" the truth gives. */
function slotBefore(placement: InventoryPlacement | undefined, template: string): ChangeLine['before'] {
	const held = placement?.devices.find(d => d.deviceTemplateName === template);
	if (held) return {value: held.deviceId, by: held.associatedBy};
	if (placement?.state === 'active') return {value: 'empty', by: null};
	if (placement?.state === 'deleted') return {value: 'empty (placement deleted)', by: placement.deletedBy};
	return null;
}

describe('before -> after at the calls of generated stories (30 stories, 10 checked call by call)', () => {
	it('gives each device, slot and placement fact its value before the call and the event that set it', async () => {
		const seen = new Map<string, number>();
		let notInEvidence = 0;
		// The first 10 stories (the calls are in story order): every kind of call, 300 instants.
		for (const call of truth.calls.slice(0, Math.ceil(truth.calls.length / 3))) {
			const got = (await change(call.eventID)) as Change;
			if (!MUTATING_CALLS.has(call.eventName)) {
				expect(got, call.eventName).toBeNull();
				continue;
			}
			const prior = priorTo(call);
			const effect = call.effect;
			const device = prior.devices.find(d => d.deviceId === call.deviceId);
			const placement = placementOf(prior, call);
			const why = `${call.eventName} ${call.eventID}`;
			expect(got, why).not.toBeNull();
			expect(got.failed, why).toBeNull();
			let first: ChangeLine | undefined;
			switch (effect.kind) {
				case 'enable':
					first = {
						fact: 'enabled',
						before:
							device?.enabled === null || device === undefined
								? null
								: {value: String(device.enabled), by: device.enabledSetBy},
						after: String(effect.enabled),
					};
					break;
				case 'claim':
					first = {
						fact: 'claimed',
						before: device?.claimed ? {value: device.claimed.state, by: device.claimed.setBy} : null,
						after: effect.state,
					};
					break;
				case 'associate':
				case 'disassociate':
					first = {
						fact: `${call.placementName} ${effect.deviceTemplateName}`,
						before: slotBefore(placement, effect.deviceTemplateName),
						after: effect.kind === 'associate' ? call.deviceId! : 'empty',
					};
					break;
				case 'updatePlacement':
				case 'createPlacement': {
					const line = got.lines.find(l => l.fact.endsWith(' attributes'))!;
					expect(line.before === null ? null : JSON.parse(line.before.value), why).toEqual(
						placement?.attributes ?? null,
					);
					expect(line.before?.by ?? null, why).toEqual(placement?.attributesSetBy ?? null);
					expect(JSON.parse(line.after), why).toEqual(effect.attributes);
					if (effect.kind === 'createPlacement') expect(got.lines[0]!.before, why).toBeNull();
					break;
				}
				case 'deletePlacement':
					expect(got.lines[0], why).toEqual({
						fact: `${call.placementName} state`,
						before: {value: 'active', by: placement!.createdBy},
						after: 'deleted',
					});
					// The generator empties the placement first: nothing left to take out.
					expect(got.lines.slice(1), why).toEqual([]);
					break;
				default:
					break;
			}
			if (first) expect(got.lines[0], why).toEqual(first);
			if (got.lines.some(l => l.before === null)) notInEvidence++;
			seen.set(call.eventName, (seen.get(call.eventName) ?? 0) + 1);
		}
		// Every kind of call was checked, and some had an earlier state outside the evidence.
		expect([...seen.keys()].sort()).toEqual(
			[...new Set(truth.calls.map(c => c.eventName))].filter(n => MUTATING_CALLS.has(n)).sort(),
		);
		expect(notInEvidence).toBeGreaterThan(10);
	}, 120_000);

	it("shows a project's description and template before an update, and what a deletion took with it", async () => {
		const create = truth.calls.find(c => c.eventName === 'CreateProject')!;
		const update = truth.calls.find(c => c.eventName === 'UpdateProject' && c.projectName === create.projectName)!;
		const by = {eventID: create.eventID, eventTime: isoMicros(create.timeMs), principal: create.principal};
		const updated = (await change(update.eventID))!;
		expect(updated.lines.map(l => l.fact)).toEqual(['description', 'placementTemplate']);
		expect(updated.lines[0]).toEqual({
			fact: 'description',
			before: {value: 'Buttons of cycle 0', by},
			after: 'Buttons of cycle 0 (v2)',
		});
		expect(updated.lines[1]!.before?.value).toContain(':function:call-0');
		const created = (await change(create.eventID))!;
		expect(changeText(created)[0]).toBe('state: ? -> active · before: not in the evidence');
		// Cycle 0 deletes its project with lobby-0 still holding a device: the placement and its slot go with it.
		const deletion = truth.calls.find(c => c.eventName === 'DeleteProject' && c.projectName === create.projectName)!;
		const lobby = truth.calls.find(
			c => c.eventName === 'AssociateDeviceWithPlacement' && c.placementName === 'lobby-0',
		)!;
		const text = changeText(await change(deletion.eventID));
		expect(text[0]).toBe(
			`state: active -> deleted · before set by ${create.eventID} at ${isoMicros(create.timeMs)} by ${create.principal}`,
		);
		expect(text).toContain(
			`lobby-0 button: ${lobby.deviceId} -> empty · before set by ${lobby.eventID} at ${isoMicros(lobby.timeMs)} by ${lobby.principal}`,
		);
		expect(text.some(line => line.startsWith('lobby-0 state: active -> deleted'))).toBe(true);
	});

	it('says a failed call changed nothing; a read or an unknown event has no section', async () => {
		const failed = truth.failures.filter(f => f.eventName !== 'DescribeDevice');
		expect(failed.length).toBe(30 * 10);
		for (const failure of failed.filter((_, i) => i % 4 === 0)) {
			const got = (await change(failure.eventID))!;
			expect(got.failed, failure.eventName).toMatch(/\S/);
			expect(got.lines).toEqual([]);
			expect(changeText(got)).toEqual([`failed (${got.failed}): this call changed nothing`]);
		}
		const read = truth.failures.find(f => f.eventName === 'DescribeDevice')!;
		expect(await change(read.eventID)).toBeNull();
		expect(await change('no-such-event')).toBeNull();
		const claim = truth.calls.find(c => c.eventName === 'ClaimDevicesByClaimCode')!;
		expect(changeText(await change(claim.eventID))).toEqual([
			'the call names no device: which devices it claimed is not in the evidence',
		]);
	});
});

/**
 * loadChange (the projects the call depends on) against the whole replay at every successful mutating call of a
 * case file: the kinds of call compared, and how many associations moved a device from another project.
 */
async function compareWithWholeReplay(
	caseFile: CaseFile,
	every = 1,
): Promise<{kinds: Set<string>; movedAcross: number}> {
	const query = (q: Parameters<typeof read>[1]) => read(caseFile, q);
	const calls = await caseFile.all(
		`SELECT eventID, eventTime, eventName, deviceId, concat_ws('/', coalesce(recipientAccountId, accountId), awsRegion, projectName) AS project
		FROM events WHERE eventSource = 'iot1click.amazonaws.com' AND errorCode IS NULL ORDER BY eventTime, eventID`,
	);
	const kinds = new Set<string>();
	const associatedIn = new Map<string, Set<string>>();
	let movedAcross = 0;
	let index = 0;
	for (const call of calls) {
		const name = String(call['eventName']);
		if (!MUTATING_CALLS.has(name)) continue;
		let moved = false;
		if (name === 'AssociateDeviceWithPlacement' && typeof call['deviceId'] === 'string') {
			const earlier = associatedIn.get(call['deviceId']) ?? new Set<string>();
			moved = [...earlier].some(p => p !== call['project']);
			associatedIn.set(call['deviceId'], earlier.add(String(call['project'])));
		}
		// Every `every`th call, and every association of a device that was in another project.
		if (index++ % every !== 0 && !moved) continue;
		const id = String(call['eventID']);
		const time = call['eventTime'] as Date;
		const whole = await loadChange(query, id, time, {wholeReplay: true});
		expect(await loadChange(query, id, time), `${name} ${id}`).toEqual(whole);
		kinds.add(name);
		if (moved) movedAcross++;
	}
	return {kinds, movedAcross};
}

describe('the change section replays only the projects the call depends on', () => {
	const placementCalls = ['CreatePlacement', 'UpdatePlacement', 'DeletePlacement', 'CreateProject', 'DeleteProject'];

	it('gives the same before -> after as the whole replay at every fourth mutating call of the 30 stories', async () => {
		const {kinds} = await compareWithWholeReplay(db, 4);
		for (const name of [...placementCalls, 'AssociateDeviceWithPlacement', 'DisassociateDeviceFromPlacement'])
			expect(kinds.has(name), name).toBe(true);
	}, 120_000);

	it('and on a generated trail where devices move between projects (3,000 events; every third call and every move)', async () => {
		const made = await makeCase({events: 3000, seed: 7});
		const caseFile = await CaseFile.open(made.db, {readOnly: true});
		try {
			const {kinds, movedAcross} = await compareWithWholeReplay(caseFile, 3);
			for (const name of placementCalls) expect(kinds.has(name), name).toBe(true);
			expect(movedAcross).toBeGreaterThan(5);
		} finally {
			caseFile.close();
		}
	}, 120_000);
});

describe("a device call's state from the device's newest state calls (raw read from there on only)", () => {
	// Three devices with 40 UpdateDeviceState calls each, a minute apart (nth 0 the newest): every `enabled` valid;
	// the newest valid, then 20 that are not a boolean (the state before the newest comes from an older call); the
	// newest valid, then among the 16 before it only the oldest (the bound itself).
	const shapes: Record<string, (nth: number) => unknown> = {
		G030TEST00000001: nth => nth % 2 === 0,
		G030TEST00000002: nth => (nth === 0 ? true : nth <= 20 ? 'maybe' : nth % 3 === 0),
		G030TEST00000003: nth => (nth === 0 ? true : nth === LATEST_STATE_CALLS ? false : nth < 30 ? null : true),
	};

	it('gives the same before -> after as the whole replay at every state call', async () => {
		const template = (makeRecords({count: 3000, seed: 5, iotShare: 1}) as unknown as Record<string, unknown>[]).find(
			r => r['eventName'] === 'UpdateDeviceState' && !r['errorCode'],
		)!;
		const records: Record<string, unknown>[] = [];
		const start = Date.parse('2024-12-01T00:00:00Z');
		for (const [d, [deviceId, enabled]] of Object.entries(shapes).entries()) {
			for (let nth = 0; nth < 40; nth++) {
				// nth 0 is the newest.
				const minute = (40 - nth) * 3 + d;
				records.push({
					...template,
					eventID: `00000000-0000-4000-8000-${String(d * 100 + nth).padStart(12, '0')}`,
					eventTime: new Date(start + minute * 60_000).toISOString().replace('.000Z', 'Z'),
					requestParameters: {deviceId, enabled: enabled(nth)},
				});
			}
		}
		const dir = await tempDir();
		await writeFile(path.join(dir, 'states.json'), JSON.stringify({Records: records}));
		const caseFile = await CaseFile.open(path.join(dir, 'case.duckdb'));
		try {
			const summary = await loadFiles(caseFile, (await expandLocalSources([path.join(dir, 'states.json')])).files, {});
			expect(summary.eventsAdded).toBe(120);
			const query = (q: Parameters<typeof read>[1]) => read(caseFile, q);
			for (const record of records) {
				const id = String(record['eventID']);
				const whole = await loadChange(query, id, undefined, {wholeReplay: true});
				expect(await loadChange(query, id), id).toEqual(whole);
			}
			// The newest calls of the second and third devices: the state before is that of the newest valid call
			// before them, the 21st newest (nth 21) and the 17th (nth 16).
			expect(JSON.stringify(await loadChange(query, '00000000-0000-4000-8000-000000000100'))).toContain(
				'00000000-0000-4000-8000-000000000121',
			);
			expect(JSON.stringify(await loadChange(query, '00000000-0000-4000-8000-000000000200'))).toContain(
				'00000000-0000-4000-8000-000000000216',
			);
		} finally {
			caseFile.close();
		}
	}, 120_000);
});

describe("an update's project definition from the project's newest definition calls", () => {
	it('reads further back when the newest calls neither set the value nor begin the project', async () => {
		const records = makeRecords({count: 5000, seed: 5, iotShare: 1}) as unknown as Record<string, unknown>[];
		const pick = (name: string) => records.find(r => r['eventName'] === name && !r['errorCode'])!;
		const [create, update] = [pick('CreateProject'), pick('UpdateProject')];
		const projectName = 'many-updates';
		const template = {deviceTemplates: {button: {deviceType: 'button'}}};
		const start = Date.parse('2024-12-01T00:00:00Z');
		const calls: Record<string, unknown>[] = [];
		const call = (base: Record<string, unknown>, requestParameters: Record<string, unknown>) =>
			calls.push({
				...base,
				recipientAccountId: '111122223333',
				awsRegion: 'us-east-1',
				eventID: `00000000-0000-4000-9000-${String(calls.length).padStart(12, '0')}`,
				eventTime: new Date(start + calls.length * 60_000).toISOString().replace('.000Z', 'Z'),
				requestParameters: {projectName, ...requestParameters},
			});
		call(create, {description: 'first', placementTemplate: template});
		call(update, {description: 'the last description set'});
		// More updates than the first read takes, none of them setting the description.
		const more = LATEST_DEFINITION_CALLS + 4;
		for (let i = 0; i < more; i++) call(update, {placementTemplate: {...template, n: i}});
		call(update, {description: 'the newest'});
		const dir = await tempDir();
		await writeFile(path.join(dir, 'projects.json'), JSON.stringify({Records: calls}));
		const caseFile = await CaseFile.open(path.join(dir, 'case.duckdb'));
		try {
			await loadFiles(caseFile, (await expandLocalSources([path.join(dir, 'projects.json')])).files, {});
			const got = await loadChange(q => read(caseFile, q), String(calls.at(-1)!['eventID']));
			const description = got?.lines.find(line => line.fact === 'description');
			expect(description?.before).toEqual({
				value: 'the last description set',
				by: expect.objectContaining({eventID: calls[1]!['eventID']}) as unknown,
			});
		} finally {
			caseFile.close();
		}
	}, 60_000);
});
