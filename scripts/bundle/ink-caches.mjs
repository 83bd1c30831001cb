// An esbuild plugin for the bundle (scripts/bundle.mjs): Ink's per-frame costs made once per distinct text, measured
// on the triage screen (README, Speed, "Cheaper frames"). Ink's code is otherwise untouched; if a file no longer has a
// text a patch replaces, the build fails, so an Ink upgrade cannot silently lose one.
// - ink/build/output.js: the renderer makes a new Output for every frame, and Output keeps its caches (the styled
//   characters of a line, string widths) for that frame only; so every frame tokenised every line of the screen
//   again, though a filter change redraws a few panes. Here:
//   - every frame shares one set of caches, dropped whole past 1,000 lines (lines are at most the terminal's width:
//     about 12 MB at 120 columns);
//   - a line clipped by its box is cut once per (line, cut), not once per frame (dropped past 2,000 cuts or 2 million
//     characters);
//   - an empty cell is one shared object, and a row whose cells are the very objects of the same row in the last
//     frame (unchanged lines come from the cache as the same objects) gets the last frame's text instead of being
//     turned into text again. Cells are never changed once made, so the same objects are the same text.
// - widest-line: Ink measures every text node's widest line on every frame to decide whether to wrap it, through
//   string-width, which segments any line with a character past ASCII (the screen's separators, arrows, bars) into
//   graphemes. Here the answer is kept per text, dropped whole past 5,000 texts or 2 million characters (a record
//   view's text can be long).
import {readFile} from 'node:fs/promises';

const OUTPUT_HELPERS = `
let sharedOutputCaches;
function frameCaches() {
	if (sharedOutputCaches === undefined || sharedOutputCaches.styledChars.size > 1000 || sharedOutputCaches.widths.size > 20000)
		sharedOutputCaches = new OutputCaches();
	return sharedOutputCaches;
}
const slices = new Map();
let sliceChars = 0;
function cachedSliceAnsi(line, from, to) {
	const key = from + ':' + to + ':' + line;
	let slice = slices.get(key);
	if (slice === undefined) {
		if (slices.size > 2000 || sliceChars > 2000000) {
			slices.clear();
			sliceChars = 0;
		}
		slice = sliceAnsi(line, from, to);
		slices.set(key, slice);
		sliceChars += key.length + slice.length;
	}
	return slice;
}
const EMPTY_CELL = {type: 'char', value: ' ', fullWidth: false, styles: []};
const lastRows = [];
function rowText(cells, index) {
	const last = lastRows[index];
	if (last !== undefined && last.cells.length === cells.length) {
		let same = true;
		for (let i = 0; i < cells.length; i++) {
			if (last.cells[i] !== cells[i]) {
				same = false;
				break;
			}
		}
		if (same) return last.text;
	}
	const text = styledCharsToString(cells).trimEnd();
	lastRows[index] = {cells, text};
	return text;
}
`;

const PATCHES = [
	{
		filter: /[\\/]ink[\\/]build[\\/]output\.js$/,
		replace: [
			['caches = new OutputCaches();', 'caches = frameCaches();'],
			['return sliceAnsi(line, from, to);', 'return cachedSliceAnsi(line, from, to);'],
			[
				`row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
				'row.push(EMPTY_CELL);',
			],
			[
				`.map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();`,
				`.map((line, rowIndex) => {
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return rowText(lineWithoutEmptyItems, rowIndex);`,
			],
		],
		append: OUTPUT_HELPERS,
	},
	{
		filter: /[\\/]widest-line[\\/]index\.js$/,
		replace: [['export default function widestLine(string) {', 'function measureWidestLine(string) {']],
		append: `
const widestLines = new Map();
let widestChars = 0;
export default function widestLine(string) {
	let width = widestLines.get(string);
	if (width === undefined) {
		if (widestLines.size > 5000 || widestChars > 2000000) {
			widestLines.clear();
			widestChars = 0;
		}
		width = measureWidestLine(string);
		widestLines.set(string, width);
		widestChars += string.length;
	}
	return width;
}
`,
	},
];

export const inkCaches = {
	name: 'ink-caches',
	setup(build) {
		for (const {filter, replace, append} of PATCHES) {
			build.onLoad({filter}, async ({path}) => {
				let text = await readFile(path, 'utf8');
				for (const [from, to] of replace) {
					const at = text.indexOf(from);
					if (at < 0 || text.indexOf(from, at + 1) >= 0)
						throw new Error(`${path}: not exactly one "${from}" to replace (did it change?)`);
					text = text.replace(from, to);
				}
				return {contents: `${text}${append}`, loader: 'js'};
			});
		}
	},
};
