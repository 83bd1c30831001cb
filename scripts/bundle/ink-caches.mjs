// An esbuild plugin for the bundle (scripts/bundle.mjs): two of Ink's per-frame costs made once per distinct text,
// measured on the triage screen (README, Speed). Ink's code is otherwise untouched; if a file no longer has the text a
// patch replaces, the build fails, so an Ink upgrade cannot silently lose one.
// - ink/build/output.js: Output keeps its caches (the styled characters of a line, string widths) for one frame, since
//   the renderer makes a new Output for every frame; so every frame tokenises every line of the screen again, though a
//   filter change redraws a few panes. Here every frame shares one set, dropped whole past 2,000 lines (about 25 MB).
// - widest-line: Ink measures every text node's widest line on every frame to decide whether to wrap it, through
//   string-width, which segments any line with a character past ASCII (the screen's separators, arrows, bars) into
//   graphemes. Here the answer is kept per text, dropped whole past 5,000 texts.
import {readFile} from 'node:fs/promises';

const PATCHES = [
	{
		filter: /[\\/]ink[\\/]build[\\/]output\.js$/,
		from: 'caches = new OutputCaches();',
		to: 'caches = frameCaches();',
		append: `
let sharedOutputCaches;
function frameCaches() {
	if (sharedOutputCaches === undefined || sharedOutputCaches.styledChars.size > 2000 || sharedOutputCaches.widths.size > 20000)
		sharedOutputCaches = new OutputCaches();
	return sharedOutputCaches;
}
`,
	},
	{
		filter: /[\\/]widest-line[\\/]index\.js$/,
		from: 'export default function widestLine(string) {',
		to: 'function measureWidestLine(string) {',
		append: `
const widestLines = new Map();
export default function widestLine(string) {
	let width = widestLines.get(string);
	if (width === undefined) {
		if (widestLines.size > 5000) widestLines.clear();
		width = measureWidestLine(string);
		widestLines.set(string, width);
	}
	return width;
}
`,
	},
];

export const inkCaches = {
	name: 'ink-caches',
	setup(build) {
		for (const {filter, from, to, append} of PATCHES) {
			build.onLoad({filter}, async ({path}) => {
				const text = await readFile(path, 'utf8');
				if (!text.includes(from)) throw new Error(`${path}: no "${from}" to replace (did it change?)`);
				return {contents: `${text.replace(from, to)}${append}`, loader: 'js'};
			});
		}
	},
};
