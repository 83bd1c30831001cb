// Lint rules, including the seams between floors (see ARCHITECTURE.md). `npm run lint` runs this with --max-warnings 0.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a folder must not make, each with the reason shown to whoever breaks it. */
const DUCKDB = {group: ['@duckdb/*'], message: 'Only source/store/ talks to DuckDB.'};
const STORE_INTERNAL = {
	group: ['**/store/internal/*'],
	message:
		"source/store/internal/ is the store's own: read through CaseFile and the reader, with {sql, params} from source/query/.",
};
const AWS = {
	group: ['@aws-sdk/*'],
	message: 'AWS access lives in source/sources/s3/ and source/athena/ (tests fill their test bucket).',
};
const SCREEN = {
	group: ['ink', 'ink-*', 'react', '**/ui/*', '**/ui/**'],
	message: 'Only the screen (source/ui/) and the commands that start it use Ink, React or the screen.',
};
const PURE_QUERY = {
	group: ['**/store/*', '**/loader/*', '**/sources/*'],
	message: 'source/query/ is pure: it builds SQL text and parameters, and imports no store, loader or source module.',
};
const PANE = {
	group: ['**/hooks/*', '**/store/*'],
	message: 'Panes render what they are given; data comes through hooks into state, never from a pane.',
};

/**
 * One entry per folder, each listing every restriction that applies to it: ESLint does not merge the options of one
 * rule across entries (the last matching entry wins), so the lists are composed here rather than layered.
 */
const seam = (files, ...patterns) => ({files, rules: {'no-restricted-imports': ['error', {patterns}]}});
const seams = [
	seam(['source/**', 'scripts/**'], DUCKDB, AWS, STORE_INTERNAL),
	seam(['test/**'], DUCKDB, STORE_INTERNAL),
	seam(['source/store/**'], AWS, SCREEN),
	seam(['source/sources/s3/**', 'source/athena/**'], DUCKDB, SCREEN, STORE_INTERNAL),
	seam(
		['source/sources/*.ts', 'source/loader/**', 'source/text/**', 'source/inventory/**', 'source/verify/**'],
		DUCKDB,
		AWS,
		SCREEN,
		STORE_INTERNAL,
	),
	seam(['source/events/**', 'source/query/**', 'source/hunt/**'], DUCKDB, AWS, SCREEN, PURE_QUERY, STORE_INTERNAL),
	seam(['source/ui/panes/**'], DUCKDB, AWS, PANE, STORE_INTERNAL),
	{files: ['scripts/bench/naive-load.mjs'], rules: {'no-restricted-imports': 'off'}},
];

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', '.ci/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		plugins: {'import-x': importX, 'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'import-x/no-duplicates': 'error',
			'import-x/first': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
			],
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
			'no-control-regex': 'off',
		},
	},
	// The floors and seams (ARCHITECTURE.md).
	...seams,
	{files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked},
);
