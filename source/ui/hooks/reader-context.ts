/**
 * The reader the hooks query, provided once at the top of the screen.
 */
import {createContext, useContext} from 'react';
import type {ReadLanes} from '../../store/reader.js';

/** The store's reader for this screen. */
export const ReaderContext = createContext<ReadLanes | undefined>(undefined);

/** The reader; throws outside a ReaderContext provider. */
export function useReader(): ReadLanes {
	const reader = useContext(ReaderContext);
	if (!reader) throw new Error('useReader: no ReaderContext provider');
	return reader;
}
