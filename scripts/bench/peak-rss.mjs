// Preloaded with `node --import` into a benchmarked process: prints its peak RSS (bytes) to fd 3 at exit.
import {writeSync} from 'node:fs';

process.on('exit', () => {
	try {
		writeSync(3, `${process.resourceUsage().maxRSS * 1024}\n`);
	} catch {
		// fd 3 not open: not run by the benchmark.
	}
});
