/**
 * The file plan: how many log files, which account and region each covers, its time window and how many records
 * it holds. Small (one entry a file), so a million records never sit in memory at once.
 */
import type {Random} from './random.js';
import {DAY, MINUTE} from './time.js';
import {INCIDENT_WINDOW} from './special-events.js';
import type {World} from './world.js';

/** One log file to write. */
export type FilePlan = {
	index: number;
	account: string;
	region: string;
	/** Window of its events' times, [startMs, endMs). */
	startMs: number;
	endMs: number;
	/** Background records (special records come on top). */
	count: number;
	special?: 'incident' | 'hostile';
	/** This file is delivered a second time. */
	duplicate?: boolean;
	/** Deliver no earlier than this (to cross midnight). */
	minDeliveryMs?: number;
};

const ACCOUNT_WEIGHTS = [5, 3, 2];
const REGION_WEIGHTS = [55, 30, 15];

/** Plans the log files of a sample. */
export function planFiles(args: {
	rng: Random;
	world: World;
	events: number;
	recordsPerFile: number;
	startMs: number;
	endMs: number;
	incident: boolean;
	hostileRecords: number;
	incidentRecords: number;
}): FilePlan[] {
	const {rng, world, startMs, endMs} = args;
	const special = (args.incident ? args.incidentRecords : 0) + args.hostileRecords;
	const background = args.events - special;
	const minFiles = (args.incident ? 1 : 0) + (args.hostileRecords > 0 ? 1 : 0) + 1;
	const files = Math.max(minFiles, Math.round(args.events / Math.max(1, args.recordsPerFile)));
	const span = endMs - startMs;

	const weights = Array.from({length: files}, () => 0.5 + rng.next());
	const total = weights.reduce((a, b) => a + b, 0);
	const counts = weights.map(w => Math.floor((background * w) / total));
	let rest = background - counts.reduce((a, b) => a + b, 0);
	for (let i = 0; rest > 0; i = (i + 1) % files, rest--) counts[i] = (counts[i] as number) + 1;

	const plans: FilePlan[] = counts.map((count, index) => {
		const duration = Math.min(span, rng.int(5, 15) * MINUTE);
		const start = startMs + Math.floor(rng.next() * (span - duration + 1));
		return {
			index,
			account: rng.weighted(world.accounts, a => ACCOUNT_WEIGHTS[world.accounts.indexOf(a)] ?? 1),
			region: rng.weighted(world.regions, r => REGION_WEIGHTS[world.regions.indexOf(r)] ?? 1),
			startMs: start,
			endMs: start + duration,
			count,
		};
	});

	let next = 0;
	if (args.incident) {
		const plan = plans[next++] as FilePlan;
		Object.assign(plan, {
			account: world.accounts[0],
			region: 'us-east-1',
			startMs: INCIDENT_WINDOW.startMs,
			endMs: INCIDENT_WINDOW.endMs,
			special: 'incident',
		});
	}
	if (args.hostileRecords > 0) {
		const plan = plans[next++] as FilePlan;
		Object.assign(plan, {account: world.hostileIdentity.account, special: 'hostile'});
	}
	// The duplicate delivery: an ordinary file.
	const dup = plans[Math.max(next, Math.floor(files / 2))] ?? plans[plans.length - 1];
	if (dup && dup.count > 0) dup.duplicate = true;
	// A file of events just before midnight delivered just after it, so events sit in the previous day's folder.
	const edge = plans[next + 1];
	if (edge && !edge.duplicate && span > 2 * DAY) {
		const midnight = Math.ceil((edge.startMs + 1) / DAY) * DAY;
		if (midnight - 10 * MINUTE >= startMs && midnight <= endMs) {
			edge.startMs = midnight - 10 * MINUTE;
			edge.endMs = midnight - MINUTE / 2;
			edge.minDeliveryMs = midnight + rng.int(1, 4) * MINUTE;
		}
	}
	return plans;
}
