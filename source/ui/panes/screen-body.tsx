/**
 * The screen's body for the mode: the help, the console (its result and one cell), the views, the frequency view, the
 * whole-screen lists (lineage, sessions, findings, inventory, dossier, marks), the record view (with what the call
 * changed), or the browse panes. The filter bar and the status bar around it are App's.
 */
import {Box} from 'ink';
import type {Zone} from '../../query/time.js';
import {cellView} from '../console/cell-text.js';
import {changeFor} from '../model/inventory.js';
import {showsGutter} from '../model/marks.js';
import {recordBodyHeight, type ShownSlots} from '../state/data-keys.js';
import type {UiState} from '../state/state.js';
import {BrowseBody} from './browse-body.js';
import {CellPane} from './cell.js';
import {ChangePane} from './change.js';
import {ConsolePane} from './console.js';
import {FindingsPane} from './findings.js';
import {FrequencyPane} from './frequency.js';
import {HelpPane} from './help.js';
import {DossierPane, InventoryPane} from './inventory.js';
import {LineagePane} from './lineage.js';
import {MarksPane} from './marks.js';
import {RecordPane} from './record.js';
import {SessionsPane} from './sessions.js';
import {ViewsPane} from './views.js';

/** Props of {@link ScreenBody}. */
export type ScreenBodyProps = {
	state: UiState;
	slots: ShownSlots;
	zone: Zone;
	/** Why views can be opened but not changed (a read-only case file), if so. */
	viewsNote?: string | undefined;
};

/** The body for the screen's mode (under a prompt, the mode the prompt returns to). */
export function ScreenBody({state, slots, zone, viewsNote}: ScreenBodyProps) {
	const {box, data} = state;
	const {counts, facets, timeline, page, record, frequency, lineage, sessions, findings, marks} = slots;
	const {inventory, dossier, change} = slots;
	// The gutter and the findings row show when the case holds marks or findings (reads/marks.ts).
	const annotations = slots.annotations.data;
	const markers = showsGutter(annotations) ? (slots.markers.data ?? {}) : undefined;
	const findingBuckets = annotations && annotations.findingEvents > 0 ? slots.findingBuckets : undefined;
	let body;
	const bodyMode = state.mode === 'prompt' ? (state.prompt?.returnTo ?? 'browse') : state.mode;
	if (state.mode === 'help') body = <HelpPane width={box.columns} height={box.bodyHeight} top={state.helpTop} />;
	else if (bodyMode === 'console' || bodyMode === 'result') {
		const cursor = bodyMode === 'result' ? state.result : undefined;
		body = (
			<ConsolePane
				console={state.console}
				run={data.sql.run}
				cursor={cursor}
				width={box.columns}
				height={box.bodyHeight}
			/>
		);
	} else if (bodyMode === 'cell') {
		const view = cellView(state, box.columns);
		body = <CellPane view={view} top={state.result.top} width={box.columns} height={box.bodyHeight} />;
	} else if (bodyMode === 'views') {
		const {list, error} = data.views;
		const height = box.bodyHeight;
		body = (
			<ViewsPane
				views={list}
				cursor={state.views.cursor}
				error={error}
				note={viewsNote}
				width={box.columns}
				height={height}
			/>
		);
	} else if (bodyMode === 'frequency' && state.frequency) {
		const {field, cursor} = state.frequency;
		body = <FrequencyPane {...{field, cursor}} list={frequency} width={box.columns} height={box.bodyHeight} />;
	} else if (bodyMode === 'lineage' && state.lineage) {
		const {columns: width, bodyHeight: height} = box;
		body = <LineagePane {...{lineage, width, height, zone}} cursor={state.lineage.cursor} />;
	} else if (bodyMode === 'sessions') {
		const {columns: width, bodyHeight: height} = box;
		body = <SessionsPane {...{sessions, width, height, zone}} cursor={state.sessions.cursor} />;
	} else if (bodyMode === 'findings') {
		const {columns: width, bodyHeight: height} = box;
		body = <FindingsPane {...{findings, width, height, zone}} cursor={state.findings.cursor} />;
	} else if (bodyMode === 'inventory' && state.inventory) {
		const {columns: width, bodyHeight: height} = box;
		body = <InventoryPane {...{inventory, width, height, zone}} cursor={state.inventory.cursor} />;
	} else if (bodyMode === 'dossier' && state.inventory?.dossier) {
		const {columns: width, bodyHeight: height} = box;
		body = <DossierPane {...{dossier, width, height, zone}} cursor={state.inventory.dossier.cursor} />;
	} else if (bodyMode === 'marks') {
		const {columns: width, bodyHeight: height} = box;
		body = <MarksPane {...{marks, width, height, zone}} cursor={state.marks.cursor} />;
	} else if (bodyMode === 'record' && state.record) {
		const shown = {...record, data: record.data && record.data.record};
		const lines = record.data?.lines ?? [];
		const height = recordBodyHeight(state);
		body = (
			<Box flexDirection="column" height={box.recordHeight + 1}>
				<RecordPane
					record={shown}
					lines={lines}
					place={state.record}
					width={box.columns}
					height={height}
					zone={zone}
					mark={markers?.[state.record.eventID]}
					layout={state.recordLayout}
					{...(state.find ? {find: state.find.text} : {})}
				/>
				<ChangePane
					change={change}
					shown={changeFor(change.data, state.record.eventID)}
					width={box.columns}
					height={box.recordHeight - height}
				/>
			</Box>
		);
	} else
		body = (
			<BrowseBody
				{...{box, zone, state, facets, timeline, page, counts, markers, findingBuckets}}
				filter={state.filter}
			/>
		);
	return body;
}
