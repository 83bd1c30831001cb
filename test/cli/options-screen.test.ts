import {describe, expect, it} from 'vitest';
import {buildOptions, type Flags} from '../../source/options.js';
import {runCli} from '../helpers/cli.js';

const flags: Flags = {allServices: false, force: false, quiet: false, badFiles: false, withDigests: false};

describe('screen options', () => {
	it('--fresh opens the screen without the session kept from the last time', () => {
		expect(buildOptions([], {...flags, fresh: true}, {}).fresh).toBe(true);
		expect(buildOptions([], flags, {}).fresh).toBeUndefined();
	});

	it('--help says what --fresh does and where the session is kept', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/--fresh +open without restoring the last session on this case file/);
		expect(result.stdout).toContain('$XDG_STATE_HOME/clicktrail/');
	});
});
