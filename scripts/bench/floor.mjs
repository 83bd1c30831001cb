// The decompression floor: every file of a corpus through zcat, two at a time, to /dev/null. Wall and CPU time
// (user + sys of the zcat processes, from bash's `times`).
import {spawn} from 'node:child_process';

export function decompressionFloor(files) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn('bash', ['-c', 'xargs -0 -n 64 -P 2 zcat -f > /dev/null; times'], {
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		let out = '';
		child.stdout.on('data', chunk => (out += chunk));
		child.on('error', reject);
		child.on('close', code => {
			if (code !== 0) return reject(new Error(`zcat exited ${code}`));
			// `times`: the shell's user/sys, then its children's: "0m1.234s 0m0.567s".
			const seconds = [
				...out
					.trim()
					.split('\n')
					.at(-1)
					.matchAll(/(\d+)m([\d.]+)s/g),
			].map(([, m, s]) => Number(m) * 60 + Number(s));
			resolve({ms: performance.now() - started, cpu: seconds[0] + seconds[1]});
		});
		child.stdin.end(files.join('\0'));
	});
}
