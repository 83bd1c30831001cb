/**
 * The saved views, listed from the case file; `refresh()` after a change.
 */
import {useCallback, useEffect, useState} from 'react';
import type {SavedView} from '../../store/views.js';
import {useCaseStore} from './case-store-context.js';

/** The list, its error if reading failed, and a way to read it again. */
export type ViewsList = {views: readonly SavedView[]; error?: string; refresh: () => void};

/** The saved views (read while `enabled`). */
export function useViews(enabled: boolean): ViewsList {
	const store = useCaseStore();
	const [seq, setSeq] = useState(0);
	const [state, setState] = useState<{views: readonly SavedView[]; error?: string}>({views: []});
	useEffect(() => {
		if (!enabled || !store) return;
		let live = true;
		store.listViews().then(
			views => {
				if (live) setState({views});
			},
			(error: unknown) => {
				if (live) setState({views: [], error: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			live = false;
		};
	}, [store, enabled, seq]);
	const refresh = useCallback(() => setSeq(n => n + 1), []);
	return {...state, refresh};
}
