import {describe, expect, test} from 'vitest';
import {
	formatTime,
	formatTimeShort,
	formatTimeText,
	parseAround,
	parseTime,
	TimeParseError,
} from '../../source/query/index.js';

const now = new Date('2024-12-10T12:00:00Z');
const iso = (d: Date) => d.toISOString();

describe('parseTime in UTC', () => {
	test.each([
		['2024-12-03T23:38:05Z', '2024-12-03T23:38:05.000Z'],
		['2024-12-03T23:38:05.123Z', '2024-12-03T23:38:05.123Z'],
		['2024-12-03T23:38:05.123456Z', '2024-12-03T23:38:05.123Z'],
		['2024-12-03t23:38z', '2024-12-03T23:38:00.000Z'],
		['2024-12-03 23:38:05 UTC', '2024-12-03T23:38:05.000Z'],
		['2024-12-03T23:38:05+01:00', '2024-12-03T22:38:05.000Z'],
		['2024-12-03T23:38:05-05:30', '2024-12-04T05:08:05.000Z'],
		['2024-12-03T23:38+0100', '2024-12-03T22:38:00.000Z'],
		['2024-12-03T23:38+01', '2024-12-03T22:38:00.000Z'],
		['2024-12-03 23:28Z', '2024-12-03T23:28:00.000Z'],
		['2024-12-03T23:38:05', '2024-12-03T23:38:05.000Z'],
		['2024-12-03 23:38', '2024-12-03T23:38:00.000Z'],
		['2024-12-03', '2024-12-03T00:00:00.000Z'],
		['  2024-12-03  ', '2024-12-03T00:00:00.000Z'],
		['2024-02-29', '2024-02-29T00:00:00.000Z'],
		['now', '2024-12-10T12:00:00.000Z'],
		['NOW', '2024-12-10T12:00:00.000Z'],
		['-30s', '2024-12-10T11:59:30.000Z'],
		['-30m', '2024-12-10T11:30:00.000Z'],
		['-2h', '2024-12-10T10:00:00.000Z'],
		['- 2 h', '2024-12-10T10:00:00.000Z'],
		['-7d', '2024-12-03T12:00:00.000Z'],
		['-1w', '2024-12-03T12:00:00.000Z'],
	])('%j -> %s', (input, expected) => {
		expect(iso(parseTime(input, {now}))).toBe(expected);
	});

	test.each([
		['2024-12-03', '2024-12-04T00:00:00.000Z'],
		['2024-12-31', '2025-01-01T00:00:00.000Z'],
		['2024-02-28', '2024-02-29T00:00:00.000Z'],
		['2024-12-03T23:38Z', '2024-12-03T23:38:00.000Z'],
		['-2h', '2024-12-10T10:00:00.000Z'],
	])('end: %j -> %s (a date alone ends at the next day start)', (input, expected) => {
		expect(iso(parseTime(input, {now, end: true}))).toBe(expected);
	});

	test('returns a new Date for now', () => {
		expect(parseTime('now', {now})).not.toBe(now);
	});
});

describe('parseTime bad input', () => {
	test.each([
		['', /expected an ISO 8601 time/],
		[
			'yesterday',
			/Cannot read time "yesterday": expected an ISO 8601 time .* a date \(2024-12-03\), a relative time \(-30m, -2h, -7d, -1w\) or "now"/,
		],
		['2h', /expected .*relative time/],
		['+2h', /expected .*relative time/],
		['-2y', /expected .*relative time/],
		['-2M', /expected .*relative time/],
		['2024-13-01', /no such date/],
		['2024-02-30', /no such date/],
		['2023-02-29', /no such date/],
		['2024-12-00', /no such date/],
		['2024-12-03T24:00Z', /out of range/],
		['2024-12-03T23:60Z', /out of range/],
		['2024-12-03T23:38:61Z', /out of range/],
		['2024-12-03T23:38+25:00', /offset out of range/],
		['2024-12-03+01:00', /offset needs a time of day/],
		['2024-12-3', /expected an ISO 8601 time/],
		['12/03/2024', /expected an ISO 8601 time/],
		["2024-12-03' OR 1=1", /expected an ISO 8601 time/],
	])('%j throws %s', (input, message) => {
		expect(() => parseTime(input, {now})).toThrow(TimeParseError);
		expect(() => parseTime(input, {now})).toThrow(message);
	});

	test('an unknown zone', () => {
		expect(() => parseTime('2024-12-03T10:00', {now, zone: 'Mars/Olympus'})).toThrow(
			/Unknown time zone "Mars\/Olympus": expected UTC or an IANA name/,
		);
	});
});

describe('parseTime in other zones', () => {
	test.each([
		// Europe/Berlin: CET +01:00, CEST +02:00 from 2024-03-31 02:00 to 2024-10-27 03:00.
		['Europe/Berlin', '2024-12-04T00:38:05', '2024-12-03T23:38:05.000Z'],
		['Europe/Berlin', '2024-07-01T12:00', '2024-07-01T10:00:00.000Z'],
		['Europe/Berlin', '2024-03-31T01:59', '2024-03-31T00:59:00.000Z'],
		['Europe/Berlin', '2024-03-31T02:30', '2024-03-31T01:30:00.000Z'], // skipped: moves forward to 03:30 CEST
		['Europe/Berlin', '2024-03-31T03:00', '2024-03-31T01:00:00.000Z'],
		['Europe/Berlin', '2024-10-27T02:30', '2024-10-27T00:30:00.000Z'], // twice: the earlier (CEST)
		['Europe/Berlin', '2024-10-27T03:00', '2024-10-27T02:00:00.000Z'],
		['Europe/Berlin', '2024-12-03T23:38Z', '2024-12-03T23:38:00.000Z'], // an explicit zone wins
		['Europe/Berlin', '2024-12-03T23:38-05:00', '2024-12-04T04:38:00.000Z'],
		// America/New_York: EST -05:00, EDT -04:00 from 2024-03-10 02:00 to 2024-11-03 02:00.
		['America/New_York', '2024-12-03T18:38:05', '2024-12-03T23:38:05.000Z'],
		['America/New_York', '2024-07-01T08:00', '2024-07-01T12:00:00.000Z'],
		['America/New_York', '2024-03-10T02:30', '2024-03-10T07:30:00.000Z'], // skipped: 03:30 EDT
		['America/New_York', '2024-11-03T01:30', '2024-11-03T05:30:00.000Z'], // twice: the earlier (EDT)
		['America/New_York', '2024-11-03T02:30', '2024-11-03T07:30:00.000Z'],
		['UTC', '2024-07-01T12:00', '2024-07-01T12:00:00.000Z'],
	])('%s: %j -> %s', (zone, input, expected) => {
		expect(iso(parseTime(input, {now, zone}))).toBe(expected);
	});

	test.each([
		['Europe/Berlin', '2024-12-03', '2024-12-02T23:00:00.000Z', '2024-12-03T23:00:00.000Z'],
		['Europe/Berlin', '2024-03-31', '2024-03-30T23:00:00.000Z', '2024-03-31T22:00:00.000Z'], // a 23-hour day
		['Europe/Berlin', '2024-10-27', '2024-10-26T22:00:00.000Z', '2024-10-27T23:00:00.000Z'], // a 25-hour day
		['America/New_York', '2024-03-10', '2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z'],
		['America/New_York', '2024-11-03', '2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z'],
	])('%s: the day %s runs from %s until %s', (zone, input, start, end) => {
		expect(iso(parseTime(input, {now, zone}))).toBe(start);
		expect(iso(parseTime(input, {now, zone, end: true}))).toBe(end);
	});

	test('relative times do not depend on the zone', () => {
		expect(iso(parseTime('-2h', {now, zone: 'America/New_York'}))).toBe('2024-12-10T10:00:00.000Z');
	});
});

describe('parseAround', () => {
	test.each([
		['2024-12-03T23:38Z ±10m', '2024-12-03T23:28:00.000Z', '2024-12-03T23:48:00.000Z'],
		['2024-12-03T23:38Z±10m', '2024-12-03T23:28:00.000Z', '2024-12-03T23:48:00.000Z'],
		['2024-12-03T23:38Z+-10m', '2024-12-03T23:28:00.000Z', '2024-12-03T23:48:00.000Z'],
		['2024-12-03T23:38Z +/- 10m', '2024-12-03T23:28:00.000Z', '2024-12-03T23:48:00.000Z'],
		['around 2024-12-03T23:38Z 10m', '2024-12-03T23:28:00.000Z', '2024-12-03T23:48:00.000Z'],
		['Around 2024-12-03 23:38:05 UTC 30s', '2024-12-03T23:37:35.000Z', '2024-12-03T23:38:35.000Z'],
		['2024-12-03T23:38+01:00 ±2h', '2024-12-03T20:38:00.000Z', '2024-12-04T00:38:00.000Z'],
		['2024-12-03T23:38 ±1d', '2024-12-02T23:38:00.000Z', '2024-12-04T23:38:00.000Z'],
		['around -2h 30m', '2024-12-10T09:30:00.000Z', '2024-12-10T10:30:00.000Z'],
		['now ±1h', '2024-12-10T11:00:00.000Z', '2024-12-10T13:00:00.000Z'],
	])('%j -> [%s, %s)', (input, from, until) => {
		const range = parseAround(input, {now});
		expect(iso(range.from)).toBe(from);
		expect(iso(range.until)).toBe(until);
	});

	test('reads a zoneless moment in the given zone', () => {
		const range = parseAround('2024-12-04T00:38 ±10m', {now, zone: 'Europe/Berlin'});
		expect(iso(range.from)).toBe('2024-12-03T23:28:00.000Z');
	});

	test.each([
		['2024-12-03T23:38Z', /expected a time and a width, as "2024-12-03T23:38Z ±10m" or "around 2024-12-03T23:38Z 10m"/],
		['around 2024-12-03T23:38Z', /expected a time and a width/],
		['±10m', /expected a time and a width/],
		['2024-12-03T23:38Z ±10y', /expected a time and a width/],
		['2024-12-03T23:38Z ±0m', /width above zero/],
		['yesterday ±10m', /Cannot read time "yesterday"/],
	])('%j throws %s', (input, message) => {
		expect(() => parseAround(input, {now})).toThrow(TimeParseError);
		expect(() => parseAround(input, {now})).toThrow(message);
	});
});

describe('formatTime', () => {
	test.each([
		['2024-12-03T23:38:05Z', 'UTC', '2024-12-03 23:38:05 UTC'],
		['2024-12-03T23:38:05.999Z', 'UTC', '2024-12-03 23:38:05 UTC'],
		['2024-12-03T23:38:05Z', 'Europe/Berlin', '2024-12-04 00:38:05 +01:00'],
		['2024-07-01T10:00:00Z', 'Europe/Berlin', '2024-07-01 12:00:00 +02:00'],
		['2024-10-27T00:30:00Z', 'Europe/Berlin', '2024-10-27 02:30:00 +02:00'],
		['2024-10-27T01:30:00Z', 'Europe/Berlin', '2024-10-27 02:30:00 +01:00'],
		['2024-12-03T23:38:05Z', 'America/New_York', '2024-12-03 18:38:05 -05:00'],
		['2024-07-01T12:00:00Z', 'America/New_York', '2024-07-01 08:00:00 -04:00'],
		['2024-12-03T23:38:05Z', 'Asia/Kolkata', '2024-12-04 05:08:05 +05:30'],
	])('%s in %s -> %s', (input, zone, expected) => {
		expect(formatTime(new Date(input), zone)).toBe(expected);
	});

	test('defaults to UTC', () => {
		expect(formatTime(new Date('2024-12-03T23:38:05Z'))).toBe('2024-12-03 23:38:05 UTC');
	});

	test('formatTimeShort, and parseTime reads it back', () => {
		const t = new Date('2024-12-03T23:28:00Z');
		expect(formatTimeShort(t)).toBe('2024-12-03 23:28Z');
		expect(formatTimeShort(new Date('2024-12-03T23:28:05Z'))).toBe('2024-12-03 23:28:05Z');
		expect(formatTimeShort(t, 'Europe/Berlin')).toBe('2024-12-04 00:28+01:00');
		for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York']) {
			expect(parseTime(formatTimeShort(t, zone), {now})).toEqual(t);
			expect(parseTime(formatTime(t, zone), {now})).toEqual(t);
		}
	});

	test('an invalid date throws', () => {
		expect(() => formatTime(new Date(Number.NaN))).toThrow(RangeError);
	});
});

describe('formatTimeText', () => {
	test('shows a stored ISO time in the zone, keeps text that is not a time, and null as -', () => {
		expect(formatTimeText('2024-12-03T23:38:05.000000Z', 'UTC')).toBe('2024-12-03 23:38:05 UTC');
		expect(formatTimeText('not a time', 'UTC')).toBe('not a time');
		expect(formatTimeText(null, 'UTC')).toBe('-');
	});
});
