/**
 * Where the screen keeps its session between runs: $XDG_STATE_HOME/clicktrail/ (default ~/.local/state/clicktrail/),
 * one file per case file, named by a hash of the case file's absolute path. Never in the case file, which the screen
 * holds read-only. Read when the screen opens (unless --fresh), written when it quits.
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {sessionFromJson, sessionToJson, type Session} from '../ui/state/session.js';

/** The case file's absolute path (symbolic links resolved when it exists). */
export function caseFileKey(caseFile: string): string {
	const absolute = path.resolve(caseFile);
	try {
		return realpathSync(absolute);
	} catch {
		return absolute;
	}
}

/** The session file for a case file. */
export function sessionPath(caseFile: string, env: NodeJS.ProcessEnv = process.env): string {
	const state = env['XDG_STATE_HOME'];
	const base = state && path.isAbsolute(state) ? state : path.join(homedir(), '.local', 'state');
	const hash = createHash('sha256').update(caseFileKey(caseFile)).digest('hex').slice(0, 32);
	return path.join(base, 'clicktrail', `${hash}.json`);
}

/** The session saved for a case file, if any (a missing or unreadable file: none). */
export function readSession(caseFile: string, env: NodeJS.ProcessEnv = process.env): Session | undefined {
	try {
		return sessionFromJson(readFileSync(sessionPath(caseFile, env), 'utf8'), caseFileKey(caseFile));
	} catch {
		return undefined;
	}
}

/** Saves a case file's session (readable by the user only); throws when the folder cannot be written. */
export function writeSession(caseFile: string, session: Session, env: NodeJS.ProcessEnv = process.env): void {
	const file = sessionPath(caseFile, env);
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, sessionToJson(session, caseFileKey(caseFile)), {mode: 0o600});
	renameSync(temporary, file);
}
