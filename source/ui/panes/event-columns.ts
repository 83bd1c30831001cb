/**
 * The events table's columns for a width: which columns fit and how wide each is. Pure.
 */
import type {PaneRow} from '../../query/columns.js';
import {formatTime, type Zone} from '../../query/time.js';

/** A column of the events table. */
export type EventColumn = {
	title: string;
	width: number;
	/** Which end of a long value stays visible. */
	keep: 'start' | 'end';
	cell: (row: PaneRow) => string;
};

/** Width of the selection and error markers before the columns. */
export const MARKER_WIDTH = 2;

/**
 * Columns for a table `width` cells wide: time (with its zone: on every row when there is room, else in the
 * heading), eventName and principal always; deviceId, sourceIPAddress and errorCode when principal keeps 24 cells.
 * principal keeps its end, where the distinguishing part of an ARN is.
 */
export function eventColumns(width: number, zone: Zone): EventColumn[] {
	const room = width - MARKER_WIDTH;
	const long = room >= 100;
	const utc = zone.toUpperCase() === 'UTC';
	const sample = formatTime(new Date(0), zone);
	// Short form drops the year; in UTC the zone moves to the heading, elsewhere each row keeps its offset (DST).
	const time: EventColumn = long
		? {title: 'time', width: sample.length, keep: 'start', cell: r => formatTime(r.eventTime, zone)}
		: utc
			? {title: 'time UTC', width: 14, keep: 'start', cell: r => formatTime(r.eventTime, zone).slice(5, 19)}
			: {title: 'time', width: sample.length - 5, keep: 'start', cell: r => formatTime(r.eventTime, zone).slice(5)};
	const eventName: EventColumn = {
		title: 'eventName',
		width: room >= 100 ? 24 : 18,
		keep: 'start',
		cell: r => r.eventName ?? '',
	};
	const optional: EventColumn[] = [
		{title: 'deviceId', width: 18, keep: 'start', cell: r => r.deviceId ?? ''},
		{title: 'sourceIPAddress', width: 16, keep: 'start', cell: r => r.sourceIPAddress ?? ''},
		{title: 'errorCode', width: 18, keep: 'start', cell: r => r.errorCode ?? ''},
	];
	const gaps = (n: number) => n; // one space after each column but the last
	let used = time.width + eventName.width + gaps(2);
	const chosen: EventColumn[] = [];
	for (const column of optional) {
		if (room - used - column.width - 1 >= 24) {
			chosen.push(column);
			used += column.width + 1;
		}
	}
	const principal: EventColumn = {
		title: 'principal',
		width: Math.max(8, room - used),
		keep: 'end',
		cell: r => r.principal,
	};
	return [time, eventName, principal, ...chosen];
}
