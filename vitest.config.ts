import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		// Upper bounds for a hang, not for speed: on a 2-core machine with a CPU hog and other test runs beside the suite
		// (load average 14-16), loads that take 10 s alone took over 30 s and failed 7-10 tests of 805 by timeout.
		testTimeout: 90_000,
		// CI also writes the results as JSON, from which .ci/run prints one closing line.
		reporters: process.env['CI'] ? ['default', ['json', {outputFile: '.ci/test-results.json'}]] : ['default'],
		hookTimeout: 120_000,
		env: {TZ: 'UTC', FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
