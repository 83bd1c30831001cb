/** The inventory as the JSON `clicktrail inventory --format json` writes: one object, invisible characters escaped. */
import {jsonValue} from '../text/values.js';
import type {Inventory} from './types.js';

/** One line of JSON (keys in the documented order), ending with a newline. */
export function inventoryJson(inventory: Inventory): string {
	return `${jsonValue(inventory)}\n`;
}
