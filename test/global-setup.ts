/**
 * Builds the CLI once before any test file runs (tests drive dist/cli.js in pipes and ptys). Under `npm test` the
 * build already ran (pretest). Building inside test files instead raced: one file's build removed dist/bundle
 * while another file ran the CLI.
 */
import {execFileSync} from 'node:child_process';

export default function setup(): void {
	if (process.env['npm_lifecycle_event'] === 'test') return;
	execFileSync('npm', ['run', 'build', '--silent'], {stdio: 'inherit'});
}
