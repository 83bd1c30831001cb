/**
 * `clicktrail sample --out DIR`: write a generated, seeded CloudTrail archive in the S3 layout.
 */
import {writeFile} from 'node:fs/promises';
import {EXIT} from '../exit-codes.js';
import type {Options} from '../options.js';
import {generateSample, sampleTestPublicKeys} from '../sample/index.js';

export async function runSample(options: Options): Promise<number> {
	const started = performance.now();
	const truth = await generateSample({
		outDir: options.out!,
		events: options.events,
		seed: options.seed,
		badFiles: options.badFiles,
		...(options.signaturesOut === undefined ? {} : {signaturesFile: options.signaturesOut}),
	});
	if (options.publicKeysOut !== undefined)
		await writeFile(options.publicKeysOut, JSON.stringify(sampleTestPublicKeys(), null, '\t') + '\n');
	if (!options.quiet) {
		const n = (value: number) => value.toLocaleString('en-US');
		process.stdout.write(
			[
				`wrote ${n(truth.logFiles.length)} log files, ${n(truth.digestFiles.length)} digest files${options.badFiles ? `, ${n(truth.badFiles.length)} bad files` : ''} to ${options.out}`,
				`records: ${n(truth.totalRecords)} (IoT 1-Click events ${n(truth.iotEvents)}, other services ${n(truth.otherServiceEvents)}, duplicate deliveries ${n(truth.duplicateDeliveries)})`,
				`seed ${options.seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
				...(options.signaturesOut === undefined ? [] : [`digest signatures (TEST key): ${options.signaturesOut}`]),
				...(options.publicKeysOut === undefined
					? []
					: [`TEST public key (for clicktrail verify --public-keys): ${options.publicKeysOut}`]),
				'',
			].join('\n'),
		);
	}
	return EXIT.ok;
}
