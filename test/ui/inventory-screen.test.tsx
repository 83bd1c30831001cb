/**
 * The inventory on the screen, on a case file loaded from the lifecycle generator (30 stories, over 1,000 events): a
 * time filter ending after a device was disabled, D, down to the disabled device, its dossier, and its events opened
 * as records with their "before -> after" (the event that set the earlier value, "not in the evidence", a failed call
 * that changed nothing); Esc back one level at a time; the record's device pivot still works.
 */
import path from 'node:path';
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadFiles} from '../../source/loader/load-files.js';
import {generateLifecycle, type LifecycleCall, type LifecycleTruth} from '../../source/sample/index.js';
import {expandLocalSources} from '../../source/sources/local.js';
import {CaseFile} from '../../source/store/database.js';
import {Reader} from '../../source/store/reader.js';
import {App} from '../../source/ui/app.js';
import {ReaderContext} from '../../source/ui/hooks/reader-context.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {tempDir} from '../helpers/temp.js';
import {until} from './case-file.js';

let truth: LifecycleTruth;
let caseFile: CaseFile;
let reader: Reader;

beforeAll(async () => {
	const dir = await tempDir('clicktrail-inventory-ui-');
	const archive = path.join(dir, 'archive');
	truth = await generateLifecycle({outDir: archive, seed: 8, cycles: 30});
	const db = path.join(dir, 'case.duckdb');
	const writable = await CaseFile.open(db);
	try {
		await loadFiles(writable, (await expandLocalSources([archive])).files);
	} finally {
		writable.close();
	}
	caseFile = await CaseFile.open(db, {readOnly: true});
	reader = new Reader(caseFile);
}, 60_000);

afterAll(async () => {
	await reader?.close();
	caseFile?.close();
});

const settled = (t: string) => / events │/.test(t) && !t.includes('loading');
/** The line under the cursor (lists mark it with › in the first column). */
const selected = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

describe('the inventory (D) on a generated case', () => {
	it('walks to a disabled device, its dossier, and the records of its calls with what each changed', async () => {
		expect(truth.events).toBeGreaterThan(1000);
		const byTime = [...truth.calls].sort((a, b) => a.timeMs - b.timeMs || (a.eventID < b.eventID ? -1 : 1));
		const isState = (c: LifecycleCall, enabled: boolean) =>
			c.effect.kind === 'enable' && c.effect.enabled === enabled && c.eventName === 'UpdateDeviceState';
		const disabled = byTime.find(c => isState(c, false))!;
		const device = disabled.deviceId!;
		const enabled = byTime.find(c => c.deviceId === device && c.timeMs > disabled.timeMs && isState(c, true))!;
		expect(enabled).toBeDefined();
		const {stdin, lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<ReaderContext.Provider value={reader}>
					<App caseFile="case.duckdb" zone="UTC" />
				</ReaderContext.Provider>
			</ThemeContext.Provider>,
		);
		const walkTo = async (test: (line: string) => boolean, key = 'j') => {
			for (let i = 0; i < 300; i++) {
				const line = selected(lastFrame() ?? '');
				if (test(line)) return line;
				stdin.write(key);
				await until(lastFrame, t => selected(t) !== line);
			}
			throw new Error(`never reached; last frame:\n${lastFrame()}`);
		};
		try {
			await until(lastFrame, settled);
			// The time filter ends a second after the device was disabled (before it was enabled again).
			const end = new Date(disabled.timeMs + 1000).toISOString().replace('.000Z', 'Z');
			stdin.write('f');
			await until(lastFrame, t => t.includes('filter (field=value'));
			stdin.write(`until=${end}`);
			stdin.write('\r');
			await until(lastFrame, t => settled(t) && t.includes('until 20'));
			stdin.write('D');
			const list = await until(lastFrame, t => t.includes('inventory before ') && t.includes('projects'));
			expect(list).toContain('(the end of the time filter)');
			const row = await walkTo(line => line.includes(device));
			expect(row).toContain('[DISABLED]');
			stdin.write('\r');
			await until(lastFrame, t => t.includes(`dossier of device ${device}`) && selected(t) !== '');
			// Its failed call first: it changed nothing.
			await walkTo(line => line.includes('UpdateDeviceState') && line.includes('FAILED'));
			stdin.write('\r');
			await until(lastFrame, t => t.includes('failed (') && t.includes('this call changed nothing'));
			stdin.write('\u001b');
			await until(lastFrame, t => t.includes(`dossier of device ${device}`));
			// The call that disabled it: no earlier state in the evidence.
			await walkTo(line => line.includes('UpdateDeviceState') && line.includes('→ [DISABLED]'));
			stdin.write('\r');
			await until(lastFrame, t => t.includes('enabled: ? -> false · before: not in the evidence'));
			stdin.write('\u001b');
			await until(lastFrame, t => t.includes(`dossier of device ${device}`));
			// The call that enabled it again: before, false, set by the call that disabled it.
			await walkTo(line => line.includes('UpdateDeviceState') && line.includes('→ enabled ·'));
			stdin.write('\r');
			// The record on screen is that call (its title: the call and its time), once both its record and its
			// change section have arrived (they are read on separate lanes, in either order).
			const at = new Date(enabled.timeMs).toISOString();
			const title = `UpdateDeviceState · ${at.slice(0, 10)} ${at.slice(11, 19)} UTC`;
			const record = await until(lastFrame, t => t.includes('enabled: false -> true') && t.includes(title));
			expect(record).toContain(`enabled: false -> true · before set by ${disabled.eventID}`);
			// Esc, one level at a time: the dossier, the inventory, the events.
			stdin.write('\u001b');
			await until(lastFrame, t => t.includes(`dossier of device ${device}`));
			stdin.write('\u001b');
			await until(lastFrame, t => t.includes('inventory before ') && selected(t).includes(device));
			stdin.write('\u001b');
			await until(lastFrame, t => settled(t) && t.includes('newest first') && !t.includes('inventory before '));
			// From a dossier's record, d still filters the events to the device.
			stdin.write('D');
			await until(lastFrame, t => t.includes('inventory before ') && t.includes('projects'));
			await walkTo(line => line.includes(device));
			stdin.write('\r');
			await until(lastFrame, t => t.includes(`dossier of device ${device}`) && selected(t) !== '');
			stdin.write('\r');
			// Its first event, the claim it started: nothing earlier in the evidence.
			await until(lastFrame, t => t.includes('InitiateDeviceClaim · ') && t.includes('claimed: ? -> initiated'));
			stdin.write('d');
			await until(lastFrame, t => settled(t) && t.includes(`deviceId=${device}`));
		} finally {
			unmount();
		}
	});
});
