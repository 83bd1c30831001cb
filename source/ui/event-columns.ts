/**
 * The events table's columns for a width: which columns fit and how wide each is, from the column registry's table
 * columns (source/events/columns.ts) in the order the user chose. Pure.
 */
import {TABLE_COLUMNS, type TableColumn, type TableUse} from '../events/columns.js';
import type {PaneRow} from '../query/columns.js';
import {formatTime, type Zone} from '../query/time.js';

/** A column of the events table. */
export type EventColumn = {
	/** The events column it shows ('eventTime' for the time). */
	name: ColumnName;
	title: string;
	width: number;
	/** Which end of a long value stays visible. */
	keep: 'start' | 'end';
	cell: (row: PaneRow) => string;
};

/** Width of the selection and error markers before the columns. */
export const MARKER_WIDTH = 2;

/**
 * Width of the gutter after them when the case holds marks or findings: `*` marked, then C/H/M/L/I (a finding), then
 * a space before the time.
 */
export const GUTTER_WIDTH = 3;

/** The table columns the user can show, hide and move (the time column always comes first). */
export type ShownColumns = readonly TableColumn[];

/** A column of the table as the column cursor names it: the time, or a table column. */
export type ColumnName = TableColumn | 'eventTime';

/** The registry's table columns, in its order: what the table shows until the user changes it. */
export const DEFAULT_COLUMNS: ShownColumns = TABLE_COLUMNS.map(c => c.name);

/** The registry's table use of a column, if it is a table column. */
export function tableUse(name: TableColumn): TableUse | undefined {
	return TABLE_COLUMNS.find(c => c.name === name)?.use;
}

/** The cells that the widest column (the principal, or the last always-shown one) keeps at least. */
const FLEX_MIN = 24;

/**
 * Columns for a table `width` cells wide: time (with its zone: on every row when there is room, else in the
 * heading), then the `shown` columns in order. The always-shown ones (eventName, principal) are always there; the
 * others are added in order while the principal keeps 24 cells, and take no room when they do not fit. The principal
 * takes what is left and keeps its end, where the distinguishing part of an ARN is.
 */
export function eventColumns(width: number, zone: Zone, shown: ShownColumns = DEFAULT_COLUMNS): EventColumn[] {
	const room = width - MARKER_WIDTH;
	const long = room >= 100;
	const utc = zone.toUpperCase() === 'UTC';
	const sample = formatTime(new Date(0), zone);
	// Short form drops the year; in UTC the zone moves to the heading, elsewhere each row keeps its offset (DST).
	const time: EventColumn = long
		? {name: 'eventTime', title: 'time', width: sample.length, keep: 'start', cell: r => formatTime(r.eventTime, zone)}
		: utc
			? {
					name: 'eventTime',
					title: 'time UTC',
					width: 14,
					keep: 'start',
					cell: r => formatTime(r.eventTime, zone).slice(5, 19),
				}
			: {
					name: 'eventTime',
					title: 'time',
					width: sample.length - 5,
					keep: 'start',
					cell: r => formatTime(r.eventTime, zone).slice(5),
				};
	const defs = shown.flatMap(name => {
		const use = tableUse(name);
		return use ? [{name, use}] : [];
	});
	const flex = defs.some(d => d.name === 'principal') ? 'principal' : defs.filter(d => d.use.always).at(-1)?.name;
	const widthOf = (name: ColumnName, use: TableUse) =>
		name === 'eventName' && !long ? Math.min(use.width, 18) : use.width;
	let used = time.width;
	for (const d of defs) if (d.use.always && d.name !== flex) used += widthOf(d.name, d.use) + 1;
	if (flex) used += 1;
	const fits = new Set<ColumnName>();
	for (const d of defs) {
		if (d.use.always) continue;
		const w = widthOf(d.name, d.use);
		if (room - used - w - 1 >= FLEX_MIN) {
			fits.add(d.name);
			used += w + 1;
		}
	}
	const cell = (name: ColumnName) => (r: PaneRow) => {
		const value = (r as Record<string, unknown>)[name];
		return value === null || value === undefined ? '' : String(value);
	};
	const columns: EventColumn[] = [time];
	for (const d of defs) {
		if (!d.use.always && !fits.has(d.name)) continue;
		const w = d.name === flex ? Math.max(8, room - used) : widthOf(d.name, d.use);
		columns.push({name: d.name, title: d.name, width: w, keep: d.use.keep, cell: cell(d.name)});
	}
	return columns;
}
