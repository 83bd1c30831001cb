/**
 * One handler per key scope: the table the root update looks a key action's scope up in. A new pane or mode adds its
 * scope to bindings.ts, its file here, and one line below.
 */
import type {Scope} from '../../keys/bindings.js';
import type {ScopeHandler} from '../actions.js';
import {browseScope} from './browse.js';
import {cellScope} from './cell.js';
import {consoleScope} from './console.js';
import {eventsScope} from './events.js';
import {facetsScope} from './facets.js';
import {frequencyScope} from './frequency.js';
import {filtersScope} from './filters.js';
import {findingsScope} from './findings.js';
import {globalScope} from './global.js';
import {helpScope} from './help.js';
import {dossierScope, inventoryScope} from './inventory.js';
import {lineageScope} from './lineage.js';
import {marksScope} from './marks.js';
import {promptScope} from './prompt.js';
import {recordScope} from './record.js';
import {resultScope} from './result.js';
import {sessionsScope} from './sessions.js';
import {timelineScope} from './timeline.js';
import {viewsScope} from './views.js';

/** Each scope's handler. */
export const HANDLERS: Record<Scope, ScopeHandler> = {
	global: globalScope,
	browse: browseScope,
	filters: filtersScope,
	facets: facetsScope,
	timeline: timelineScope,
	events: eventsScope,
	record: recordScope,
	prompt: promptScope,
	help: helpScope,
	console: consoleScope,
	views: viewsScope,
	frequency: frequencyScope,
	lineage: lineageScope,
	sessions: sessionsScope,
	findings: findingsScope,
	inventory: inventoryScope,
	dossier: dossierScope,
	marks: marksScope,
	result: resultScope,
	cell: cellScope,
};
