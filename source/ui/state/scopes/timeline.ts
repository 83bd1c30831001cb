/**
 * The timeline's keys: move the bucket cursor, mark one end of a span, zoom into it (from/until chips) and out.
 */
import {addChip, type Chip} from '../../../query/filters.js';
import {timeChip} from '../../filter-prompt.js';
import {step, type ScopeHandler} from '../actions.js';
import {withFilter} from '../moves.js';

export const timelineScope: ScopeHandler = {
	actions: ['left', 'right', 'top', 'bottom', 'mark', 'zoom-in', 'zoom-out'],
	handle(state, action) {
		const bars = state.data.timeline.data ?? undefined;
		const starts = bars?.starts ?? [];
		const last = Math.max(0, starts.length - 1);
		const cursor = Math.min(state.timeline.cursor, last);
		const to = (at: number) => step({...state, timeline: {...state.timeline, cursor: at}});
		switch (action) {
			case 'left':
				return to(Math.max(0, cursor - 1));
			case 'right':
				return to(Math.min(last, cursor + 1));
			case 'top':
				return to(0);
			case 'bottom':
				return to(last);
			case 'mark':
				return step({...state, timeline: {cursor, mark: state.timeline.mark === undefined ? cursor : undefined}});
			case 'zoom-in': {
				if (!bars || starts.length === 0) return step(state);
				const mark = state.timeline.mark ?? cursor;
				const from = starts[Math.min(mark, cursor)]!;
				const until = new Date(starts[Math.max(mark, cursor)]!.getTime() + bars.bucket.ms);
				const filter = [timeChip('from', from, state.zone), timeChip('until', until, state.zone)].reduce(
					addChip,
					state.filter,
				);
				const zooms = [...state.zooms, state.filter.chips.filter(isTime)].slice(-50);
				return step({...withFilter(state, filter, true), timeline: {cursor: 0}, zooms});
			}
			case 'zoom-out': {
				// The from/until chips as they were before the last zoom (u undoes this like any filter change).
				const before = state.zooms.at(-1);
				if (!before) return step({...state, message: 'not zoomed in (u undoes the last filter change)'});
				const filter = before.reduce(addChip, {chips: state.filter.chips.filter(chip => !isTime(chip))});
				return step({...withFilter(state, filter, true), timeline: {cursor: 0}, zooms: state.zooms.slice(0, -1)});
			}
			default:
				return step(state);
		}
	},
};

/** Whether a chip is a time bound (what a zoom sets). */
function isTime(chip: Chip): boolean {
	return chip.kind === 'from' || chip.kind === 'until';
}
