/**
 * Copying to the clipboard with OSC 52, which terminals (and tmux with set-clipboard on) forward to the system
 * clipboard, over SSH too. The text is our own serialisation, base64-encoded, so nothing in it reaches the terminal
 * as a control sequence.
 */

/** The escape sequence that puts `text` on the clipboard. */
export function osc52(text: string): string {
	return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
