/**
 * The case file's views and history store, provided once at the top of the screen (next to the reader).
 */
import {createContext, useContext} from 'react';
import type {CaseStore} from '../../store/case-store.js';

/** The store for saved views and console history; undefined when the screen has none (some tests). */
export const CaseStoreContext = createContext<CaseStore | undefined>(undefined);

/** The views and history store, if any. */
export function useCaseStore(): CaseStore | undefined {
	return useContext(CaseStoreContext);
}
