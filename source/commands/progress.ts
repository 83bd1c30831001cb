/**
 * Progress on stderr: one line redrawn in place on a terminal, plain lines now and then when not.
 */
import type {LoadProgress} from '../loader/load-files.js';

/** `phase`: what a long step after the files is doing (on a terminal only, redrawn in place like the rest). */
export type ProgressSink = {update(progress: LoadProgress): void; phase(text: string): void; done(): void};

export function progressSink(stream: NodeJS.WriteStream, quiet: boolean): ProgressSink {
	if (quiet) return {update() {}, phase() {}, done() {}};
	if (stream.isTTY) {
		let last = 0;
		let drawn = false;
		return {
			update(progress) {
				const now = performance.now();
				if (now - last < 100 && progress.filesDone < progress.filesTotal) return;
				last = now;
				drawn = true;
				const line = formatProgress(progress).slice(0, Math.max(20, (stream.columns ?? 80) - 1));
				stream.write(`\r\u001b[2K${line}`);
			},
			phase(text) {
				drawn = true;
				stream.write(`\r\u001b[2K${text.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
			},
			done() {
				if (drawn) stream.write('\r\u001b[2K');
			},
		};
	}
	let lastPlain = 0;
	return {
		update(progress) {
			const now = performance.now();
			if (now - lastPlain < 5000 && progress.filesDone < progress.filesTotal) return;
			lastPlain = now;
			stream.write(`${formatProgress(progress)}\n`);
		},
		phase() {},
		done() {},
	};
}

/** A schema upgrade's note (CaseFile.open's onUpgrade) as a line on a terminal; nothing on a pipe. */
export function upgradeNote(stream: NodeJS.WriteStream): (note: string) => void {
	return note => {
		if (stream.isTTY) stream.write(`${note}\n`);
	};
}

export function formatProgress(p: LoadProgress): string {
	const seconds = p.elapsedMs / 1000;
	const rate = seconds > 0 ? p.bytesDone / seconds : 0;
	const remaining = rate > 0 ? (p.bytesTotal - p.bytesDone) / rate : undefined;
	const parts = [
		`loading ${p.filesDone.toLocaleString('en-US')}/${p.filesTotal.toLocaleString('en-US')} files`,
		`${p.eventsKept.toLocaleString('en-US')} events`,
		`${megabytes(rate)}/s`,
	];
	if (remaining !== undefined && p.filesDone < p.filesTotal && p.filesDone > 0)
		parts.push(`ETA ${duration(remaining)}`);
	return parts.join(' · ');
}

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function duration(seconds: number): string {
	const whole = Math.max(0, Math.round(seconds));
	const minutes = Math.floor(whole / 60);
	return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}
