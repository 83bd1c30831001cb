import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateLifecycle} from '../../source/sample/index.js';
import {tempDir} from '../helpers/temp.js';

describe('generateLifecycle', () => {
	it('is seeded: the same options write the same files and truth, another seed others', async () => {
		const dir = await tempDir();
		const a = await generateLifecycle({outDir: path.join(dir, 'a'), seed: 4, cycles: 3});
		const b = await generateLifecycle({outDir: path.join(dir, 'b'), seed: 4, cycles: 3});
		const c = await generateLifecycle({outDir: path.join(dir, 'c'), seed: 5, cycles: 3});
		expect(b).toEqual(a);
		expect(c.calls.map(call => call.eventID)).not.toEqual(a.calls.map(call => call.eventID));
		for (const file of a.logFiles) {
			expect(await readFile(path.join(dir, 'b', file))).toEqual(await readFile(path.join(dir, 'a', file)));
		}
		// Each story: 11 failed calls, one tie, and calls of every kind the replay reads.
		expect(a.failures).toHaveLength(33);
		expect(a.ties).toHaveLength(3);
		expect(a.events).toBe(a.calls.length + a.failures.length);
		const names = new Set(a.calls.map(call => call.eventName));
		for (const name of [
			'CreateProject',
			'UpdateProject',
			'DeleteProject',
			'CreatePlacement',
			'UpdatePlacement',
			'DeletePlacement',
			'AssociateDeviceWithPlacement',
			'DisassociateDeviceFromPlacement',
			'UpdateDeviceState',
			'ClaimDevicesByClaimCode',
			'InitiateDeviceClaim',
			'FinalizeDeviceClaim',
			'UnclaimDevice',
		]) {
			expect(names).toContain(name);
		}
	});
});
