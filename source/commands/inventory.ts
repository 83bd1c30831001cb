/**
 * `clicktrail inventory [--at TIME]` and `clicktrail device DEVICE_ID`: the IoT 1-Click inventory replayed from the
 * case file (source/query/inventory.ts), and one device's dossier. The case file is opened read-only and sandboxed,
 * as `query` opens it; nothing is stored.
 */
import {existsSync} from 'node:fs';
import {EXIT, UserError} from '../exit-codes.js';
import {assembleInventory} from '../inventory/assemble.js';
import {assembleDossier} from '../inventory/dossier.js';
import {inventoryJson} from '../inventory/json.js';
import {dossierRows, inventoryRows, type FactRows} from '../inventory/rows.js';
import type {Options} from '../options.js';
import {writeRows} from '../output/write-rows.js';
import {CaseFile} from '../store/database.js';
import {readDeviceDossier, readInventory} from '../store/inventory.js';
import type {RowChunk} from '../store/stream.js';
import {jsonValue} from '../text/values.js';
import {expected} from './query.js';

/** Run `body` on the case file opened read-only and sandboxed (a missing file is a user error). */
export async function withCase<T>(options: Options, body: (db: CaseFile) => Promise<T>): Promise<T> {
	if (!existsSync(options.db)) {
		throw new UserError(
			`no case file at ${options.db}: load some logs first (clicktrail load SOURCE...) or pass --db PATH`,
		);
	}
	try {
		const db = await CaseFile.open(options.db, {readOnly: true, sandbox: true});
		try {
			return await body(db);
		} finally {
			db.close();
		}
	} catch (error) {
		throw expected(error);
	}
}

async function* once(rows: FactRows): AsyncGenerator<RowChunk> {
	yield rows;
}

async function write(rows: FactRows, options: Options): Promise<void> {
	await writeRows(
		once(rows),
		{format: options.format ?? 'table', wide: options.wide, maxRows: options.maxRows},
		process.stdout,
	);
}

export async function runInventory(options: Options): Promise<number> {
	const inventory = await withCase(options, async db => assembleInventory(await readInventory(db, options.at)));
	if (options.format === 'json') process.stdout.write(inventoryJson(inventory));
	else await write(inventoryRows(inventory), options);
	return EXIT.ok;
}

export async function runDevice(options: Options): Promise<number> {
	const deviceId = options.deviceId!;
	const dossier = await withCase(options, async db => assembleDossier(deviceId, await readDeviceDossier(db, deviceId)));
	if (dossier.events.length === 0)
		throw new UserError(`no IoT 1-Click event names device ${jsonValue(deviceId)} in ${options.db}`, EXIT.error);
	if (options.format === 'json') process.stdout.write(`${jsonValue(dossier)}\n`);
	else await write(dossierRows(dossier), options);
	return EXIT.ok;
}
