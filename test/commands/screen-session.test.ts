/**
 * Where the session file lives: under $XDG_STATE_HOME/clicktrail/ (default ~/.local/state/clicktrail/), named by a
 * hash of the case file's absolute path, readable by the user only; written and read back.
 */
import {statSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readSession, sessionPath, writeSession} from '../../source/commands/screen-session.js';
import type {Session} from '../../source/ui/state/session.js';
import {tempDir} from '../helpers/temp.js';

const SESSION: Session = {
	filter: {chips: [{kind: 'errors'}]},
	zooms: [],
	focus: 'facets',
	order: 'desc',
	direction: 'forward',
	row: 2,
};

describe('the session file', () => {
	it('lives under XDG_STATE_HOME (or ~/.local/state), one per case file by its absolute path', async () => {
		const state = await tempDir();
		const env = {XDG_STATE_HOME: state};
		const file = sessionPath('case.duckdb', env);
		expect(path.dirname(file)).toBe(path.join(state, 'clicktrail'));
		expect(path.basename(file)).toMatch(/^[0-9a-f]{32}\.json$/);
		expect(sessionPath(path.resolve('case.duckdb'), env)).toBe(file);
		expect(sessionPath('other.duckdb', env)).not.toBe(file);
		expect(path.dirname(sessionPath('case.duckdb', {}))).toBe(path.join(homedir(), '.local', 'state', 'clicktrail'));
		// A relative XDG_STATE_HOME is ignored, as the specification says.
		expect(path.dirname(sessionPath('case.duckdb', {XDG_STATE_HOME: 'relative'}))).toBe(
			path.join(homedir(), '.local', 'state', 'clicktrail'),
		);
	});

	it('is written readable by the user only and read back; none before', async () => {
		const state = await tempDir();
		const env = {XDG_STATE_HOME: state};
		const db = path.join(state, 'acme.duckdb');
		expect(readSession(db, env)).toBeUndefined();
		writeSession(db, SESSION, env);
		expect(readSession(db, env)).toEqual(SESSION);
		expect(statSync(sessionPath(db, env)).mode & 0o777).toBe(0o600);
		expect(readSession(path.join(state, 'other.duckdb'), env)).toBeUndefined();
	});
});
