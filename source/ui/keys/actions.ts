/**
 * The names of the screen's actions. A binding (bindings.ts) maps keys to one in a scope; the scope's handler
 * (source/ui/state/scopes/) gives it its meaning.
 */
import type {PivotColumn} from '../../events/columns.js';

/** The pivot on a column: `pivot-principal`, `pivot-deviceId`, ... */
export type PivotAction = `pivot-${PivotColumn}`;

/** Named actions. */
export type ActionName =
	| 'quit'
	| 'help'
	| 'close-help'
	| 'focus-next'
	| 'focus-previous'
	| 'back'
	| 'search'
	| 'add-filter'
	| 'clear-filters'
	| 'toggle-errors'
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'top'
	| 'bottom'
	| 'left'
	| 'right'
	| 'open'
	| 'include'
	| 'exclude'
	| 'remove-chip'
	| 'invert-chip'
	| 'toggle-order'
	| 'mark'
	| 'zoom-in'
	| 'zoom-out'
	/** A record-view pivot on a registry column (source/events/columns.ts, PIVOTS). */
	| PivotAction
	| 'pivot-around'
	| 'copy-record'
	| 'copy-value'
	| 'prompt-submit'
	| 'prompt-cancel'
	| 'prompt-delete'
	| 'open-console'
	| 'filter-sql'
	| 'open-views'
	| 'save-view'
	| 'export'
	| 'console-run'
	| 'console-newline'
	| 'console-cancel'
	| 'console-complete'
	| 'console-up'
	| 'console-down'
	| 'console-left'
	| 'console-right'
	| 'console-home'
	| 'console-end'
	| 'console-backspace'
	| 'console-clear'
	| 'console-rows-up'
	| 'console-rows-down'
	| 'console-columns-left'
	| 'console-columns-right'
	| 'views-rename'
	| 'views-delete'
	| 'views-close';
