/**
 * The triage screen: picks the layout for the mode and feeds the panes from state. The data hooks
 * (hooks/use-screen-data.ts) dispatch what they read into state, the key input (hooks/use-key-input.ts) dispatches
 * routed keys to their scope's handler (state/scopes/), and the effects (effects/) run what the handlers ask for.
 */
import {Box} from 'ink';
import {useState, useSyncExternalStore} from 'react';
import type {FilterState} from '../query/filters.js';
import type {Zone} from '../query/time.js';
import {useEffects} from './effects/use-effects.js';
import {useCaseStore} from './hooks/case-store-context.js';
import {useKeyInput} from './hooks/use-key-input.js';
import {useScreenData} from './hooks/use-screen-data.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {cellView} from './console/cell-text.js';
import {BrowseBody} from './panes/browse-body.js';
import {ChangePane} from './panes/change.js';
import {CellPane} from './panes/cell.js';
import {ConsolePane} from './panes/console.js';
import {totalLabel} from './panes/events.js';
import {FilterBar} from './panes/filter-bar.js';
import {FrequencyPane} from './panes/frequency.js';
import {FindingsPane} from './panes/findings.js';
import {HelpPane} from './panes/help.js';
import {DossierPane, InventoryPane} from './panes/inventory.js';
import {LineagePane} from './panes/lineage.js';
import {MarksPane} from './panes/marks.js';
import {showsGutter} from './model/marks.js';
import {RecordPane} from './panes/record.js';
import {SessionsPane} from './panes/sessions.js';
import {StatusBar} from './panes/status-bar.js';
import {ViewsPane} from './panes/views.js';
import {changeFor} from './model/inventory.js';
import {recordBodyHeight, shownSlots} from './state/data-keys.js';
import {openScreen} from './state/screen-store.js';
import type {Session} from './state/session.js';

/** Props of {@link App}. */
export type AppProps = {
	/** The case file's path, for the status bar. */
	caseFile: string;
	/** Display zone for every time. */
	zone: Zone;
	/** The filter to open with (default none). */
	filter?: FilterState;
	/** Where OSC 52 copies are written (default the Ink stdout). */
	writeTerminal?: (text: string) => void;
	/** What relative times typed in the prompt count back from (default: the newest event in the case file). */
	now?: () => Date;
	/** Open the SQL console on this statement and run it (a saved SQL view). */
	sql?: string;
	/** A notice for the status bar (e.g. that views cannot be saved); shown at start, or when it arrives. */
	notice?: string;
	/** The session to open on (the one saved when the screen last quit on this case file). */
	session?: Session;
	/** Keeps the session when the screen quits. */
	saveSession?: (session: Session) => void;
};

/** The triage screen. */
export function App({caseFile, zone, filter, writeTerminal, now, sql, notice, session, saveSession}: AppProps) {
	const size = useTerminalSize();
	const [screen] = useState(() => openScreen({filter, ...size, zone, now: now?.(), sql, notice, caseFile, session}));
	const state = useSyncExternalStore(screen.subscribe, screen.getState);
	useScreenData(screen, state, notice);
	useKeyInput(screen);
	useEffects(screen, writeTerminal, saveSession);
	const store = useCaseStore();

	const {box, data} = state;
	const slots = shownSlots(state);
	const {counts, facets, timeline, page, record, frequency, lineage, sessions, findings, marks} = slots;
	const {inventory, dossier, change} = slots;
	// The gutter and the findings row show when the case holds marks or findings (reads/marks.ts).
	const annotations = slots.annotations.data;
	const markers = showsGutter(annotations) ? (slots.markers.data ?? {}) : undefined;
	const findingBuckets = annotations && annotations.findingEvents > 0 ? slots.findingBuckets : undefined;
	const bodyMode = state.mode === 'prompt' ? (state.prompt?.returnTo ?? 'browse') : state.mode;
	let body;
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
		const note = store && !store.writable ? `${store.readOnlyReason}: views can be opened, not changed` : undefined;
		const {list, error} = data.views;
		const height = box.bodyHeight;
		body = (
			<ViewsPane
				views={list}
				cursor={state.views.cursor}
				error={error}
				note={note}
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
	const loading = [
		...[counts, facets, timeline, page, record, lineage, sessions, findings, marks],
		...[inventory, dossier, change],
	].some(one => one.loading);
	const message = state.working ? `${state.working}…` : state.message;
	const relativeTo = data.newest && !now ? {time: data.newest, zone} : undefined;
	return (
		<Box flexDirection="column" width={box.columns} height={box.bodyHeight + 2}>
			<FilterBar
				filter={state.filter}
				selected={state.chip}
				focused={state.focus === 'filters' && state.mode === 'browse'}
				prompt={state.prompt}
				width={box.columns}
				relativeTo={relativeTo}
			/>
			{body}
			<StatusBar
				caseFile={caseFile}
				totals={totalLabel(counts.data)}
				loading={loading}
				message={message}
				mode={state.mode}
				focus={state.focus}
				width={box.columns}
			/>
		</Box>
	);
}
