/**
 * Positions in CloudTrail's folder layout: where a prefix sits (above AWSLogs/, an account, a region, a day ...), the
 * position of a child folder, and the day folders that cover a range. Pure: no I/O.
 */
import {accountPattern, isService, orgPattern, parseNumber, type TrailService} from './cloudtrail-key.js';
import {dayNumber, dayPrefix, daysInMonth, fromDayNumber, monthPrefix, yearPrefix} from './days.js';

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

/** How many folder levels below the given prefix are searched for an AWSLogs/ folder. */
export const maxAboveDepth = 3;

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
export function childPosition(parent: Position, childPrefix: string): Position | undefined {
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
export function spanOf(position: Extract<Position, {level: 'year' | 'month' | 'day'}>): [number, number] {
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
