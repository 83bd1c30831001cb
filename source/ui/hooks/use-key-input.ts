/**
 * The screen's keyboard: each key routed through the binding table to its scope and action and dispatched; printable
 * text into the prompt or the console. Several keys in one read (fast typing, a paste, a test writing "\t\t") go one
 * at a time, each against the state the one before left.
 */
import {useInput} from 'ink';
import {keyName, routeKey, type KeyFlags} from '../keys/router.js';
import type {ScreenStore} from '../state/screen-store.js';

/** Keys that arrive inside a multi-key read. */
const PIECE_KEYS: Record<string, KeyFlags> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\u007f': {delete: true},
};

/** Sends the keyboard to `screen`. */
export function useKeyInput(screen: ScreenStore): void {
	const {getState, dispatch} = screen;
	const handleKey = (input: string, key: KeyFlags): void => {
		const {mode, focus} = getState();
		const routed = routeKey(mode, focus, keyName(input, key));
		if (routed) {
			dispatch({type: 'key', ...routed});
			return;
		}
		if (mode === 'console' && input && !key.ctrl && !key.meta) {
			dispatch({type: 'console-input', text: input});
			return;
		}
		if (mode === 'prompt' && input && !key.ctrl && !key.meta) {
			// Printable text (one key, or a paste) goes into the prompt; control characters never do.
			const text = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
			if (text) dispatch({type: 'prompt-input', text});
		}
	};
	useInput((input, key) => {
		const mode = getState().mode;
		if (input.length > 1 && !key.ctrl && !key.meta && !/^\[/.test(input)) {
			// A paste into the console: inserted as it is, newlines included (it does not run).
			if (mode === 'console') dispatch({type: 'console-input', text: input});
			else {
				const pieces = mode === 'prompt' ? input.split(/(?=[\r\n\t])|(?<=[\r\n\t])/) : [...input];
				for (const piece of pieces) handleKey(piece, PIECE_KEYS[piece] ?? {});
			}
			return;
		}
		handleKey(input, key);
	});
}
