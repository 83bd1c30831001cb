import {expect, it} from 'vitest';
import {listMove} from '../../../source/ui/state/moves.js';

it('listMove moves a list cursor within [0, last] and ignores other actions', () => {
	expect([listMove('up', 3, 9), listMove('down', 3, 9), listMove('top', 3, 9), listMove('bottom', 3, 9)]).toEqual([
		2, 4, 0, 9,
	]);
	expect([listMove('up', 0, 9), listMove('down', 9, 9), listMove('bottom', 0, -1)]).toEqual([0, 9, 0]);
	expect(listMove('open', 3, 9)).toBeUndefined();
});
