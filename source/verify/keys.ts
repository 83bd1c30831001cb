/** Where a key sits in CloudTrail's layout, for matching a copy's files to the keys digests name. Pure. */
import {parseKey} from '../sources/s3/cloudtrail-key.js';

/** The part of a key from its AWSLogs/ folder on: the same in the bucket and in any copy of the trail's folder. */
export function layoutKey(key: string): string {
	const segments = key.split('/');
	const index = segments.lastIndexOf('AWSLogs');
	return index < 0 ? key : segments.slice(index).join('/');
}

/** A digest key's chain: trail prefix, organization, account, region, trail name and home region. */
export type ChainId = {
	id: string;
	label: string;
	folder: string;
	account: string;
	region: string;
	trail: string;
	homeRegion: string;
};

/** The digest's chain, from its key; undefined for a key outside the layout. */
export function chainOf(key: string): ChainId | undefined {
	const parsed = parseKey(key);
	if (!parsed || parsed.service !== 'CloudTrail-Digest') return undefined;
	const head = `${parsed.account}_CloudTrail-Digest_${parsed.region}_`;
	const name = parsed.fileName;
	const match = /_(\d{8}T\d{6}Z)\.json\.gz$/.exec(name);
	if (!name.startsWith(head) || !match) return undefined;
	const middle = name.slice(head.length, name.length - match[0].length);
	const split = middle.lastIndexOf('_');
	const trail = split < 0 ? middle : middle.slice(0, split);
	const homeRegion = split < 0 ? parsed.region : middle.slice(split + 1);
	const org = parsed.org === undefined ? '' : `${parsed.org}/`;
	const folder = `${parsed.trailPrefix}AWSLogs/${org}${parsed.account}/CloudTrail-Digest/${parsed.region}`;
	return {
		id: [parsed.trailPrefix, parsed.org ?? '', parsed.account, parsed.region, trail, homeRegion].join('|'),
		label: `${parsed.trailPrefix}AWSLogs/${org}${parsed.account} ${parsed.region} (trail ${trail}, home region ${homeRegion})`,
		folder,
		account: parsed.account,
		region: parsed.region,
		trail,
		homeRegion,
	};
}

/** Where a log file was delivered (trail prefix, organization, account, region) and when, from its key. */
export function logPlace(key: string): {place: string; deliveredAt?: number} | undefined {
	const parsed = parseKey(key);
	if (!parsed || parsed.service !== 'CloudTrail') return undefined;
	return {
		place: placeOf(parsed.trailPrefix, parsed.org, parsed.account, parsed.region),
		...(parsed.deliveredAt ? {deliveredAt: parsed.deliveredAt.getTime()} : {}),
	};
}

/** The place of a digest's chain, comparable with {@link logPlace}. */
export function digestPlace(key: string): string | undefined {
	const parsed = parseKey(key);
	return parsed ? placeOf(parsed.trailPrefix, parsed.org, parsed.account, parsed.region) : undefined;
}

/** The time in a digest key's file name (…_YYYYMMDDTHHmmssZ.json.gz), epoch ms. */
export function digestKeyTime(key: string): number | undefined {
	return parseKey(key)?.deliveredAt?.getTime();
}

function placeOf(trailPrefix: string, org: string | undefined, account: string, region: string): string {
	return [trailPrefix, org ?? '', account, region].join('|');
}
