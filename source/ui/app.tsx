/**
 * The triage screen: composes the panes, feeds them from the hooks, and routes keys through the binding table to
 * the reducer. Side effects of actions (quit, copy) happen here; everything else is the reducer's.
 */
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useEffect, useMemo, useReducer, useRef} from 'react';
import {exportFormatFor} from '../query/export-sql.js';
import type {FilterState} from '../query/filters.js';
import {filterViewQuery} from '../query/view-query.js';
import type {Zone} from '../query/time.js';
import {useCaseStore} from './hooks/case-store-context.js';
import {useCompletions} from './hooks/use-completions.js';
import {useConsoleRunner} from './hooks/use-console.js';
import {useCount} from './hooks/use-count.js';
import {useFacets} from './hooks/use-facets.js';
import {useNewest} from './hooks/use-newest.js';
import {usePage} from './hooks/use-page.js';
import {useRecord} from './hooks/use-record.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useTimeline} from './hooks/use-timeline.js';
import {useViews} from './hooks/use-views.js';
import {useReader} from './hooks/reader-context.js';
import {copyText, jsonLines} from './json-lines.js';
import {stringifyJson} from './json/stringify.js';
import type {ActionName} from './keys/bindings.js';
import {keyName, route, type KeyFlags} from './keys/router.js';
import {layout} from './layout.js';
import {osc52} from './osc52.js';
import {ConsolePane, consoleTableHeight} from './panes/console.js';
import {EventsPane, totalLabel} from './panes/events.js';
import {FacetsPane} from './panes/facets.js';
import {FilterBar} from './panes/filter-bar.js';
import {HelpPane} from './panes/help.js';
import {RecordPane} from './panes/record.js';
import {StatusBar} from './panes/status-bar.js';
import {TimelinePane} from './panes/timeline.js';
import {ViewsPane} from './panes/views.js';
import {consoleWith} from './state/console-reducer.js';
import {reducer} from './state/reducer.js';
import {initialState, type RecordSummary, type View} from './state/state.js';

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
};

/** The triage screen. */
export function App({caseFile, zone, filter, writeTerminal, now, sql, notice}: AppProps) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const size = useTerminalSize();
	const box = layout(size.columns, size.rows);
	const [state, dispatch] = useReducer(reducer, undefined, () => {
		const start = {...initialState(filter), message: notice};
		return sql === undefined ? start : {...start, mode: 'console' as const, console: consoleWith(start.console, sql)};
	});
	const reader = useReader();
	const newest = useNewest();
	const store = useCaseStore();
	const runner = useConsoleRunner();
	const consoleOpened = useRef(false);
	if (state.mode === 'console') consoleOpened.current = true;
	const completions = useCompletions(consoleOpened.current);
	const bodyMode = state.mode === 'prompt' ? (state.prompt?.returnTo ?? 'browse') : state.mode;
	const viewsList = useViews(bodyMode === 'views');
	useEffect(() => {
		if (sql !== undefined) runner.start(sql);
		// Only the statement the screen opened with.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);
	const shownNotice = useRef(notice);
	useEffect(() => {
		// The case file opens after the first frame: a notice about how it opened arrives then.
		if (notice === undefined || notice === shownNotice.current) return;
		shownNotice.current = notice;
		dispatch({type: 'message', text: notice});
	}, [notice]);
	const consoleResult = runner.run.state === 'done' ? runner.run.result : undefined;

	const counts = useCount(state.filter);
	const facets = useFacets(state.filter, box.facetLimit);
	const timeline = useTimeline(state.filter, box.mainWidth);
	const page = usePage(state.filter, state.order, state.page, box.pageSize);
	const showRecord = state.mode === 'record' || state.helpReturn === 'record';
	const record = useRecord(
		showRecord ? state.record?.eventID : undefined,
		showRecord ? state.record?.eventTime : undefined,
	);
	const lines = useMemo(
		() =>
			record.data
				? jsonLines(record.data.raw, {
						...(record.data.duplicates ? {duplicates: record.data.duplicates} : {}),
						extra: {sourceFile: record.data.row['sourceFile']},
					})
				: [],
		[record.data],
	);

	const view: View = {
		facets: facets.data ?? [],
		page: page.data && {
			seq: page.data.seq,
			rows: page.data.rows,
			moreBefore: page.data.moreBefore,
			moreAfter: page.data.moreAfter,
		},
		pageSize: box.pageSize,
		record: record.data ? {lines: lines.length, summary: summary(record.data.row)} : undefined,
		recordHeight: box.recordHeight,
		timeline: timeline.data ? {starts: timeline.data.starts, bucketMs: timeline.data.bucket.ms} : undefined,
		now: now?.() ?? newest ?? new Date(),
		zone,
		console: {
			history: runner.history,
			completions,
			resultRows: consoleResult?.rows.length ?? 0,
			resultColumns: consoleResult?.columns.length ?? 0,
			tableHeight: consoleTableHeight(state.console.editor.text, box.bodyHeight),
		},
		views: viewsList.views.map(v => v.name),
	};
	const viewRef = useRef(view);
	viewRef.current = view;
	const stateRef = useRef(state);
	stateRef.current = state;

	const write = writeTerminal ?? ((text: string) => stdout.write(text));
	const sideEffect = (name: ActionName): boolean => {
		const current = stateRef.current;
		switch (name) {
			case 'quit':
				exit();
				return true;
			case 'copy-record':
			case 'copy-value': {
				if (!record.data || current.mode !== 'record') return true;
				const text =
					name === 'copy-record'
						? stringifyJson(record.data.raw)
						: copyText(lines[current.record?.line ?? 0]?.value ?? null);
				write(osc52(text));
				dispatch({
					type: 'message',
					text: `copied ${name === 'copy-record' ? 'the record' : 'the value'} (${Buffer.byteLength(text).toLocaleString('en-US')} bytes)`,
				});
				return true;
			}
			case 'console-run':
				runner.start(current.console.editor.text);
				dispatch({type: 'console-ran'});
				return true;
			case 'console-cancel':
				if (!runner.cancel()) dispatch({type: 'close-console'});
				return true;
			case 'prompt-submit':
				return submitToStore(current);
			case 'open':
				if (current.mode !== 'views') return false;
				openView(current.views.cursor);
				return true;
			default:
				return false;
		}
	};

	const fail = (error: unknown) =>
		dispatch({type: 'prompt-error', error: error instanceof Error ? error.message : String(error)});

	/** Opens the saved view at `index` of the list: a filter view sets the chips, a SQL view runs in the console. */
	const openView = (index: number) => {
		const view = viewsList.views[Math.max(0, Math.min(index, viewsList.views.length - 1))];
		if (!view) return;
		if (view.filter) {
			dispatch({type: 'open-filter', filter: view.filter});
			dispatch({type: 'message', text: `view ${view.name}`});
		} else if (view.sql !== null) {
			dispatch({type: 'open-console', sql: view.sql});
			runner.start(view.sql);
		}
	};

	/** A prompt whose answer goes to the store (save, rename, delete a view; export); false for the reducer's own. */
	const submitToStore = (current: typeof state): boolean => {
		const prompt = current.prompt;
		if (
			!prompt ||
			!['view-description', 'view-rename', 'view-delete', 'export', 'export-overwrite'].includes(prompt.kind)
		)
			return false;
		if (prompt.kind === 'export' || prompt.kind === 'export-overwrite') {
			const overwrite = prompt.kind === 'export-overwrite';
			if (overwrite && prompt.text.trim().toLowerCase() !== 'y') {
				dispatch({type: 'prompt-done', message: `kept ${prompt.subject ?? ''}; nothing exported`});
				return true;
			}
			const path = overwrite ? (prompt.subject ?? '') : prompt.text.trim();
			const format = exportFormatFor(path);
			if (!format) {
				fail('give a file name ending in .csv, .json, .jsonl or .parquet');
				return true;
			}
			const query =
				prompt.source === 'console' ? {sql: current.console.editor.text, params: []} : filterViewQuery(current.filter);
			reader
				.run('export', (_query, tools) =>
					tools.export(query, {path, format, userSql: prompt.source === 'console', overwrite}),
				)
				.then(
					result =>
						dispatch({
							type: 'prompt-done',
							message: `exported ${result.rows.toLocaleString('en-US')} rows to ${result.path}`,
						}),
					(error: unknown) =>
						error instanceof Error && error.name === 'ExportExists'
							? dispatch({type: 'prompt-confirm-overwrite', path})
							: fail(error),
				);
			return true;
		}
		if (!store) {
			fail('views cannot be saved here');
			return true;
		}
		const done = (message: string) => {
			viewsList.refresh();
			dispatch({type: 'prompt-done', message});
		};
		const name = prompt.subject ?? '';
		switch (prompt.kind) {
			case 'view-description': {
				const input =
					prompt.source === 'console'
						? {name, description: prompt.text, sql: current.console.editor.text}
						: {name, description: prompt.text, filter: current.filter};
				store.saveView(input).then(view => done(`saved view ${view.name}`), fail);
				break;
			}
			case 'view-rename':
				store.renameView(name, prompt.text).then(view => done(`renamed ${name} to ${view.name}`), fail);
				break;
			case 'view-delete':
				if (prompt.text.trim().toLowerCase() === 'y')
					store.deleteView(name).then(() => done(`deleted view ${name}`), fail);
				else dispatch({type: 'prompt-done', message: `kept view ${name}`});
				break;
		}
		return true;
	};

	const handleKey = (input: string, key: KeyFlags): void => {
		const current = stateRef.current;
		const name = keyName(input, key);
		const action = route(current.mode, current.focus, name);
		if (action) {
			if (!sideEffect(action)) dispatch({type: 'command', name: action, view: viewRef.current});
			return;
		}
		if (current.mode === 'console' && input && !key.ctrl && !key.meta) {
			dispatch({type: 'console-input', text: input});
			return;
		}
		if (current.mode === 'prompt' && input && !key.ctrl && !key.meta) {
			// Printable text (one key, or a paste) goes into the prompt; control characters never do.
			const text = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
			if (text) dispatch({type: 'prompt-input', text});
		}
	};

	useInput((input, key) => {
		// Several keys in one read (fast typing, a paste, a test writing "\t\t"): one at a time, Enter and Tab included.
		if (input.length > 1 && stateRef.current.mode === 'console' && !key.ctrl && !key.meta && !/^\[/.test(input)) {
			// A paste into the console: inserted as it is, newlines included (it does not run).
			dispatch({type: 'console-input', text: input});
			return;
		}
		if (input.length > 1 && !key.ctrl && !key.meta && !/^\[/.test(input)) {
			const pieces = stateRef.current.mode === 'prompt' ? input.split(/(?=[\r\n\t])|(?<=[\r\n\t])/) : [...input];
			for (const piece of pieces) handleKey(piece, PIECE_KEYS[piece] ?? {});
			return;
		}
		handleKey(input, key);
	});

	const totals = totalLabel(counts.data);
	const loading = counts.loading || facets.loading || timeline.loading || page.loading || record.loading;
	let body;
	if (state.mode === 'help') {
		body = <HelpPane width={box.columns} height={box.bodyHeight} />;
	} else if (bodyMode === 'console') {
		body = <ConsolePane console={state.console} run={runner.run} width={box.columns} height={box.bodyHeight} />;
	} else if (bodyMode === 'views') {
		const note = store && !store.writable ? `${store.readOnlyReason}: views can be opened, not changed` : undefined;
		body = (
			<ViewsPane
				views={viewsList.views}
				cursor={state.views.cursor}
				error={viewsList.error}
				note={note}
				width={box.columns}
				height={box.bodyHeight}
			/>
		);
	} else if (bodyMode === 'record' && state.record) {
		body = (
			<RecordPane
				record={record}
				lines={lines}
				place={state.record}
				width={box.columns}
				height={box.recordHeight}
				zone={zone}
			/>
		);
	} else {
		body = (
			<Box height={box.bodyHeight}>
				{box.facetsWidth > 0 && (
					<>
						<FacetsPane
							lists={facets}
							filter={state.filter}
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
					/>
				</Box>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={box.columns} height={box.bodyHeight + 2}>
			<FilterBar
				filter={state.filter}
				selected={state.chip}
				focused={state.focus === 'filters' && state.mode === 'browse'}
				prompt={state.prompt}
				width={box.columns}
				relativeTo={newest && !now ? {time: newest, zone} : undefined}
			/>
			{body}
			<StatusBar
				caseFile={caseFile}
				totals={totals}
				loading={loading}
				message={state.message}
				mode={state.mode}
				focus={state.focus}
				width={box.columns}
			/>
		</Box>
	);
}

/** Keys that arrive inside a multi-key read. */
const PIECE_KEYS: Record<string, KeyFlags> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\u007f': {delete: true},
};

function summary(row: Record<string, unknown>): RecordSummary {
	const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
	return {
		eventID: String(row['eventID']),
		eventTime: row['eventTime'] as Date,
		eventName: text(row['eventName']),
		principal: String(row['principal'] ?? ''),
		deviceId: text(row['deviceId']),
		sourceIPAddress: text(row['sourceIPAddress']),
	};
}
