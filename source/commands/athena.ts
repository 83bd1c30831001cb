/**
 * `clicktrail athena plan|run`: let Athena find the IoT 1-Click and identity events in a whole trail (partition
 * projection over accounts, regions and days), then load only those records into the case file, recording in the
 * ledger which query wrote them.
 */
import type {AthenaOptions} from '../athena/options.js';
import {buildPlan, type AthenaPlan} from '../athena/plan.js';
import type {AthenaApi, StatementResult} from '../athena/runner.js';
import {EXIT, UserError} from '../exit-codes.js';
import type {Options} from '../options.js';
import {inert} from '../text/inert.js';

/** Stand-ins for tests: the Athena client and the wait between polls. */
export type AthenaDeps = {api?: AthenaApi; sleep?: (ms: number, signal?: AbortSignal) => Promise<void>};

export async function runAthena(options: Options, deps: AthenaDeps = {}): Promise<number> {
	const athena = options.athena!;
	const plan = buildPlan(athena.plan);
	if (athena.action === 'plan') {
		process.stdout.write(planText(plan, options.db));
		return EXIT.ok;
	}
	return runPlan(plan, athena, options, deps);
}

/** The statements as a script to read or paste into Athena's console, one statement each, `;`-terminated. */
export function planText(plan: AthenaPlan, db: string): string {
	const header = [
		`-- clicktrail athena plan: ${plan.days.length} delivery days (${plan.days[0]} to ${plan.days.at(-1)}), each account and region asked for.`,
		`-- Run these in order. The UNLOAD writes gzip'd JSON lines (one CloudTrail record each) to ${plan.recordsLocation},`,
		'-- which must be empty; then load them:',
		`--   clicktrail load ${plan.recordsLocation} --db ${db}`,
	];
	return `${header.join('\n')}\n\n${[...plan.ddl, plan.unload].map(sql => `${sql};`).join('\n\n')}\n`;
}

async function runPlan(plan: AthenaPlan, athena: AthenaOptions, options: Options, deps: AthenaDeps): Promise<number> {
	const {runStatement, AthenaQueryError, costEstimate} = await import('../athena/runner.js');
	const api =
		deps.api ??
		(await import('../athena/client.js')).createAthenaClient({
			...(options.s3.profile === undefined ? {} : {profile: options.s3.profile}),
			...((athena.athenaRegion ?? options.s3.bucketRegion) === undefined
				? {}
				: {region: athena.athenaRegion ?? options.s3.bucketRegion}),
		});
	const controller = new AbortController();
	const onInterrupt = (): void => {
		controller.abort();
	};
	process.once('SIGINT', onInterrupt);
	const say = (text: string): void => {
		if (!options.quiet) process.stderr.write(`${text}\n`);
	};
	const ran: Array<StatementResult & {role: 'ddl' | 'unload'; ranAt: Date}> = [];
	try {
		for (const [index, sql] of [...plan.ddl, plan.unload].entries()) {
			const role = index < plan.ddl.length ? 'ddl' : 'unload';
			const ranAt = new Date();
			const result = await runStatement(api, sql, {
				...(athena.workgroup === undefined ? {} : {workgroup: athena.workgroup}),
				resultsLocation: plan.resultsLocation,
				signal: controller.signal,
				...(deps.sleep === undefined ? {} : {sleep: deps.sleep}),
			});
			ran.push({...result, role, ranAt});
			if (role === 'unload') {
				const dollars = costEstimate(result.dataScannedBytes);
				say(
					`athena: query ${result.queryId} succeeded in ${(result.engineMs / 1000).toFixed(1)} s: ${sizeText(result.dataScannedBytes)} scanned (about $${dollars.toFixed(dollars < 1 ? 4 : 2)} at $5 per TB)`,
				);
			}
		}
	} catch (error) {
		if (error instanceof AthenaQueryError) {
			const scanned = error.dataScannedBytes > 0 ? ` (${sizeText(error.dataScannedBytes)} scanned)` : '';
			throw new UserError(`athena: ${inert(error.message)}${scanned}`, EXIT.error);
		}
		throw error;
	} finally {
		process.removeListener('SIGINT', onInterrupt);
		(api as {destroy?: () => void}).destroy?.();
	}

	const {loadSources} = await import('./load.js');
	const summary = await loadSources({
		...options,
		sources: [plan.recordsLocation],
		s3: {...options.s3, accounts: [], regions: [], wholePrefix: true},
	});
	const {CaseFile} = await import('../store/database.js');
	const {recordAthenaRun} = await import('../store/athena-ledger.js');
	const db = await CaseFile.open(options.db, {memoryLimit: options.memoryLimit});
	try {
		const tied = await recordAthenaRun(
			db,
			ran.map(query => ({
				queryId: query.queryId,
				role: query.role,
				sql: query.sql,
				dataScannedBytes: query.dataScannedBytes,
				engineMs: query.engineMs,
				...(athena.workgroup === undefined ? {} : {workgroup: athena.workgroup}),
				...(query.role === 'unload' ? {outputLocation: plan.recordsLocation} : {}),
				ranAt: query.ranAt,
			})),
		);
		say(`athena: ledger ties ${tied.toLocaleString('en-US')} files to query ${ran.at(-1)!.queryId}`);
	} finally {
		db.close();
	}
	if (summary.filesFailed.length === 0) return EXIT.ok;
	return summary.filesLoaded + summary.filesUnchanged > 0 ? EXIT.partial : EXIT.error;
}

/** Bytes scanned, as Athena's console shows them: MB below a GB, GB above. */
export function sizeText(bytes: number): string {
	const gb = bytes / 1024 ** 3;
	return gb >= 1 ? `${gb.toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
