/**
 * Saved views, kept in the case file's `views` table so that they travel with the evidence. A view is a filter
 * (the screen's chips, as JSON), a SQL statement, or both; each has a unique name.
 */
import {filterFromJson, filterToJson} from '../query/filter-json.js';
import type {FilterState} from '../query/filters.js';
import type {CaseFile, Row} from './database.js';

/** A saved view as the store returns it. */
export type SavedView = {
	name: string;
	description: string | null;
	/** The filter chips, or null for a SQL-only view. */
	filter: FilterState | null;
	/** The SQL, or null for a filter-only view. */
	sql: string | null;
	created: Date;
	updated: Date;
};

/** What to save: a name, an optional description, and a filter or SQL (or both). */
export type ViewInput = {name: string; description?: string | null; filter?: FilterState | null; sql?: string | null};

/** A view operation the user asked for that cannot be done (unknown or duplicate name, bad name). */
export class ViewError extends Error {
	override name = 'ViewError';
}

/** Names: 1 to 100 characters, no control characters, not only spaces. */
export function checkViewName(name: string): string {
	const trimmed = name.trim();
	if (trimmed === '') throw new ViewError('a view needs a name');
	if (trimmed.length > 100) throw new ViewError('a view name is at most 100 characters');

	if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) throw new ViewError('a view name cannot hold control characters');
	return trimmed;
}

function viewOf(row: Row): SavedView {
	const filter = row['filter'];
	return {
		name: String(row['name']),
		description: row['description'] === null ? null : String(row['description']),
		filter: typeof filter === 'string' ? filterFromJson(filter) : null,
		sql: row['sql'] === null ? null : String(row['sql']),
		created: row['created'] as Date,
		updated: row['updated'] as Date,
	};
}

const COLUMNS = 'name, description, CAST(filter AS VARCHAR) AS filter, sql, created, updated';

/** Every saved view, by name. */
export async function listViews(db: CaseFile): Promise<SavedView[]> {
	return (await db.all(`SELECT ${COLUMNS} FROM views ORDER BY name`)).map(viewOf);
}

/** The view called `name`; throws {@link ViewError} if there is none. */
export async function getView(db: CaseFile, name: string): Promise<SavedView> {
	const row = (await db.all(`SELECT ${COLUMNS} FROM views WHERE name = ?`, [name]))[0];
	if (!row) throw new ViewError(`no view named "${name}"${await suggestion(db)}`);
	return viewOf(row);
}

async function suggestion(db: CaseFile): Promise<string> {
	const names = (await db.all(`SELECT name FROM views ORDER BY name LIMIT 10`)).map(row => String(row['name']));
	return names.length === 0 ? ' (the case file has no saved views)' : `; saved views: ${names.join(', ')}`;
}

/**
 * Saves a new view; with `replace`, overwrites one of the same name (keeping its created time). Without it, an
 * existing name is a {@link ViewError} and nothing changes.
 */
export async function saveView(
	db: CaseFile,
	input: ViewInput,
	options: {replace?: boolean; now?: Date} = {},
): Promise<SavedView> {
	const name = checkViewName(input.name);
	const filter = input.filter ? filterToJson(input.filter) : null;
	const sql = input.sql?.trim() ? input.sql : null;
	if (filter === null && sql === null) throw new ViewError('a view needs a filter or SQL');
	const now = options.now ?? new Date();
	return db.transaction(async () => {
		const existing = await db.all(`SELECT created FROM views WHERE name = ?`, [name]);
		if (existing[0] && !options.replace)
			throw new ViewError(`a view named "${name}" already exists (delete it first, or choose another name)`);
		const created = (existing[0]?.['created'] as Date | undefined) ?? now;
		await db.run(`DELETE FROM views WHERE name = ?`, [name]);
		await db.run(
			`INSERT INTO views (name, description, filter, sql, created, updated) VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))`,
			[name, input.description?.trim() || null, filter, sql, created.toISOString(), now.toISOString()],
		);
		return getView(db, name);
	});
}

/** Renames a view; throws {@link ViewError} if `from` does not exist or `to` does. */
export async function renameView(db: CaseFile, from: string, to: string, now = new Date()): Promise<SavedView> {
	const name = checkViewName(to);
	return db.transaction(async () => {
		const view = await getView(db, from);
		if (name === view.name) return view;
		if ((await db.all(`SELECT 1 FROM views WHERE name = ?`, [name])).length > 0)
			throw new ViewError(`a view named "${name}" already exists`);
		await db.run(`UPDATE views SET name = ?, updated = CAST(? AS TIMESTAMPTZ) WHERE name = ?`, [
			name,
			now.toISOString(),
			view.name,
		]);
		return getView(db, name);
	});
}

/** Deletes a view; throws {@link ViewError} if there is none of that name. */
export async function deleteView(db: CaseFile, name: string): Promise<void> {
	await db.transaction(async () => {
		await getView(db, name);
		await db.run(`DELETE FROM views WHERE name = ?`, [name]);
	});
}
