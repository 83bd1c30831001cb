/**
 * The help screen, generated from the key-binding table.
 */
import {Box, Text} from 'ink';
import {BINDINGS, keyLabel, type Scope} from '../keys/bindings.js';
import {fit} from '../text/fit.js';

const SCOPE_TITLES: Record<Scope, string> = {
	global: 'Everywhere',
	browse: 'Browsing (any pane)',
	filters: 'Filter bar',
	facets: 'Facets',
	timeline: 'Timeline',
	events: 'Events table',
	record: 'Record view',
	prompt: 'Prompt',
	console: 'SQL console (:)',
	views: 'Saved views (V)',
	lineage: 'Lineage (L in a record)',
	sessions: 'Sessions (K)',
	findings: 'Findings (F)',
	inventory: 'Inventory (D)',
	dossier: "A device's dossier (Enter in the inventory)",
	marks: 'Marks (M)',
	help: 'Help',
	frequency: 'Frequency view (# in the events table)',
};

/** Lines of the help text (pure, for tests). */
export function helpLines(): string[] {
	const lines: string[] = [];
	for (const scope of Object.keys(SCOPE_TITLES) as Scope[]) {
		const bindings = BINDINGS.filter(b => b.scope === scope);
		if (bindings.length === 0) continue;
		lines.push(`${SCOPE_TITLES[scope]}`);
		for (const b of bindings) lines.push(`  ${b.keys.map(keyLabel).join(' ').padEnd(22)} ${b.help}`);
	}
	return lines;
}

/** Props of {@link HelpPane}. */
export type HelpPaneProps = {width: number; height: number};

/** The help screen, in two columns when it does not fit in one. */
export function HelpPane({width, height}: HelpPaneProps) {
	const lines = helpLines();
	const columns = lines.length > height - 1 && width >= 100 ? 2 : 1;
	const perColumn = Math.ceil(lines.length / columns);
	const columnWidth = Math.floor(width / columns);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{fit('clicktrail keys (Esc or ? to close)', width)}</Text>
			<Box>
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth}>
						{lines
							.slice(c * perColumn, (c + 1) * perColumn)
							.slice(0, height - 1)
							.map((line, i) => (
								<Text key={i}>{fit(line, columnWidth - 1)}</Text>
							))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
