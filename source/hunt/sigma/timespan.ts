/** Sigma timespans (`30s`, `5m`, `1h`, `7d`, `2w`) -> seconds. */
import {Unsupported} from './types.js';

const UNITS: Record<string, number> = {s: 1, m: 60, h: 3600, d: 86_400, w: 604_800};

export function timespanSeconds(value: unknown, what = 'timespan'): number {
	const match = typeof value === 'string' ? /^\s*(\d+)\s*([smhdw])\s*$/.exec(value) : null;
	if (!match) throw new Unsupported(`${what} "${String(value)}" (a number and s, m, h, d or w, e.g. 30m)`);
	const seconds = Number(match[1]) * UNITS[match[2]!]!;
	if (seconds <= 0) throw new Unsupported(`${what} "${String(value)}" must be positive`);
	return seconds;
}
