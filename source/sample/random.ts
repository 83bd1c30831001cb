/**
 * The generator's only source of randomness: sfc32 (a small, fast PRNG with 128 bits of state), seeded from a
 * seed and a stream number, so that independent parts of a sample (the world, the file plan, each log file) draw
 * from their own streams and the same seed always gives the same bytes. Never Math.random, never the clock.
 */

const HEX: string[] = Array.from({length: 256}, (_, i) => i.toString(16).padStart(2, '0'));
const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM_LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Mixes a 32-bit value (a murmur3-style finaliser), used only to turn seeds into state. */
function mix32(value: number): number {
	let h = value | 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded pseudo-random stream with the helpers the generator needs. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/**
	 * @param seed - the sample's seed.
	 * @param stream - which independent stream of that seed to draw from.
	 */
	constructor(seed: number, stream = 0) {
		const s = mix32(seed ^ 0x9e3779b9);
		const t = mix32(stream + 0x7f4a7c15);
		this.a = mix32(s ^ 0x243f6a88);
		this.b = mix32(t ^ 0x85a308d3);
		this.c = mix32((s + t) ^ 0x13198a2e);
		this.d = mix32(Math.imul(s, 31) ^ t ^ 0x03707344);
		for (let i = 0; i < 15; i++) this.uint32();
	}

	/** A uniform unsigned 32-bit integer. */
	uint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A uniform float in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** A uniform integer in [min, max] (both inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with the given probability. */
	chance(probability: number): boolean {
		return this.next() < probability;
	}

	/** One element of a non-empty list, uniformly. */
	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.next() * items.length)];
		if (item === undefined) throw new Error('Random.pick: empty list');
		return item;
	}

	/** One element of a non-empty list, with probability proportional to weight(item). */
	weighted<T>(items: readonly T[], weight: (item: T) => number): T {
		let total = 0;
		for (const item of items) total += weight(item);
		let r = this.next() * total;
		for (const item of items) {
			r -= weight(item);
			if (r < 0) return item;
		}
		const last = items[items.length - 1];
		if (last === undefined) throw new Error('Random.weighted: empty list');
		return last;
	}

	/** Shuffles a list in place (Fisher-Yates) and returns it. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			const tmp = items[i] as T;
			items[i] = items[j] as T;
			items[j] = tmp;
		}
		return items;
	}

	/** A random UUID, version 4, in lower-case hex. */
	uuid(): string {
		const w0 = this.uint32();
		const w1 = this.uint32();
		const w2 = (this.uint32() & 0x3fffffff) | 0x80000000;
		const w3 = this.uint32();
		const v = (w1 & 0xffff0fff) | 0x00004000;
		return (
			hex32(w0) +
			'-' +
			hex16(v >>> 16) +
			'-' +
			hex16(v & 0xffff) +
			'-' +
			hex16(w2 >>> 16) +
			'-' +
			hex16(w2 & 0xffff) +
			hex32(w3)
		);
	}

	/** `length` lower-case hex digits. */
	hex(length: number): string {
		let out = '';
		while (out.length < length) out += hex32(this.uint32());
		return out.slice(0, length);
	}

	/** `length` decimal digits (may start with 0). */
	digits(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += String(this.uint32() % 10);
		return out;
	}

	/** `length` characters of [A-Za-z0-9]. */
	alnum(length: number): string {
		return this.from(ALNUM, length);
	}

	/** `length` characters of [A-Z0-9], as in AWS access key ids. */
	upperAlnum(length: number): string {
		return this.from(ALNUM_UPPER, length);
	}

	/** `length` characters of [a-z0-9], as in organization ids. */
	lowerAlnum(length: number): string {
		return this.from(ALNUM_LOWER, length);
	}

	private from(alphabet: string, length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet.charAt(this.uint32() % alphabet.length);
		return out;
	}
}

function hex16(value: number): string {
	return (HEX[(value >>> 8) & 0xff] as string) + (HEX[value & 0xff] as string);
}

function hex32(value: number): string {
	return hex16(value >>> 16) + hex16(value & 0xffff);
}
