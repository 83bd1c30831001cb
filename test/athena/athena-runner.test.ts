/** The Athena runner against recorded API responses: success, failure, Athena's cancellation, and Ctrl-C. */
import {describe, expect, it} from 'vitest';
import {AthenaQueryError, costEstimate, pollDelay, runStatement} from '../../source/athena/runner.js';
import {fakeAthena, recording} from '../helpers/athena-fake.js';

const sql = "SELECT record FROM t WHERE account IN ('111122223333')";

describe('athena runner', () => {
	it('starts, polls with backoff until SUCCEEDED, and gives the data scanned', async () => {
		const api = fakeAthena([recording('succeeded')]);
		const waits: number[] = [];
		const states: string[] = [];
		const result = await runStatement(api, sql, {
			workgroup: 'forensics',
			database: 'clicktrail',
			resultsLocation: 's3://athena-results/case-42/athena/',
			sleep: async ms => {
				waits.push(ms);
			},
			onPoll: state => states.push(state),
		});
		expect(result).toEqual({
			queryId: '5f0c2d1e-7a4b-4c3d-9e8f-0a1b2c3d4e5f',
			sql,
			state: 'SUCCEEDED',
			dataScannedBytes: 109_951_162_778,
			engineMs: 61_872,
		});
		expect(states).toEqual(['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
		expect(waits).toEqual([500, 750, 1125, 1688]);
		expect(api.sent[0]).toEqual({
			command: 'StartQueryExecutionCommand',
			input: {
				QueryString: sql,
				WorkGroup: 'forensics',
				QueryExecutionContext: {Database: 'clicktrail'},
				ResultConfiguration: {OutputLocation: 's3://athena-results/case-42/athena/'},
			},
		});
		expect(api.sent.slice(1).every(sent => sent.command === 'GetQueryExecutionCommand')).toBe(true);
	});

	it('backs off to at most 5 s between polls', () => {
		expect(Array.from({length: 10}, (_, i) => pollDelay(i))).toEqual([
			500, 750, 1125, 1688, 2531, 3797, 5000, 5000, 5000, 5000,
		]);
	});

	it("a FAILED query throws with Athena's own error text and what it scanned", async () => {
		const api = fakeAthena([recording('failed')]);
		const error = await runStatement(api, sql, {resultsLocation: 's3://r/athena/', sleep: async () => {}}).catch(
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(AthenaQueryError);
		const failure = error as AthenaQueryError;
		expect(failure.message).toBe(
			"query 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d failed: HIVE_PATH_ALREADY_EXISTS: Target directory for table 'clicktrail.tmp' already exists: s3://athena-results/case-42/records. You may need to manually clean the data at location 's3://athena-results/case-42/athena/tables/9a8b7c6d' before retrying.",
		);
		expect(failure.state).toBe('FAILED');
		expect(failure.dataScannedBytes).toBe(2_147_483_648);
	});

	it('a query Athena cancelled throws, naming it', async () => {
		const api = fakeAthena([recording('cancelled')]);
		await expect(runStatement(api, sql, {resultsLocation: 's3://r/athena/', sleep: async () => {}})).rejects.toThrow(
			'query c0ffee00-1111-4222-8333-444455556666 was cancelled: Query cancelled by user',
		);
	});

	it('Ctrl-C (the signal) stops the running query with StopQueryExecution', async () => {
		const controller = new AbortController();
		const api = fakeAthena([recording('succeeded')], {
			onPoll(count) {
				if (count === 2) controller.abort();
			},
		});
		const error = (await runStatement(api, sql, {
			resultsLocation: 's3://r/athena/',
			signal: controller.signal,
			sleep: async () => {},
		}).catch((caught: unknown) => caught)) as AthenaQueryError;
		expect(error).toBeInstanceOf(AthenaQueryError);
		expect(error.message).toBe('query 5f0c2d1e-7a4b-4c3d-9e8f-0a1b2c3d4e5f stopped (interrupted)');
		expect(api.sent.map(sent => sent.command)).toEqual([
			'StartQueryExecutionCommand',
			'GetQueryExecutionCommand',
			'GetQueryExecutionCommand',
			'StopQueryExecutionCommand',
		]);
		expect(api.sent.at(-1)!.input).toEqual({QueryExecutionId: '5f0c2d1e-7a4b-4c3d-9e8f-0a1b2c3d4e5f'});
	});

	it('a signal aborted during the real wait stops the query without waiting the wait out', async () => {
		const controller = new AbortController();
		const api = fakeAthena([recording('succeeded')]);
		const started = performance.now();
		const run = runStatement(api, sql, {resultsLocation: 's3://r/athena/', signal: controller.signal});
		setImmediate(() => controller.abort());
		await expect(run).rejects.toThrow('stopped (interrupted)');
		expect(performance.now() - started).toBeLessThan(400);
		expect(api.sent.at(-1)!.command).toBe('StopQueryExecutionCommand');
	});

	it('estimates the cost at $5 per TB, at least 10 MB a query', () => {
		expect(costEstimate(1024 ** 4)).toBe(5);
		expect(costEstimate(109_951_162_778)).toBeCloseTo(0.5, 3);
		expect(costEstimate(0)).toBeCloseTo((10 / 1024 / 1024) * 5, 9);
	});
});
