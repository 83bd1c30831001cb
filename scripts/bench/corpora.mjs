// The load benchmark's corpora, generated once by the project's seeded generator into .bench/ (gitignored).
import {existsSync} from 'node:fs';
import {readFile, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';

const {generateSample} = await import('../../dist/sample/index.js');

async function cached(dir, build) {
	const truthFile = `${dir}.truth.json`;
	if (!existsSync(truthFile)) {
		await rm(dir, {recursive: true, force: true});
		const started = performance.now();
		process.stderr.write(`generating ${dir} ...\n`);
		await writeFile(truthFile, JSON.stringify(await build()));
		process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
	}
	const truth = JSON.parse(await readFile(truthFile, 'utf8'));
	let bytes = 0;
	for (const file of truth.files) bytes += (await stat(file)).size;
	return {dir, ...truth, bytes};
}

/** Records spread evenly: `iotShare` of them IoT 1-Click, in every account, region and day. */
export function uniformCorpus(root, records, perFile, iotShare) {
	const dir = path.join(root, `corpus-${records}-${Math.round(iotShare * 100)}pct-${perFile}`);
	return cached(dir, async () => {
		const truth = await generateSample({
			outDir: dir,
			events: records,
			seed: 42,
			iotShare,
			recordsPerFile: perFile,
			hostile: false,
		});
		return {
			records: truth.totalRecords,
			iotEvents: truth.iotEvents,
			files: truth.logFiles.map(file => path.join(dir, file)),
		};
	});
}

/**
 * As in real trails: about 1% IoT 1-Click, all of it in a few accounts and regions over three days; every other
 * file holds none (but other services' records may mention iot1click, e.g. a Lambda invocation's invokedBy).
 * Two generations: the background (no IoT 1-Click traffic, 98% of the records, the generator's world of accounts)
 * and the IoT part (half IoT 1-Click, 2% of the records, another seed's accounts, 2024-12-02 to 12-05).
 */
export function sparseCorpus(root, records, files) {
	const dir = path.join(root, `sparse-${records}-${files}`);
	const perFile = Math.max(1, Math.round(records / files));
	return cached(dir, async () => {
		const common = {recordsPerFile: perFile, hostile: false, digests: false};
		const background = await generateSample({
			...common,
			outDir: path.join(dir, 'background'),
			events: Math.round(records * 0.98),
			seed: 42,
			iotShare: 0,
		});
		const iot = await generateSample({
			...common,
			outDir: path.join(dir, 'iot'),
			events: Math.round(records * 0.02),
			seed: 43,
			iotShare: 0.5,
			start: '2024-12-02T00:00:00Z',
			end: '2024-12-05T00:00:00Z',
		});
		return {
			records: background.totalRecords + iot.totalRecords,
			iotEvents: background.iotEvents + iot.iotEvents,
			files: [
				...background.logFiles.map(file => path.join(dir, 'background', file)),
				...iot.logFiles.map(file => path.join(dir, 'iot', file)),
			],
		};
	});
}
