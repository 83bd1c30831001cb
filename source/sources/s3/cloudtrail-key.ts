/**
 * CloudTrail's S3 key layout: what a key says about its object. Pure: no I/O. Shared by the S3 source (its listing
 * plan, listing-plan.ts) and the verifier (source/verify/), which finds digests and their files by key.
 *
 * AWSLogs/[o-orgid/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_RANDOM.json.gz
 * (CloudTrail-Digest/ and CloudTrail-Insight/ sit beside CloudTrail/). A trail may put its own prefix
 * before AWSLogs/.
 */
import {daysInMonth} from './days.js';

/** The three folders CloudTrail writes under an account. */
export type TrailService = 'CloudTrail' | 'CloudTrail-Digest' | 'CloudTrail-Insight';

/** What a key in the CloudTrail layout says about its object. */
export type ParsedKey = {
	/** The trail's own prefix before AWSLogs/ ('' or 'a/b/'). */
	trailPrefix: string;
	/** Organization id (o-...) for an organization trail. */
	org?: string;
	account: string;
	service: TrailService;
	region: string;
	/** The delivery day from the folders, YYYY-MM-DD (UTC). */
	day: string;
	/** The last segment of the key. */
	fileName: string;
	/** Delivery time from the file name, when it has one. */
	deliveredAt?: Date;
};

export const services: readonly TrailService[] = ['CloudTrail', 'CloudTrail-Digest', 'CloudTrail-Insight'];
export const accountPattern = /^\d{12}$/;
export const orgPattern = /^o-[a-z\d]{4,32}$/;
const fileTimePattern = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z[_.]/;

export const isService = (name: string): name is TrailService => (services as readonly string[]).includes(name);

export const parseNumber = (text: string | undefined, digits: number, min: number, max: number): number | undefined => {
	if (text === undefined || text.length !== digits || !/^\d+$/.test(text)) {
		return undefined;
	}

	const value = Number(text);
	return value >= min && value <= max ? value : undefined;
};

/** Parse a key in the CloudTrail layout; undefined for keys outside it. */
export function parseKey(key: string): ParsedKey | undefined {
	const segments = key.split('/');
	const logsIndex = segments.lastIndexOf('AWSLogs');
	if (logsIndex < 0) {
		return undefined;
	}

	let rest = segments.slice(logsIndex + 1);
	let org: string | undefined;
	if (rest[0] !== undefined && orgPattern.test(rest[0])) {
		org = rest[0];
		rest = rest.slice(1);
	}

	if (rest.length !== 7) {
		return undefined;
	}

	const [account, service, region, yearText, monthText, dayText, fileName] = rest as [
		string,
		string,
		string,
		string,
		string,
		string,
		string,
	];
	const year = parseNumber(yearText, 4, 1970, 9999);
	const month = parseNumber(monthText, 2, 1, 12);
	const day = parseNumber(dayText, 2, 1, 31);
	if (
		!accountPattern.test(account) ||
		!isService(service) ||
		region === '' ||
		fileName === '' ||
		year === undefined ||
		month === undefined ||
		day === undefined ||
		day > daysInMonth(year, month)
	) {
		return undefined;
	}

	const parsed: ParsedKey = {
		trailPrefix: segments
			.slice(0, logsIndex)
			.map(segment => `${segment}/`)
			.join(''),
		account,
		service,
		region,
		day: `${yearText}-${monthText}-${dayText}`,
		fileName,
	};
	if (org !== undefined) {
		parsed.org = org;
	}

	const time = fileTimePattern.exec(fileName);
	if (time) {
		const [, y, mo, d, h, mi, s] = time;
		const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}Z`);
		if (!Number.isNaN(date.getTime())) {
			parsed.deliveredAt = date;
		}
	}

	return parsed;
}

/** True for a digest object, in the layout or not (by its folder or file name). */
export function isDigestKey(key: string): boolean {
	return key.includes('/CloudTrail-Digest/') || key.includes('_CloudTrail-Digest_');
}

/**
 * Whether a key found above any AWSLogs/ folder (while searching for one) is worth fetching: JSON
 * names only (.json, .jsonl, optionally .gz), such as an Event history export, not a bucket's other files.
 */
export function looksLikeLogFile(key: string): boolean {
	return /\.json(?:l)?(?:\.gz)?$/i.test(key);
}
