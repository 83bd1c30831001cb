/**
 * Key names as help and the status bar print them.
 */

/** A readable key label for help and hints: 'enter' -> 'Enter', 'pagedown' -> 'PgDn', 'shift-tab' -> 'S-Tab'. */
export function keyLabel(key: string): string {
	const labels: Record<string, string> = {
		enter: 'Enter',
		escape: 'Esc',
		tab: 'Tab',
		'shift-tab': 'S-Tab',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		home: 'Home',
		end: 'End',
		backspace: 'Bksp',
		delete: 'Del',
		space: 'Space',
		'meta-enter': 'M-Enter',
		'ctrl-left': '^←',
		'ctrl-right': '^→',
		'meta-left': 'M-←',
		'meta-right': 'M-→',
		'ctrl-up': '^↑',
		'ctrl-down': '^↓',
		'meta-up': 'M-↑',
		'meta-down': 'M-↓',
	};
	if (labels[key]) return labels[key];
	if (key.startsWith('ctrl-')) return `^${key.slice(5).toUpperCase()}`;
	return key;
}
