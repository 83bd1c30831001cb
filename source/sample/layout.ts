/** CloudTrail's S3 key layout for log and digest files. */
import type {Random} from './random.js';
import {dayFolder, minuteStamp, secondStamp} from './time.js';

/** Where an account's trail writes: AWSLogs/<account>/ or, for an organization trail, AWSLogs/<o-id>/<account>/. */
export function accountPrefix(account: string, organizationId?: string): string {
	return organizationId ? `AWSLogs/${organizationId}/${account}/` : `AWSLogs/${account}/`;
}

/** The key of a log file delivered at deliveryMs. */
export function logFileKey(args: {
	account: string;
	region: string;
	deliveryMs: number;
	organizationId?: string;
	rng: Random;
}): string {
	const {account, region, deliveryMs} = args;
	return (
		`${accountPrefix(account, args.organizationId)}CloudTrail/${region}/${dayFolder(deliveryMs)}/` +
		`${account}_CloudTrail_${region}_${minuteStamp(deliveryMs)}_${args.rng.alnum(16)}.json.gz`
	);
}

/** The key of a digest file whose digestEndTime is endMs. */
export function digestFileKey(args: {
	account: string;
	region: string;
	endMs: number;
	trailName: string;
	organizationId?: string;
}): string {
	const {account, region, endMs, trailName} = args;
	return (
		`${accountPrefix(account, args.organizationId)}CloudTrail-Digest/${region}/${dayFolder(endMs)}/` +
		`${account}_CloudTrail-Digest_${region}_${trailName}_${region}_${secondStamp(endMs)}.json.gz`
	);
}

/** Matches a log file key; groups: organization id (optional), account, region, YYYY, MM, DD, stamp. */
export const LOG_KEY_PATTERN =
	/^AWSLogs\/(?:(o-[a-z0-9]{10})\/)?(\d{12})\/CloudTrail\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\2_CloudTrail_\3_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$/;

/** Matches a digest file key; groups: organization id (optional), account, region, YYYY, MM, DD, trail, stamp. */
export const DIGEST_KEY_PATTERN =
	/^AWSLogs\/(?:(o-[a-z0-9]{10})\/)?(\d{12})\/CloudTrail-Digest\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\2_CloudTrail-Digest_\3_([A-Za-z0-9_.-]+)_\3_(\d{8}T\d{6}Z)\.json\.gz$/;
