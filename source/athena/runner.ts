/**
 * Runs one statement through the Athena API: start it, poll its state with backoff until it ends, stop it when the
 * signal aborts (Ctrl-C), and give back Athena's own error text and the data it scanned.
 */
import {
	GetQueryExecutionCommand,
	StartQueryExecutionCommand,
	StopQueryExecutionCommand,
	type GetQueryExecutionCommandOutput,
} from '@aws-sdk/client-athena';

/** The part of AthenaClient the runner uses: its `send`. Tests give a stand-in with recorded responses. */
export type AthenaApi = {
	send(command: StartQueryExecutionCommand | GetQueryExecutionCommand | StopQueryExecutionCommand): Promise<unknown>;
};

/** Where and how a statement runs. */
export type StatementOptions = {
	workgroup?: string;
	database?: string;
	/** s3://... for Athena's result files. */
	resultsLocation: string;
	signal?: AbortSignal;
	/** Called after each poll with the state and bytes scanned so far. */
	onPoll?: (state: string, scannedBytes: number) => void;
	/** Waits between polls (tests pass one that does not wait). */
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

/** A statement that ran to its end. */
export type StatementResult = {
	queryId: string;
	sql: string;
	state: 'SUCCEEDED';
	dataScannedBytes: number;
	engineMs: number;
};

/** A statement Athena failed or cancelled, or one stopped by the user; `message` is Athena's own text. */
export class AthenaQueryError extends Error {
	override name = 'AthenaQueryError';
	constructor(
		message: string,
		readonly queryId: string | undefined,
		readonly state: string,
		readonly dataScannedBytes: number,
	) {
		super(message);
	}
}

/** First poll after 500 ms, then each wait 1.5 times longer, at most 5 s. */
export const POLL = {firstMs: 500, factor: 1.5, maxMs: 5000} as const;

/** The waits between polls: 500, 750, 1125, ... up to 5000 ms. */
export function pollDelay(attempt: number): number {
	return Math.min(POLL.maxMs, Math.round(POLL.firstMs * POLL.factor ** attempt));
}

/** Start `sql`, wait for its end; throws {@link AthenaQueryError} if it does not succeed. */
export async function runStatement(api: AthenaApi, sql: string, options: StatementOptions): Promise<StatementResult> {
	const sleep = options.sleep ?? wait;
	const {signal} = options;
	if (signal?.aborted) throw new AthenaQueryError('stopped before it started', undefined, 'CANCELLED', 0);
	const started = (await api.send(
		new StartQueryExecutionCommand({
			QueryString: sql,
			...(options.workgroup === undefined ? {} : {WorkGroup: options.workgroup}),
			...(options.database === undefined ? {} : {QueryExecutionContext: {Database: options.database}}),
			ResultConfiguration: {OutputLocation: options.resultsLocation},
		}),
	)) as {QueryExecutionId?: string};
	const queryId = started.QueryExecutionId;
	if (!queryId) throw new AthenaQueryError('Athena gave no query execution id', undefined, 'FAILED', 0);
	for (let attempt = 0; ; attempt++) {
		try {
			await sleep(pollDelay(attempt), signal);
		} catch {
			// Aborted while waiting: fall through to the check below.
		}
		if (signal?.aborted) {
			await api.send(new StopQueryExecutionCommand({QueryExecutionId: queryId})).catch(() => undefined);
			throw new AthenaQueryError(`query ${queryId} stopped (interrupted)`, queryId, 'CANCELLED', 0);
		}
		const {QueryExecution: execution} = (await api.send(
			new GetQueryExecutionCommand({QueryExecutionId: queryId}),
		)) as GetQueryExecutionCommandOutput;
		const state = execution?.Status?.State ?? 'QUEUED';
		const scanned = execution?.Statistics?.DataScannedInBytes ?? 0;
		options.onPoll?.(state, scanned);
		if (state === 'SUCCEEDED') {
			return {
				queryId,
				sql,
				state,
				dataScannedBytes: scanned,
				engineMs: execution?.Statistics?.EngineExecutionTimeInMillis ?? 0,
			};
		}
		if (state === 'FAILED' || state === 'CANCELLED') {
			const reason = execution?.Status?.StateChangeReason ?? execution?.Status?.AthenaError?.ErrorMessage;
			throw new AthenaQueryError(
				`query ${queryId} ${state === 'FAILED' ? 'failed' : 'was cancelled'}${reason ? `: ${reason}` : ''}`,
				queryId,
				state,
				scanned,
			);
		}
	}
}

async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	const {setTimeout} = await import('node:timers/promises');
	await setTimeout(ms, undefined, signal ? {signal} : {});
}

/** Bytes as Athena bills them: $5 per TB scanned (1 TB = 2^40 bytes), each query at least 10 MB. */
export function costEstimate(bytes: number, dollarsPerTb = 5): number {
	const billed = Math.max(bytes, 10 * 1024 * 1024);
	return (billed / 1024 ** 4) * dollarsPerTb;
}
