import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 30_000,
		// CI also writes the results as JSON, from which .ci/run prints one closing line.
		reporters: process.env['CI'] ? ['default', ['json', {outputFile: '.ci/test-results.json'}]] : ['default'],
		hookTimeout: 60_000,
		env: {TZ: 'UTC', FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
