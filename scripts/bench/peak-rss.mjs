// Preloaded with `node --import` into a benchmarked process: at exit, writes its peak RSS (bytes) and CPU time
// (user + system, seconds, all threads) to fd 3 as JSON.
import {writeSync} from 'node:fs';

process.on('exit', () => {
	try {
		const usage = process.resourceUsage();
		writeSync(
			3,
			`${JSON.stringify({peakRss: usage.maxRSS * 1024, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6})}\n`,
		);
	} catch {
		// fd 3 not open: not run by the benchmark.
	}
});
