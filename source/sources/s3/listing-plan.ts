/**
 * Listing plans that prune an S3 listing by CloudTrail's key layout (cloudtrail-key.ts): which prefixes to list,
 * which to discover one level at a time, and which keys to fetch. Pure: no I/O.
 */
import {
	accountPattern,
	isDigestKey,
	isService,
	orgPattern,
	parseKey,
	parseNumber,
	services,
	type TrailService,
} from './cloudtrail-key.js';
import {dayNumber, dayPrefix, monthPrefix, yearPrefix, daysInMonth, fromDayNumber} from './days.js';

/** Which objects a listing should yield. */
export type LayoutFilters = {
	/** Only these account ids (12 digits). Empty or absent: all. */
	accounts?: readonly string[];
	/** Only these regions. Empty or absent: all. */
	regions?: readonly string[];
	/** Events at or after this time (a one-day margin is kept before it). */
	since?: Date;
	/** Events at or before this time (a one-day margin is kept after it). */
	until?: Date;
	/** Also list CloudTrail-Digest objects. */
	withDigests?: boolean;
	/** Also list CloudTrail-Insight objects. */
	withInsights?: boolean;
	/** "Now", for a range with only `since` (the plan ends at now + 1 day). Defaults to the current time. */
	now?: Date;
};

/** Where a prefix sits in the layout; `prefix` always ends in '/' (or is ''). */
export type Position =
	| {level: 'above'; prefix: string; depth: number}
	| {level: 'logs'; prefix: string}
	| {level: 'org'; prefix: string}
	| {level: 'account'; prefix: string}
	| {level: 'service'; prefix: string; service: TrailService}
	| {level: 'region'; prefix: string; service: TrailService}
	| {level: 'year'; prefix: string; service: TrailService; regionPrefix: string; year: number}
	| {level: 'month'; prefix: string; service: TrailService; regionPrefix: string; year: number; month: number}
	| {
			level: 'day';
			prefix: string;
			service: TrailService;
			regionPrefix: string;
			year: number;
			month: number;
			day: number;
	  };

/**
 * One listing to make. `all`: every key under the prefix (no delimiter). `discover`: one level with
 * Delimiter '/'; the objects at that level are yielded and each common prefix is passed to
 * {@link expandChild} with this step's position.
 */
export type ListStep = {mode: 'all'; prefix: string} | {mode: 'discover'; prefix: string; position: Position};

/** How many folder levels below the given prefix are searched for an AWSLogs/ folder. */
export const maxAboveDepth = 3;

/** The inclusive range of delivery days (day numbers) worth listing, margins included. */
export type DayRange = {start?: number; end?: number};

/**
 * Delivery days that can hold events in [since, until]: one day before `since` (keys carry the
 * delivery time, and a file can hold earlier events) to one day after `until`.
 */
export function dayRange(filters: LayoutFilters): DayRange | undefined {
	const {since, until} = filters;
	if (since === undefined && until === undefined) {
		return undefined;
	}

	const range: DayRange = {};
	if (since !== undefined) {
		range.start = dayNumber(since) - 1;
		range.end = dayNumber(filters.now ?? new Date()) + 1;
	}

	if (until !== undefined) {
		range.end = dayNumber(until) + 1;
	}

	return range;
}

const wants = (list: readonly string[] | undefined, value: string): boolean =>
	list === undefined || list.length === 0 || list.includes(value);

const wantsService = (service: TrailService, filters: LayoutFilters): boolean =>
	service === 'CloudTrail' ||
	(service === 'CloudTrail-Digest' && filters.withDigests === true) ||
	(service === 'CloudTrail-Insight' && filters.withInsights === true);

/**
 * Whether a listed key should be fetched. Keys outside the layout are kept (the loader decides),
 * except digests unless asked for and folder markers (keys ending in '/').
 */
export function keyWanted(key: string, filters: LayoutFilters): boolean {
	if (key === '' || key.endsWith('/')) {
		return false;
	}

	const parsed = parseKey(key);
	if (!parsed) {
		return !isDigestKey(key) || filters.withDigests === true;
	}

	if (
		!wantsService(parsed.service, filters) ||
		!wants(filters.accounts, parsed.account) ||
		!wants(filters.regions, parsed.region)
	) {
		return false;
	}

	const range = dayRange(filters);
	if (range) {
		const day = dayNumber(new Date(`${parsed.day}T00:00:00Z`));
		if ((range.start !== undefined && day < range.start) || (range.end !== undefined && day > range.end)) {
			return false;
		}
	}

	return true;
}

/** Where a prefix (from the user) sits in the layout; undefined when it is not a folder of it. */
export function parsePrefix(prefix: string): Position | undefined {
	if (prefix !== '' && !prefix.endsWith('/')) {
		return undefined;
	}

	const segments = prefix === '' ? [] : prefix.slice(0, -1).split('/');
	const logsIndex = segments.lastIndexOf('AWSLogs');
	if (logsIndex < 0) {
		return {level: 'above', prefix, depth: 0};
	}

	let position: Position = {level: 'logs', prefix: segments.slice(0, logsIndex + 1).join('/') + '/'};
	for (const segment of segments.slice(logsIndex + 1)) {
		const next = childPosition(position, `${position.prefix}${segment}/`);
		if (!next) {
			return undefined;
		}

		position = next;
	}

	return position;
}

/** The position of a child folder, by its name; undefined when it is not a folder of the layout. */
function childPosition(parent: Position, childPrefix: string): Position | undefined {
	const name = childPrefix.slice(parent.prefix.length, -1);
	switch (parent.level) {
		case 'above': {
			return name === 'AWSLogs'
				? {level: 'logs', prefix: childPrefix}
				: {level: 'above', prefix: childPrefix, depth: parent.depth + 1};
		}

		case 'logs': {
			if (orgPattern.test(name)) {
				return {level: 'org', prefix: childPrefix};
			}

			return accountPattern.test(name) ? {level: 'account', prefix: childPrefix} : undefined;
		}

		case 'org': {
			return accountPattern.test(name) ? {level: 'account', prefix: childPrefix} : undefined;
		}

		case 'account': {
			return isService(name) ? {level: 'service', prefix: childPrefix, service: name} : undefined;
		}

		case 'service': {
			return name === '' ? undefined : {level: 'region', prefix: childPrefix, service: parent.service};
		}

		case 'region': {
			const year = parseNumber(name, 4, 1970, 9999);
			return year === undefined
				? undefined
				: {level: 'year', prefix: childPrefix, service: parent.service, regionPrefix: parent.prefix, year};
		}

		case 'year': {
			const month = parseNumber(name, 2, 1, 12);
			return month === undefined
				? undefined
				: {
						level: 'month',
						prefix: childPrefix,
						service: parent.service,
						regionPrefix: parent.regionPrefix,
						year: parent.year,
						month,
					};
		}

		case 'month': {
			const day = parseNumber(name, 2, 1, daysInMonth(parent.year, parent.month));
			return day === undefined
				? undefined
				: {
						level: 'day',
						prefix: childPrefix,
						service: parent.service,
						regionPrefix: parent.regionPrefix,
						year: parent.year,
						month: parent.month,
						day,
					};
		}

		case 'day': {
			return undefined;
		}
	}
}

/**
 * The fewest prefixes under a region that cover the delivery days [start, end]: whole years, then
 * whole months, then single days.
 */
export function coverDays(regionPrefix: string, start: number, end: number): string[] {
	const prefixes: string[] = [];
	let day = start;
	while (day <= end) {
		const {year, month, day: dayOfMonth} = fromDayNumber(day);
		const endOfYear = dayNumber(new Date(Date.UTC(year, 11, 31)));
		const endOfMonth = dayNumber(new Date(Date.UTC(year, month - 1, daysInMonth(year, month))));
		if (month === 1 && dayOfMonth === 1 && endOfYear <= end) {
			prefixes.push(regionPrefix + yearPrefix(year));
			day = endOfYear + 1;
		} else if (dayOfMonth === 1 && endOfMonth <= end) {
			prefixes.push(regionPrefix + monthPrefix(year, month));
			day = endOfMonth + 1;
		} else {
			prefixes.push(regionPrefix + dayPrefix(year, month, dayOfMonth));
			day += 1;
		}
	}

	return prefixes;
}

/** First and last day numbers of a year, month or day folder. */
function spanOf(position: Extract<Position, {level: 'year' | 'month' | 'day'}>): [number, number] {
	switch (position.level) {
		case 'year': {
			return [dayNumber(new Date(Date.UTC(position.year, 0, 1))), dayNumber(new Date(Date.UTC(position.year, 11, 31)))];
		}

		case 'month': {
			const first = dayNumber(new Date(Date.UTC(position.year, position.month - 1, 1)));
			return [first, first + daysInMonth(position.year, position.month) - 1];
		}

		case 'day': {
			const day = dayNumber(new Date(Date.UTC(position.year, position.month - 1, position.day)));
			return [day, day];
		}
	}
}

const all = (prefix: string): ListStep => ({mode: 'all', prefix});
const discover = (position: Position): ListStep => ({mode: 'discover', prefix: position.prefix, position});

/** The listings to make for one position of the layout. */
export function stepsFor(position: Position, filters: LayoutFilters): ListStep[] {
	switch (position.level) {
		case 'above':
		case 'logs': {
			return [discover(position)];
		}

		case 'org': {
			const {accounts} = filters;
			if (accounts !== undefined && accounts.length > 0) {
				return accounts.flatMap(account =>
					stepsFor({level: 'account', prefix: `${position.prefix}${account}/`}, filters),
				);
			}

			return [discover(position)];
		}

		case 'account': {
			return services
				.filter(service => wantsService(service, filters))
				.flatMap(service => stepsFor({level: 'service', prefix: `${position.prefix}${service}/`, service}, filters));
		}

		case 'service': {
			if (!wantsService(position.service, filters)) {
				return [];
			}

			const {regions} = filters;
			if (regions !== undefined && regions.length > 0) {
				return regions.flatMap(region =>
					stepsFor({level: 'region', prefix: `${position.prefix}${region}/`, service: position.service}, filters),
				);
			}

			return [discover(position)];
		}

		case 'region': {
			if (!wantsService(position.service, filters)) {
				return [];
			}

			const range = dayRange(filters);
			if (!range) {
				return [all(position.prefix)];
			}

			if (range.start === undefined) {
				// Only an end: find the years there are, then cover each up to the end.
				return [discover(position)];
			}

			return coverDays(position.prefix, range.start, range.end ?? range.start).map(all);
		}

		case 'year':
		case 'month':
		case 'day': {
			if (!wantsService(position.service, filters)) {
				return [];
			}

			const range = dayRange(filters);
			if (!range) {
				return [all(position.prefix)];
			}

			const [first, last] = spanOf(position);
			const start = Math.max(first, range.start ?? first);
			const end = Math.min(last, range.end ?? last);
			if (start > end) {
				return [];
			}

			if (start === first && end === last) {
				return [all(position.prefix)];
			}

			return coverDays(position.regionPrefix, start, end).map(all);
		}
	}
}

/** The steps for a folder found while discovering `parent` (none when it cannot hold wanted objects). */
export function expandChild(parent: Position, childPrefix: string, filters: LayoutFilters): ListStep[] {
	const child = childPosition(parent, childPrefix);
	if (!child) {
		return [];
	}

	switch (child.level) {
		case 'above': {
			return child.depth > maxAboveDepth ? [] : stepsFor(child, filters);
		}

		case 'account': {
			const account = childPrefix.slice(parent.prefix.length, -1);
			return wants(filters.accounts, account) ? stepsFor(child, filters) : [];
		}

		case 'region': {
			const region = childPrefix.slice(parent.prefix.length, -1);
			return wants(filters.regions, region) ? stepsFor(child, filters) : [];
		}

		default: {
			return stepsFor(child, filters);
		}
	}
}

/**
 * The first listings for a prefix the user gave. A prefix without a trailing '/' names a folder
 * (a '/' is added) unless its last segment has a '.', like a file name: then it is listed as is.
 * A folder outside the layout is listed whole (the key filter still applies).
 */
export function planListing(prefix: string, filters: LayoutFilters): ListStep[] {
	let folder = prefix;
	if (folder !== '' && !folder.endsWith('/')) {
		const last = folder.slice(folder.lastIndexOf('/') + 1);
		if (last.includes('.')) {
			return [all(folder)];
		}

		folder += '/';
	}

	const position = parsePrefix(folder);
	return position ? stepsFor(position, filters) : [all(folder)];
}
