/**
 * A small terminal emulator for end-to-end tests: enough of VT100/xterm to follow Ink's output (cursor moves,
 * erases, the alternate screen) and read the screen as text. SGR styles are ignored; OSC and other strings are
 * swallowed. Not a general emulator.
 */
export class ScreenBuffer {
	private lines: string[][];
	private row = 0;
	private col = 0;
	private pending = '';

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		this.lines = this.blank();
	}

	private blank(): string[][] {
		return Array.from({length: this.rows}, () => Array.from({length: this.columns}, () => ' '));
	}

	/** Feed output bytes (as a string). */
	write(data: string): void {
		const text = this.pending + data;
		this.pending = '';
		let i = 0;
		while (i < text.length) {
			const ch = text[i]!;
			if (ch === '\u001b') {
				const rest = text.slice(i);
				const csi = /^\u001b\[([?>=]?)([\d;:]*)([ -/]*)([@-~])/.exec(rest);
				if (csi) {
					this.csi(csi[1]!, csi[2]!, csi[4]!);
					i += csi[0].length;
					continue;
				}
				const osc = /^\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/.exec(rest);
				if (osc) {
					i += osc[0].length;
					continue;
				}
				if (
					rest.length < 3 ||
					(rest[1] === '[' && !/[@-~]/.test(rest.slice(2))) ||
					(rest[1] === ']' && !/\u0007|\u001b\\/.test(rest))
				) {
					this.pending = rest;
					return;
				}
				i += 2; // ESC x: ignore
				continue;
			}
			const code = ch.codePointAt(0)!;
			const char = String.fromCodePoint(code);
			i += char.length;
			if (char === '\r') this.col = 0;
			else if (char === '\n') this.lineFeed();
			else if (char === '\b') this.col = Math.max(0, this.col - 1);
			else if (code < 0x20 || code === 0x7f) continue;
			else this.put(char);
		}
	}

	private put(char: string): void {
		if (this.col >= this.columns) {
			this.col = 0;
			this.lineFeed();
		}
		this.lines[this.row]![this.col] = char;
		this.col++;
		// A wide character takes two cells; tests read text, so a placeholder keeps columns honest enough.
		if (
			/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u.test(
				char,
			) &&
			this.col < this.columns
		) {
			this.lines[this.row]![this.col] = '';
			this.col++;
		}
	}

	private lineFeed(): void {
		if (this.row === this.rows - 1) {
			this.lines.shift();
			this.lines.push(Array.from({length: this.columns}, () => ' '));
		} else {
			this.row++;
		}
	}

	private csi(prefix: string, params: string, final: string): void {
		const nums = params.split(';').map(p => (p === '' ? undefined : Number(p.split(':')[0])));
		const n = nums[0] ?? 1;
		switch (final) {
			case 'A':
				this.row = Math.max(0, this.row - n);
				break;
			case 'B':
				this.row = Math.min(this.rows - 1, this.row + n);
				break;
			case 'C':
				this.col = Math.min(this.columns - 1, this.col + n);
				break;
			case 'D':
				this.col = Math.max(0, this.col - n);
				break;
			case 'E':
				this.row = Math.min(this.rows - 1, this.row + n);
				this.col = 0;
				break;
			case 'F':
				this.row = Math.max(0, this.row - n);
				this.col = 0;
				break;
			case 'G':
				this.col = Math.max(0, Math.min(this.columns - 1, n - 1));
				break;
			case 'H':
			case 'f':
				this.row = Math.max(0, Math.min(this.rows - 1, (nums[0] ?? 1) - 1));
				this.col = Math.max(0, Math.min(this.columns - 1, (nums[1] ?? 1) - 1));
				break;
			case 'J': {
				const mode = nums[0] ?? 0;
				if (mode === 2 || mode === 3) this.lines = this.blank();
				else if (mode === 0) {
					this.eraseLine(0);
					for (let r = this.row + 1; r < this.rows; r++) this.lines[r] = Array.from({length: this.columns}, () => ' ');
				}
				break;
			}
			case 'K':
				this.eraseLine(nums[0] ?? 0);
				break;
			case 'h':
			case 'l':
				if (prefix === '?' && params === '1049') {
					this.lines = this.blank();
					this.row = 0;
					this.col = 0;
				}
				break;
			default:
				break;
		}
	}

	private eraseLine(mode: number): void {
		const line = this.lines[this.row]!;
		const [from, to] = mode === 0 ? [this.col, this.columns] : mode === 1 ? [0, this.col + 1] : [0, this.columns];
		for (let c = from; c < to; c++) line[c] = ' ';
	}

	/** The screen as text, one line per row, trailing spaces trimmed. */
	text(): string {
		return this.lines.map(line => line.join('').trimEnd()).join('\n');
	}
}
