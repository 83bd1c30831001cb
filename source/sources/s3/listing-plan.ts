/**
 * Listing plans that prune an S3 listing by CloudTrail's key layout (cloudtrail-key.ts): which prefixes to list,
 * which to discover one level at a time, and which keys to fetch. Pure: no I/O.
 */
import {isDigestKey, parseKey, services, type TrailService} from './cloudtrail-key.js';
import {dayNumber} from './days.js';
import {childPosition, coverDays, maxAboveDepth, parsePrefix, spanOf, type Position} from './layout-position.js';

export {coverDays, parsePrefix, maxAboveDepth, type Position};

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

/**
 * One listing to make. `all`: every key under the prefix (no delimiter). `discover`: one level with
 * Delimiter '/'; the objects at that level are yielded and each common prefix is passed to
 * {@link expandChild} with this step's position.
 */
export type ListStep = {mode: 'all'; prefix: string} | {mode: 'discover'; prefix: string; position: Position};

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
