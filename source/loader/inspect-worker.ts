/**
 * The content scan's worker thread (see inspect-pool.ts): inspects one file (hash, scan, candidates) and answers
 * with plain data. An error comes back as its message, so the loader records it like an in-process failure.
 */
import {inspectFile, type InspectOptions, type Inspection} from './inspect.js';

export type InspectTask = {file: string; options: InspectOptions};
export type InspectReply = {inspection: Inspection} | {error: string};

export default async function inspectTask({file, options}: InspectTask): Promise<InspectReply> {
	try {
		return {inspection: await inspectFile(file, options)};
	} catch (error) {
		return {error: error instanceof Error ? error.message : String(error)};
	}
}
