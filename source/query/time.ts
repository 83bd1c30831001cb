/**
 * Parsing the times a user types (ISO 8601, a date alone, `-2h`, `now`, windows around a moment) and formatting
 * times for display, always with their zone. Pure: the current time is passed in.
 */

/** A zone: 'UTC' or an IANA name such as 'Europe/Berlin'. */
export type Zone = string;

/** Options for {@link parseTime}. */
export type ParseTimeOptions = {
	/** The current time, for `now` and relative times. */
	now: Date;
	/** Zone for times written without one (default UTC). */
	zone?: Zone;
	/** Read a date alone as the end of that day (the next day's start, to be used exclusively), for an `until`. */
	end?: boolean;
};

/** A time the user typed that could not be read; the message says what was expected. */
export class TimeParseError extends Error {
	override name = 'TimeParseError';
}

const EXPECTED =
	'expected an ISO 8601 time (2024-12-03T23:38:05Z, 2024-12-03T23:38+01:00, 2024-12-03 23:38), a date (2024-12-03), a relative time (-30m, -2h, -7d, -1w) or "now"';

const UNIT_MS: Record<string, number> = {
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
};

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

const RELATIVE = /^-\s*(\d+)\s*([smhdw])$/;

/**
 * Reads a time:
 * - ISO 8601 with a zone: `2024-12-03T23:38:05Z`, `2024-12-03T23:38+01:00`, `2024-12-03 23:38:05 UTC`;
 * - ISO 8601 without one, read in `zone` (default UTC); a wall time skipped by a DST change moves forward by the
 *   gap, and one that happens twice reads as the earlier (as Temporal's 'compatible');
 * - a date alone, `2024-12-03`: the start of that day in `zone`, or with `end` the start of the next day;
 * - relative to `now`: `-30s`, `-30m`, `-2h`, `-7d` (7 × 24 h), `-1w`; and `now`.
 * Throws {@link TimeParseError} on anything else.
 */
export function parseTime(input: string, options: ParseTimeOptions): Date {
	const text = input.trim();
	const zone = options.zone ?? 'UTC';
	if (text.toLowerCase() === 'now') return new Date(options.now.getTime());

	const relative = RELATIVE.exec(text);
	if (relative) {
		return new Date(options.now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!]!);
	}

	const iso = ISO.exec(text);
	if (!iso) throw new TimeParseError(`Cannot read time ${JSON.stringify(input)}: ${EXPECTED}`);
	const [, y, mo, d, h, mi, s, frac, offset] = iso;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = h === undefined ? 0 : Number(h);
	const minute = mi === undefined ? 0 : Number(mi);
	const second = s === undefined ? 0 : Number(s);
	const millisecond = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		throw new TimeParseError(`Cannot read time ${JSON.stringify(input)}: no such date (expected YYYY-MM-DD)`);
	}

	if (hour > 23 || minute > 59 || second > 59) {
		throw new TimeParseError(
			`Cannot read time ${JSON.stringify(input)}: hour, minute or second out of range (expected HH:MM:SS, 00:00:00 to 23:59:59)`,
		);
	}

	if (h === undefined && offset !== undefined && !/^(z|utc)$/i.test(offset)) {
		throw new TimeParseError(
			`Cannot read time ${JSON.stringify(input)}: an offset needs a time of day (expected 2024-12-03T00:00+01:00)`,
		);
	}

	const dateOnly = h === undefined;
	const wall = Date.UTC(year, month - 1, day + (dateOnly && options.end ? 1 : 0), hour, minute, second, millisecond);
	if (offset !== undefined) return new Date(wall - offsetMinutes(offset, input) * 60_000);
	return new Date(wallToUtc(wall, zone));
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(offset: string, input: string): number {
	if (/^(z|utc)$/i.test(offset)) return 0;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (digits.length !== 2 && digits.length !== 4) {
		throw new TimeParseError(`Cannot read time ${JSON.stringify(input)}: bad offset (expected Z, ±hh:mm or ±hhmm)`);
	}

	if (hours > 23 || minutes > 59) {
		throw new TimeParseError(`Cannot read time ${JSON.stringify(input)}: offset out of range (expected ±hh:mm)`);
	}

	return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: Zone): Intl.DateTimeFormat {
	let formatter = formatters.get(zone);
	if (!formatter) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone: zone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			});
		} catch {
			throw new TimeParseError(
				`Unknown time zone ${JSON.stringify(zone)}: expected UTC or an IANA name such as Europe/Berlin`,
			);
		}

		formatters.set(zone, formatter);
	}

	return formatter;
}

function isUtc(zone: Zone): boolean {
	return zone.toUpperCase() === 'UTC';
}

/** Wall-clock fields of `utcMs` in `zone`, as a UTC timestamp (milliseconds dropped). */
function wallClock(utcMs: number, zone: Zone): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}

	return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at `utcMs`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(utcMs: number, zone: Zone): number {
	if (isUtc(zone)) return 0;
	const whole = Math.floor(utcMs / 1000) * 1000;
	return wallClock(whole, zone) - whole;
}

/** The instant a wall-clock time (given as if UTC) names in `zone`; DST gaps move forward, overlaps take the earlier. */
function wallToUtc(wall: number, zone: Zone): number {
	if (isUtc(zone)) return wall;
	const before = zoneOffsetMs(wall - 86_400_000, zone);
	const after = zoneOffsetMs(wall + 86_400_000, zone);
	const candidates = [...new Set([before, after])]
		.map(offset => wall - offset)
		.filter(t => zoneOffsetMs(t, zone) === wall - t)
		.sort((a, b) => a - b);
	return candidates[0] ?? wall - before;
}

const WINDOW = /^(.*?)\s*(?:±|\+-|\+\/-)\s*(\d+)\s*([smhdw])$/;
const AROUND = /^around\s+(.*\S)\s+(\d+)\s*([smhdw])$/i;

/** A time range: `from` inclusive, `until` exclusive. */
export type TimeRange = {from: Date; until: Date};

/**
 * Reads a window around a moment: `2024-12-03T23:38Z ±10m`, `2024-12-03T23:38Z+-10m`, `2024-12-03T23:38Z +/-10m`
 * or `around 2024-12-03T23:38Z 10m`. The moment is read by {@link parseTime} (so `around -2h 30m` works too).
 * Throws {@link TimeParseError} on anything else.
 */
export function parseAround(input: string, options: Omit<ParseTimeOptions, 'end'> = {now: new Date()}): TimeRange {
	const text = input.trim();
	const match = AROUND.exec(text) ?? WINDOW.exec(text);
	if (!match || match[1]!.trim() === '') {
		throw new TimeParseError(
			`Cannot read time window ${JSON.stringify(input)}: expected a time and a width, as "2024-12-03T23:38Z ±10m" or "around 2024-12-03T23:38Z 10m"`,
		);
	}

	const width = Number(match[2]) * UNIT_MS[match[3]!]!;
	if (width === 0) {
		throw new TimeParseError(`Cannot read time window ${JSON.stringify(input)}: expected a width above zero, as ±10m`);
	}

	const at = parseTime(match[1]!, {...options, end: false});
	return {from: new Date(at.getTime() - width), until: new Date(at.getTime() + width)};
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

function offsetLabel(offsetMs: number): string {
	const minutes = Math.round(Math.abs(offsetMs) / 60_000);
	return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function wallFields(date: Date, zone: Zone): {wall: Date; label: string} {
	const t = date.getTime();
	if (Number.isNaN(t)) throw new RangeError('Cannot format an invalid date');
	if (isUtc(zone)) return {wall: date, label: 'UTC'};
	const offset = zoneOffsetMs(t, zone);
	return {wall: new Date(t + offset), label: offsetLabel(offset)};
}

/**
 * A time as the screen shows it, always with its zone: `2024-12-03 23:38:05 UTC`, or for an IANA zone the local
 * time and its offset, `2024-12-04 00:38:05 +01:00`. Milliseconds are dropped.
 */
export function formatTime(date: Date, zone: Zone = 'UTC'): string {
	const {wall, label} = wallFields(date, zone);
	return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(
		wall.getUTCMinutes(),
	)}:${pad(wall.getUTCSeconds())} ${label}`;
}

/** A time read back as text (ISO 8601) shown as {@link formatTime} does; text that is not a time as it is; null as `-`. */
export function formatTimeText(text: string | null, zone: Zone = 'UTC'): string {
	if (text === null) return '-';
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? text : formatTime(date, zone);
}

/**
 * A time to the minute, for chip labels: `2024-12-03 23:28Z`, or `2024-12-04 00:28+01:00` in an IANA zone.
 * {@link parseTime} reads it back.
 */
export function formatTimeShort(date: Date, zone: Zone = 'UTC'): string {
	const {wall, label} = wallFields(date, zone);
	const seconds = wall.getUTCSeconds() === 0 && wall.getUTCMilliseconds() === 0 ? '' : `:${pad(wall.getUTCSeconds())}`;
	return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(
		wall.getUTCMinutes(),
	)}${seconds}${label === 'UTC' ? 'Z' : label}`;
}
