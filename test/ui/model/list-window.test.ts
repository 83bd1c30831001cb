import {describe, expect, it} from 'vitest';
import {listWindow} from '../../../source/ui/model/list-window.js';

describe('listWindow', () => {
	it('keeps the cursor in a 1,000-row list and scrolls only once it passes the first screen', () => {
		expect(listWindow(0, 1000, 20)).toEqual({selected: 0, top: 0});
		expect(listWindow(19, 1000, 20)).toEqual({selected: 19, top: 0});
		expect(listWindow(20, 1000, 20)).toEqual({selected: 20, top: 1});
		expect(listWindow(5000, 1000, 20)).toEqual({selected: 999, top: 980});
		expect(listWindow(-3, 1000, 20)).toEqual({selected: 0, top: 0});
	});
	it('an empty list selects nothing past its start', () => {
		expect(listWindow(4, 0, 20)).toEqual({selected: 0, top: 0});
	});
});
