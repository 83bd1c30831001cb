#!/usr/bin/env node
// After tsc: bundles the CLI (dist/cli.js and what it imports) with esbuild into dist/bundle/, in chunks so that
// lazy imports stay lazy (DuckDB is loaded after the screen's first frame, the S3 client only for s3:// sources),
// and makes dist/cli.js load the bundle (running tsc alone afterwards puts the unbundled entry back: it works, and
// starts about 0.4 s slower). One file per chunk instead of hundreds of modules: Ink alone pulls in the
// whole es-toolkit/compat barrel (about 0.4 s of start-up) for one function. DuckDB (a native binding) and the AWS
// SDK stay external; react-devtools-core is only loaded by Ink with DEV=true and is not installed.
import {readFile, rename, rm, writeFile} from 'node:fs/promises';
import {build} from 'esbuild';
import {inkCaches} from './bundle/ink-caches.mjs';

const STUB = "#!/usr/bin/env node\nimport './bundle/cli.js';\n";
// tsc writes dist/cli.js; a second run of this script (without tsc in between) finds the stub there instead.
if ((await readFile('dist/cli.js', 'utf8')) !== STUB) await rename('dist/cli.js', 'dist/cli.tsc.js');
await rm('dist/bundle', {recursive: true, force: true});
await build({
	entryPoints: {cli: 'dist/cli.tsc.js', 'inspect-worker': 'dist/loader/inspect-worker.js'},
	outdir: 'dist/bundle',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// piscina finds its own worker script beside its files.
	external: ['@duckdb/node-api', '@aws-sdk/*', 'react-devtools-core', 'piscina'],
	// CommonJS dependencies (React) call require() for Node's own modules.
	banner: {
		js: "import {createRequire as __clicktrailRequire} from 'node:module'; const require = __clicktrailRequire(import.meta.url);",
	},
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [inkCaches],
	logLevel: 'warning',
	legalComments: 'none',
});
await writeFile('dist/cli.js', STUB, {mode: 0o755});
