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
import {totalLabel} from './panes/events.js';
import {ScreenBody} from './panes/screen-body.js';
import {FilterBar} from './panes/filter-bar.js';
import {StatusBar} from './panes/status-bar.js';
import {shownSlots} from './state/data-keys.js';
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
	const note = store && !store.writable ? `${store.readOnlyReason}: views can be opened, not changed` : undefined;
	const body = <ScreenBody state={state} slots={slots} zone={zone} viewsNote={note} />;
	// The slots whose answer the status bar waits for (not the gutter, the findings row or a find on its way).
	const {counts, facets, timeline, page, record, lineage, sessions, findings, marks, inventory, dossier, change} =
		slots;
	const waited = [
		counts,
		facets,
		timeline,
		page,
		record,
		lineage,
		sessions,
		findings,
		marks,
		inventory,
		dossier,
		change,
	];
	const loading = waited.some(one => one.loading);
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
