/**
 * Saved views and console history in real temporary case files.
 */
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FilterState} from '../../source/query/filters.js';
import {caseStore} from '../../source/store/case-store.js';
import {CaseFile} from '../../source/store/database.js';
import {addHistory, HISTORY_LIMIT, listHistory} from '../../source/store/history.js';
import {deleteView, getView, listViews, renameView, saveView, ViewError} from '../../source/store/views.js';
import {tempDir} from '../helpers/temp.js';

let db: CaseFile;
let file: string;

beforeAll(async () => {
	file = path.join(await tempDir(), 'case.duckdb');
	db = await CaseFile.open(file);
});

afterAll(() => db?.close());

const FILTER: FilterState = {
	chips: [
		{kind: 'field', field: 'principal', value: "arn:aws:sts::1:assumed-role/o'neil", exclude: false},
		{kind: 'field', field: 'deviceId', value: null, exclude: true},
		{kind: 'from', time: new Date('2024-12-03T23:28:00Z'), label: '2024-12-03 23:28Z'},
		{kind: 'errors'},
		{kind: 'text', text: 'needle'},
	],
};

describe('views', () => {
	it('saves a filter view and reads the same chips back (times as instants)', async () => {
		const saved = await saveView(db, {name: 'incident', description: 'the session', filter: FILTER});
		expect(saved.filter).toEqual(FILTER);
		expect(saved.sql).toBeNull();
		expect(saved.description).toBe('the session');
		expect((await getView(db, 'incident')).filter).toEqual(FILTER);
	});

	it('saves a SQL view; lists views by name', async () => {
		await saveView(db, {name: 'a-sql', sql: 'SELECT 1'});
		expect((await listViews(db)).map(v => v.name)).toEqual(['a-sql', 'incident']);
	});

	it('refuses a duplicate name and leaves the view as it was', async () => {
		await expect(saveView(db, {name: 'incident', sql: 'SELECT 2'})).rejects.toThrow(ViewError);
		expect((await getView(db, 'incident')).filter).toEqual(FILTER);
	});

	it('replaces on request, keeping the created time', async () => {
		const before = await getView(db, 'a-sql');
		const after = await saveView(
			db,
			{name: 'a-sql', sql: 'SELECT 3'},
			{replace: true, now: new Date(before.created.getTime() + 60_000)},
		);
		expect(after.sql).toBe('SELECT 3');
		expect(after.created).toEqual(before.created);
		expect(after.updated.getTime()).toBeGreaterThan(before.updated.getTime());
	});

	it('renames, refusing an existing or unknown name', async () => {
		await expect(renameView(db, 'a-sql', 'incident')).rejects.toThrow(/already exists/);
		await expect(renameView(db, 'nope', 'x')).rejects.toThrow(/no view named "nope"/);
		expect((await renameView(db, 'a-sql', 'b-sql')).name).toBe('b-sql');
		expect((await listViews(db)).map(v => v.name)).toEqual(['b-sql', 'incident']);
	});

	it('deletes, refusing an unknown name', async () => {
		await expect(deleteView(db, 'nope')).rejects.toThrow(ViewError);
		await deleteView(db, 'b-sql');
		expect((await listViews(db)).map(v => v.name)).toEqual(['incident']);
	});

	it('refuses empty names, control characters and views with nothing in them', async () => {
		await expect(saveView(db, {name: '  ', sql: 'SELECT 1'})).rejects.toThrow(/needs a name/);
		await expect(saveView(db, {name: 'a\u001b[2J', sql: 'SELECT 1'})).rejects.toThrow(/control/);
		await expect(saveView(db, {name: 'empty'})).rejects.toThrow(/filter or SQL/);
	});

	it('a read-only store lists but refuses to write, saying why', async () => {
		const store = caseStore(db, 'the case file is in use by another process');
		// The file is open for writing here; the reason given makes the store behave as the fallback would.
		const readOnly = await CaseFile.open(path.join(path.dirname(file), 'ro.duckdb')).then(async f => {
			f.close();
			return CaseFile.open(path.join(path.dirname(file), 'ro.duckdb'), {readOnly: true});
		});
		try {
			const ro = caseStore(readOnly, 'the case file is in use by another process');
			expect(ro.writable).toBe(false);
			expect(await ro.listViews()).toEqual([]);
			await expect(ro.saveView({name: 'x', sql: 'SELECT 1'})).rejects.toThrow(
				/in use by another process: views cannot be saved/,
			);
			await ro.addHistory('SELECT 1');
			expect(await ro.listHistory()).toEqual([]);
		} finally {
			readOnly.close();
		}
		expect(store.writable).toBe(true);
	});
});

describe('history', () => {
	it('keeps statements in order, skipping an immediate repeat', async () => {
		await addHistory(db, 'SELECT 1');
		await addHistory(db, 'SELECT 1');
		await addHistory(db, '  SELECT 2\n');
		await addHistory(db, '');
		expect(await listHistory(db)).toEqual(['SELECT 1', 'SELECT 2']);
	});

	it('survives closing and reopening the case file', async () => {
		db.close();
		db = await CaseFile.open(file);
		expect(await listHistory(db)).toEqual(['SELECT 1', 'SELECT 2']);
	});

	it(`keeps the newest ${HISTORY_LIMIT}`, async () => {
		for (let i = 0; i < HISTORY_LIMIT + 5; i++) await addHistory(db, `SELECT ${i + 100}`);
		const list = await listHistory(db);
		expect(list).toHaveLength(HISTORY_LIMIT);
		expect(list.at(-1)).toBe(`SELECT ${HISTORY_LIMIT + 104}`);
	});
});
