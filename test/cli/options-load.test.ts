import {describe, expect, it} from 'vitest';
import {DEFAULT_MEMORY_LIMIT, buildOptions, joinTimeValues, sizeInBytes, type Flags} from '../../source/options.js';

const flags: Flags = {allServices: false, force: false, quiet: false, badFiles: false, withDigests: false};
const now = new Date('2024-12-10T12:00:00Z');

describe('load options', () => {
	it('--since -7d and --until -2h: a relative time given as a separate word is the option’s value', () => {
		expect(joinTimeValues(['load', 'x', '--since', '-7d', '--until', '-2h', '-q'])).toEqual([
			'load',
			'x',
			'--since=-7d',
			'--until=-2h',
			'-q',
		]);
		expect(joinTimeValues(['load', '--since', '2024-12-01', '-q'])).toEqual(['load', '--since', '2024-12-01', '-q']);
		const options = buildOptions(['load', 'x'], {...flags, since: '-7d', until: '-2h'}, {}, now);
		expect(options.since).toEqual(new Date('2024-12-03T12:00:00Z'));
		expect(options.until).toEqual(new Date('2024-12-10T10:00:00Z'));
	});

	it('--memory-limit and --max-file-size take sizes; the environment is the fallback; nonsense is a usage error', () => {
		expect(buildOptions(['load', 'x'], flags, {}, now).memoryLimit).toBe(DEFAULT_MEMORY_LIMIT);
		expect(
			buildOptions(['load', 'x'], {...flags, memoryLimit: '4GB'}, {CLICKTRAIL_MEMORY_LIMIT: '2GB'}, now).memoryLimit,
		).toBe('4GB');
		expect(buildOptions(['load', 'x'], flags, {CLICKTRAIL_MEMORY_LIMIT: '2GB'}, now).memoryLimit).toBe('2GB');
		expect(buildOptions(['load', 'x'], {...flags, maxFileSize: '500MB'}, {}, now).maxFileBytes).toBe(500 * 1024 ** 2);
		expect(buildOptions(['load', 'x'], flags, {CLICKTRAIL_MAX_FILE_SIZE: '8g'}, now).maxFileBytes).toBe(8 * 1024 ** 3);
		expect(() => buildOptions(['load', 'x'], {...flags, memoryLimit: 'lots'}, {}, now)).toThrow(
			/--memory-limit must be a size/,
		);
		expect(() => buildOptions(['load', 'x'], {...flags, maxFileSize: '-1'}, {}, now)).toThrow(
			/--max-file-size must be a size/,
		);
		expect(sizeInBytes('1.5 GB')).toBe(1.5 * 1024 ** 3);
		expect(sizeInBytes('768MiB')).toBe(768 * 1024 ** 2);
		expect(sizeInBytes('0')).toBeUndefined();
	});
});

describe('load errors', () => {
	it('DuckDB running out of memory names the settings that raise the limit', async () => {
		const {describeLoadError} = await import('../../source/loader/describe-error.js');
		expect(
			await describeLoadError(
				'/nonexistent.json',
				'Out of Memory Error: failed to allocate data of size 64.0 MiB (700.0 MiB/768.0 MiB used)',
				'768MB',
			),
		).toBe(
			'DuckDB ran out of memory (limit 768MB): raise it with --memory-limit or CLICKTRAIL_MEMORY_LIMIT (e.g. 4GB)',
		);
	});
});

describe('temporary folders', () => {
	it('a folder left by a killed load is removed by the next load that needs one', async () => {
		const {mkdir, writeFile} = await import('node:fs/promises');
		const {existsSync} = await import('node:fs');
		const os = await import('node:os');
		const path = await import('node:path');
		const {WorkDir} = await import('../../source/loader/work-dir.js');
		// A pid that is not running: pids are below 2^22 on Linux.
		const stale = path.join(os.tmpdir(), 'clicktrail-load-4194999-test');
		await mkdir(stale, {recursive: true});
		await writeFile(path.join(stale, '1.rewrite.jsonl'), 'x');
		const work = new WorkDir();
		const file = await work.file('.json');
		expect(existsSync(stale)).toBe(false);
		expect(path.basename(path.dirname(file))).toMatch(new RegExp(`^clicktrail-load-${process.pid}-`));
		await work.close();
		expect(existsSync(path.dirname(file))).toBe(false);
	});
});
