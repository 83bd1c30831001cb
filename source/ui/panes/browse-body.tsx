/**
 * The browse body: the facets column (when the terminal is wide enough) beside the timeline over the events table.
 */
import {Box, Text} from 'ink';
import type {FilterState} from '../../query/filters.js';
import type {Zone} from '../../query/time.js';
import type {Layout} from '../layout.js';
import type {Counts, FacetList, Loaded, PageData, Timeline} from '../model/data.js';
import type {FindingBuckets, Markers} from '../model/marks.js';
import type {UiState} from '../state/state.js';
import {EventsPane} from './events.js';
import {FacetsPane} from './facets.js';
import {TimelinePane} from './timeline.js';

/** Props of {@link BrowseBody}. */
export type BrowseBodyProps = {
	box: Layout;
	zone: Zone;
	filter: FilterState;
	/** The selections and focus, as state holds them. */
	state: Pick<UiState, 'focus' | 'facet' | 'timeline' | 'row' | 'order' | 'table' | 'find'>;
	facets: Loaded<FacetList[]>;
	timeline: Loaded<Timeline | null>;
	page: Loaded<PageData>;
	counts: Loaded<Counts>;
	/** The events table's gutter (undefined: none) and the timeline's findings row (undefined: none). */
	markers?: Markers;
	findingBuckets?: Loaded<FindingBuckets>;
};

/** Facets, timeline and events. */
export function BrowseBody(props: BrowseBodyProps) {
	const {box, zone, filter, state, facets, timeline, page, counts, markers, findingBuckets} = props;
	return (
		<Box height={box.bodyHeight}>
			{box.facetsWidth > 0 && (
				<>
					<FacetsPane
						lists={facets}
						filter={filter}
						cursor={state.facet}
						focused={state.focus === 'facets'}
						width={box.facetsWidth}
						height={box.bodyHeight}
					/>
					<Text> </Text>
				</>
			)}
			<Box flexDirection="column" width={box.mainWidth}>
				<TimelinePane
					timeline={timeline}
					focused={state.focus === 'timeline'}
					cursor={state.timeline.cursor}
					mark={state.timeline.mark}
					width={box.mainWidth}
					barsHeight={box.barsHeight}
					zone={zone}
					findings={findingBuckets}
				/>
				<EventsPane
					page={page}
					counts={counts}
					row={state.row}
					order={state.order}
					focused={state.focus === 'events'}
					width={box.mainWidth}
					pageSize={box.pageSize}
					zone={zone}
					table={state.table}
					markers={markers}
					{...(state.find ? {find: {text: state.find.text, searching: state.find.request !== undefined}} : {})}
				/>
			</Box>
		</Box>
	);
}
