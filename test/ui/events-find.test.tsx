/**
 * The events table's find marks and position: rows holding the text found are marked `•`; the title says which row
 * the cursor is on, counted from the top or, after G, from the end.
 */
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {PageData} from '../../source/ui/model/data.js';
import {EventsPane, rowLabel} from '../../source/ui/panes/events.js';
import {PLAIN_THEME, ThemeContext} from '../../source/ui/theme.js';
import {fakeEvents} from './helpers/fake-reader.js';

const events = fakeEvents(40);
const page = (first: PageData['first'], matches?: string[]): PageData => ({
	seq: 0,
	data: events.slice(0, 10),
	rows: events.slice(0, 10).map(e => ({eventTime: e.eventTime, eventID: e.eventID})),
	moreBefore: true,
	moreAfter: true,
	...(first ? {first} : {}),
	...(matches ? {matches} : {}),
});
const counts = {matching: 1234, total: 5000};

describe('row k of N', () => {
	it('counts from the top, from the end (G), and says nothing when the place is not known', () => {
		expect(rowLabel(page({top: 40}), 3, counts)).toBe(' · row 44 of 1,234');
		expect(rowLabel(page({end: 9}), 9, counts)).toBe(' · row 1,234 of 1,234');
		expect(rowLabel(page({end: 9}), 0, counts)).toBe(' · row 1,225 of 1,234');
		expect(rowLabel(page({end: 9}), 0, undefined)).toBe('');
		expect(rowLabel(page({top: 0}), 0, undefined)).toBe(' · row 1');
		expect(rowLabel(page(undefined), 3, counts)).toBe('');
	});

	it('the table shows it in its title and marks the rows holding the text found', () => {
		const {lastFrame, unmount} = render(
			<ThemeContext.Provider value={PLAIN_THEME}>
				<EventsPane
					page={{data: page({top: 40}, [events[2]!.eventID, events[5]!.eventID]), loading: false}}
					counts={{data: counts, loading: false}}
					row={5}
					order="desc"
					focused
					width={100}
					pageSize={10}
					zone="UTC"
					find={{text: 'user-1', searching: false}}
				/>
			</ThemeContext.Provider>,
		);
		const frame = (lastFrame() ?? '').split('\n');
		unmount();
		expect(frame[0]).toMatch(/^1,234 of 5,000 events · newest first · row 46 of 1,234 *$/);
		const rows = frame.slice(2);
		expect(rows.map(r => r[0])).toEqual([' ', ' ', '•', ' ', ' ', '›', ' ', ' ', ' ', ' ']);
	});
});
