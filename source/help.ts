/**
 * `clicktrail COMMAND --help` (or `-h`): the parts of the help text about that command. Pure: the text is cut from
 * the one help text in cli.tsx by its section titles, so the two cannot drift apart.
 */
import {COMMAND_NAMES} from './cli/option-types.js';

const COMMANDS: readonly string[] = COMMAND_NAMES;

/** The command whose help `args` (argv after the program) ask for, 'screen' for the general help; undefined if none. */
export function helpRequest(args: readonly string[]): string | undefined {
	const end = args.indexOf('--');
	const before = end === -1 ? args : args.slice(0, end);
	if (!before.includes('--help') && !before.includes('-h')) return undefined;
	return before.find(arg => COMMANDS.includes(arg)) ?? 'screen';
}

/** Section titles (their first word) each command's help shows, after its usage lines. */
const SECTIONS: Record<string, string[]> = {
	demo: ['Screen'],
	load: ['SOURCE', 'Case', 'Load', 'S3', 'Exit'],
	query: ['Case', 'Query', 'Exit'],
	views: ['Case', 'Views', 'Exit'],
	sample: ['Sample'],
	verify: ['Verify', 'S3', 'Exit'],
	inventory: ['Case', 'Inventory', 'Exit'],
	device: ['Case', 'Inventory', 'Exit'],
	lineage: ['Case', 'Lineage', 'Exit'],
	sessions: ['Case', 'Lineage', 'Exit'],
	hunt: ['Case', 'Hunt', 'Exit'],
	athena: ['Case', 'Athena', 'S3', 'Exit'],
	report: ['Case', 'Report', 'Exit'],
	marks: ['Case', 'Report', 'Exit'],
};

/** The help for `command` ('screen': all of it), from the full help text, without its common indentation. */
export function commandHelp(help: string, command: string): string {
	const blocks = dedent(help)
		.split(/\n\s*\n/)
		.map(block => block.replace(/^\n+|\s+$/g, ''))
		.filter(Boolean);
	const wanted = SECTIONS[command];
	if (!wanted) return `${blocks.join('\n\n')}\n`;
	const usage = (blocks.find(block => block.startsWith('Usage')) ?? '')
		.split('\n')
		.filter((line, index) => index === 0 || new RegExp(`\\$ clicktrail ${command}\\b`).test(line));
	const sections = blocks.filter(block => wanted.includes(/^\S+/.exec(block)?.[0] ?? ''));
	const examples = (blocks.find(block => block.startsWith('Examples')) ?? '')
		.split('\n')
		.filter((line, index) => index === 0 || new RegExp(`\\$ clicktrail ${command}\\b`).test(line));
	return `${[usage.join('\n'), ...sections, ...(examples.length > 1 ? [examples.join('\n')] : [])].join('\n\n')}\n`;
}

function dedent(text: string): string {
	const lines = text.split('\n');
	const indents = lines.filter(line => line.trim() !== '').map(line => /^[\t ]*/.exec(line)![0].length);
	const common = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map(line => line.slice(common)).join('\n');
}
