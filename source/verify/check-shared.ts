/**
 * What the three passes of `clicktrail verify`'s checks share: the per-file ledger of reasons, the index that finds a
 * file of the copy by key, and a digest as read.
 */
import {createHash} from 'node:crypto';
import type {DigestDocument} from './digest-format.js';
import {layoutKey, type ChainId} from './keys.js';
import {STATUS_ORDER, type DigestInput, type Finding, type FindingStatus} from './types.js';

export const HOUR = 3_600_000;

/** Accumulates reasons per file; the most severe status wins. */
export class Ledger {
	private readonly files = new Map<
		string,
		{kind: 'log' | 'digest'; reasons: {status: FindingStatus; text: string}[]}
	>();

	add(file: string, kind: 'log' | 'digest', status: FindingStatus, text: string): void {
		const entry = this.files.get(file) ?? {kind, reasons: []};
		this.files.set(file, entry);
		entry.reasons.push({status, text});
	}

	findings(): Finding[] {
		const out: Finding[] = [];
		for (const [file, {kind, reasons}] of this.files) {
			const rank = (status: FindingStatus) => STATUS_ORDER.indexOf(status);
			const worst = reasons.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
			// Problems first, then the rest, each reason once.
			const texts = [...new Set([...reasons].sort((a, b) => rank(a.status) - rank(b.status)).map(r => r.text))];
			out.push({file, kind, status: worst.status, detail: texts.join('; ')});
		}
		return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	}
}

/** A digest of the copy, read. */
export type Read = {
	input: DigestInput;
	doc?: DigestDocument;
	bytes?: Buffer;
	sha256?: string;
	chain?: ChainId;
	/** digestEndTime (else the key's time), epoch ms, for ordering. */
	endMs: number;
	startMs: number;
};

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
export const time = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** Finds a file of the copy by key: the exact key, else the same key from AWSLogs/ on (a copy without the trail prefix). */
export class KeyIndex<T extends {key: string}> {
	private readonly exact = new Map<string, T>();
	private readonly byLayout = new Map<string, T[]>();

	constructor(items: readonly T[]) {
		for (const item of items) {
			this.exact.set(item.key, item);
			const layout = layoutKey(item.key);
			this.byLayout.set(layout, [...(this.byLayout.get(layout) ?? []), item]);
		}
	}

	find(key: string): T | undefined {
		const exact = this.exact.get(key);
		if (exact) return exact;
		const candidates = this.byLayout.get(layoutKey(key)) ?? [];
		return candidates.length === 1 ? candidates[0] : undefined;
	}
}
