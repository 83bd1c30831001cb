/** Time formatting as CloudTrail writes it. All times are epoch milliseconds in UTC. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let cachedDay = Number.NaN;
let cachedDayText = '';
const TWO = Array.from({length: 60}, (_, i) => String(i).padStart(2, '0'));

/** ISO 8601 with seconds precision and Z, as in eventTime: 2024-12-03T23:38:05Z. */
export function isoSeconds(ms: number): string {
	const day = Math.floor(ms / 86_400_000);
	if (day !== cachedDay) {
		cachedDay = day;
		cachedDayText = new Date(day * 86_400_000).toISOString().slice(0, 11);
	}
	const seconds = Math.floor((ms - day * 86_400_000) / 1000);
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	return `${cachedDayText}${TWO[h] as string}:${TWO[m] as string}:${TWO[seconds % 60] as string}Z`;
}

/** Parses an ISO time, throwing on nonsense. */
export function parseIso(text: string): number {
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) throw new Error(`Not an ISO time: ${text}`);
	return ms;
}

/** The YYYY/MM/DD folder of a key. */
export function dayFolder(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

/** YYYYMMDDTHHmmZ, as in log file keys. */
export function minuteStamp(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/** YYYYMMDDTHHmmssZ, as in digest file keys. */
export function secondStamp(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
