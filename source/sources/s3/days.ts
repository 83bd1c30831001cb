/** UTC calendar-day arithmetic for the S3 layout's YYYY/MM/DD folders. Pure. */

const msPerDay = 86_400_000;

/** Days since 1970-01-01 (UTC) of the day holding this instant. */
export function dayNumber(date: Date): number {
	return Math.floor(date.getTime() / msPerDay);
}

/** The calendar date (UTC) of a day number; month and day count from 1. */
export function fromDayNumber(day: number): {year: number; month: number; day: number} {
	const date = new Date(day * msPerDay);
	return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()};
}

/** Days in a month (month counts from 1). */
export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 'YYYY/' */
export const yearPrefix = (year: number): string => `${pad(year, 4)}/`;

/** 'YYYY/MM/' */
export const monthPrefix = (year: number, month: number): string => `${pad(year, 4)}/${pad(month, 2)}/`;

/** 'YYYY/MM/DD/' */
export const dayPrefix = (year: number, month: number, day: number): string =>
	`${pad(year, 4)}/${pad(month, 2)}/${pad(day, 2)}/`;
